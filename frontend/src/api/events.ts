import { authHeaders } from './client';
import type { Execution, RunEvent, RunSnapshot, RunSummary } from './types';

/** Handlers receive an execution stream's snapshot and changes, and its end. */
export type Handlers = { snapshot: (x: Execution) => void; change: (ev: RunEvent) => void; end: () => void };

/**
 * WorkflowHandlers receive a workflow stream's runs (newest first, sent again
 * now and then) and each change of one of its runs; live, if given, hears
 * true when a connection's first list arrived (the server listens for
 * changes before it sends the list, so from then on none is missed) and
 * false when the connection ended.
 */
export type WorkflowHandlers = { runs: (runs: RunSummary[]) => void; run: (ev: RunEvent) => void; live?: (open: boolean) => void };

/** SSEvent is one server-sent event: its name and its data. */
type SSEvent = { event: string; data: string };

/** parseSSE splits a text/event-stream chunk buffer into complete events. */
export function parseSSE(buffer: string): { events: SSEvent[]; rest: string } {
  const events: SSEvent[] = [];
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

/**
 * read streams path's events to onEvent until the server ends the stream,
 * the network fails or signal aborts (fetch rather than EventSource, so the
 * JWT can be sent). It resolves either way.
 */
async function read(path: string, signal: AbortSignal, onEvent: (ev: SSEvent) => void): Promise<void> {
  try {
    const res = await fetch(path, { headers: await authHeaders(), signal });
    if (!res.ok || !res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const parsed = parseSSE(buf + value);
      buf = parsed.rest;
      parsed.events.forEach(onEvent);
    }
  } catch {
    /* aborted or network: the caller decides what follows */
  }
}

/** follow streams an execution's events; the stream ends after the run's final state. It returns a stop function. */
export function follow(executionId: string, h: Handlers): () => void {
  const ctrl = new AbortController();
  read(`/api/executions/${executionId}/events`, ctrl.signal, (ev) => {
    if (ev.event === 'snapshot') h.snapshot((JSON.parse(ev.data) as RunSnapshot).execution);
    else if (ev.event === 'change') h.change(JSON.parse(ev.data) as RunEvent);
  }).then(() => h.end());
  return () => ctrl.abort();
}

/** RECONNECT_MS is how long a workflow stream waits before it connects again after the server ended it. */
const RECONNECT_MS = 2000;

/**
 * followWorkflow streams a workflow's runs: their list first (on every
 * connection, so nothing missed while away is lost), then each change of any
 * of them. The server ends the stream now and then; it connects again until
 * stopped. It returns a stop function.
 */
export function followWorkflow(workflowId: string, h: WorkflowHandlers): () => void {
  const ctrl = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** connect reads the stream once, then schedules the next connection. */
  const connect = () => {
    read(`/api/workflows/${workflowId}/events`, ctrl.signal, (ev) => {
      if (ev.event === 'runs') {
        h.runs((JSON.parse(ev.data) as { runs: RunSummary[] | null }).runs ?? []);
        h.live?.(true);
      } else if (ev.event === 'run') h.run(JSON.parse(ev.data) as RunEvent);
    }).then(() => {
      if (ctrl.signal.aborted) return;
      h.live?.(false);
      timer = setTimeout(connect, RECONNECT_MS);
    });
  };
  connect();
  return () => {
    ctrl.abort();
    clearTimeout(timer);
  };
}
