import { authHeaders } from './client';
import type { Execution, RunEvent, RunSnapshot } from './types';

/** Handlers receive the stream's snapshot and changes. */
export type Handlers = { snapshot: (x: Execution) => void; change: (ev: RunEvent) => void; end: () => void };

/** parseSSE splits a text/event-stream chunk buffer into complete events. */
export function parseSSE(buffer: string): { events: { event: string; data: string }[]; rest: string } {
  const events: { event: string; data: string }[] = [];
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trim());
    }
    if (data.length) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/** follow streams an execution's events (fetch, so the JWT can be sent); it returns a stop function. */
export function follow(executionId: string, h: Handlers): () => void {
  const ctrl = new AbortController();
  (async () => {
    try {
      const res = await fetch(`/api/executions/${executionId}/events`, { headers: await authHeaders(), signal: ctrl.signal });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSSE(buf + value);
        buf = parsed.rest;
        for (const ev of parsed.events) {
          if (ev.event === 'snapshot') h.snapshot((JSON.parse(ev.data) as RunSnapshot).execution);
          else if (ev.event === 'change') h.change(JSON.parse(ev.data) as RunEvent);
        }
      }
    } catch {
      /* aborted or network: the caller re-reads the execution */
    }
    h.end();
  })();
  return () => ctrl.abort();
}
