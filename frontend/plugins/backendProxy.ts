import { connect } from 'node:net';
import type { ProxyOptions } from 'vite';

/** listening says whether something accepts connections at host:port, asking for at most timeoutMs. */
export function listening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** waitForListener asks host:port every pollMs until it listens or waitMs have passed, and says whether it does. */
export async function waitForListener(host: string, port: number, waitMs: number, pollMs = 250): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await listening(host, port)) return true;
    if (Date.now() + pollMs > deadline) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** startingProblem is the answer while the backend is not listening yet. */
export const startingProblem = {
  title: 'Service Unavailable',
  status: 503,
  detail: 'The backend is starting (make dev compiles it first); try again in a moment.',
};

/**
 * backendProxy is the dev server's proxy to the Go backend at target.
 * While the backend is not listening (`make dev` is still compiling it, or
 * it restarts), a request waits for it up to waitMs and then, if it is
 * still down, is answered 503 "the backend is starting", quietly: Vite
 * would log each refused connection as a red error with its stack. Once
 * the backend answered, requests go straight through until a connection
 * fails again.
 */
export function backendProxy(target: string, waitMs = 15_000): ProxyOptions {
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  let up = false;
  return {
    target,
    // The backend's own Host: in local mode it answers only requests addressed to it.
    changeOrigin: true,
    configure: (proxy) => proxy.on('error', () => { up = false; }),
    bypass: async (req, res) => {
      if (up || !res) return undefined;
      up = await waitForListener(host, port, waitMs);
      if (up) return undefined;
      res.writeHead(503, { 'Content-Type': 'application/problem+json', 'Retry-After': '2' }).end(JSON.stringify(startingProblem));
      return req.url; // answered: Vite proxies nothing
    },
  };
}
