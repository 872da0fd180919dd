// @vitest-environment node
import { createServer, type Server } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { backendProxy, startingProblem } from './backendProxy';

/** freePort finds a port nothing listens on. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** fakeResponse records what a bypass answers. */
function fakeResponse() {
  const got: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const res = {
    writeHead(status: number, headers: Record<string, string>) {
      Object.assign(got, { status, headers });
      return this;
    },
    end(body: string) {
      got.body = body;
      return this;
    },
  };
  return { res: res as unknown as ServerResponse, got };
}

const req = { url: '/api/healthz' } as IncomingMessage;
let server: Server | undefined;
afterEach(() => server?.close());

describe('the dev proxy to the backend', () => {
  it('answers a quiet 503 while nothing listens', async () => {
    const port = await freePort();
    const { bypass } = backendProxy(`http://127.0.0.1:${port}`, 300);
    const { res, got } = fakeResponse();
    expect(await bypass!(req, res, {})).toBe('/api/healthz');
    expect(got.status).toBe(503);
    expect(got.headers?.['Retry-After']).toBe('2');
    expect(JSON.parse(got.body!)).toEqual(startingProblem);
  });

  it('waits for a backend that starts meanwhile, then proxies', async () => {
    const port = await freePort();
    const { bypass } = backendProxy(`http://127.0.0.1:${port}`, 5000);
    setTimeout(() => { server = createServer().listen(port, '127.0.0.1'); }, 400);
    const { res, got } = fakeResponse();
    expect(await bypass!(req, res, {})).toBeUndefined();
    expect(got.status).toBeUndefined();
  });
});
