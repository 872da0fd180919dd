import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';

/** text are the built files worth compressing. */
const text = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/** minBytes is the smallest file compressed: below it the saving is a packet at most. */
const minBytes = 1024;

/** brotliFiles writes name.br beside each text file under dir of at least minBytes, at brotli's best quality, when it is smaller; it returns the files written. */
export function brotliFiles(dir: string): string[] {
  const written: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      written.push(...brotliFiles(path));
      continue;
    }
    if (!text.test(entry.name) || statSync(path).size < minBytes) continue;
    const data = readFileSync(path);
    const br = brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    if (br.length >= data.length) continue;
    writeFileSync(`${path}.br`, br);
    written.push(`${path}.br`);
  }
  return written;
}

/**
 * precompress is a build step: once the bundle is written, a brotli copy
 * of each text file lies beside it, which the Go server sends to browsers
 * that take brotli (backend/internal/httpapi/static.go), so no answer is
 * compressed on the fly, and harder than on the fly would.
 */
export function precompress(): Plugin {
  return {
    name: 'visualadgen-precompress',
    apply: 'build',
    writeBundle(options) {
      if (options.dir) brotliFiles(options.dir);
    },
  };
}
