import { describe, expect, it } from 'vitest';
import { parseSSE } from './events';

describe('parseSSE', () => {
  it('parses a text/event-stream buffer, keeping the incomplete tail', () => {
    const { events, rest } = parseSSE('id: 1\nevent: snapshot\ndata: {"a":1}\n\nevent: change\ndata: {"b"');
    expect(events).toEqual([{ event: 'snapshot', data: '{"a":1}' }]);
    expect(rest).toBe('event: change\ndata: {"b"');
  });

  it('reads the workflow stream\'s runs and run events, and skips comments', () => {
    const { events } = parseSSE(': keepalive\n\nevent: runs\ndata: {"runs":[]}\n\nevent: run\ndata: {"execution_id":"x"}\n\n');
    expect(events).toEqual([{ event: 'runs', data: '{"runs":[]}' }, { event: 'run', data: '{"execution_id":"x"}' }]);
  });
});
