// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliFiles } from './precompress';

describe('precompress', () => {
  it('writes a brotli copy of each text file worth it, and of nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'assets'));
    const js = 'export const app = "VisualAdGen";\n'.repeat(200);
    writeFileSync(join(dir, 'assets', 'index-abc.js'), js);
    writeFileSync(join(dir, 'assets', 'logo-abc.png'), Buffer.alloc(4096, 7));
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
    expect(brotliFiles(dir)).toEqual([join(dir, 'assets', 'index-abc.js.br')]);
    const br = readFileSync(join(dir, 'assets', 'index-abc.js.br'));
    expect(brotliDecompressSync(br).toString()).toBe(js);
    expect(br.length).toBeLessThan(js.length / 10);
    rmSync(dir, { recursive: true });
  });
});
