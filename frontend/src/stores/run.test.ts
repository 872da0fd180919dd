import { describe, expect, it } from 'vitest';
import { parseSSE } from '../api/events';
import { graphErrors } from '../features/editor/graphErrors';
import { canConnect } from './catalog';
import { applyEvent } from './run';

describe('run events', () => {
  const x = { id: 'x', workflow_id: 'w', status: 'RUNNING', total_cost: null, error_message: null, started_at: '', finished_at: null };

  it('folds node and execution events into the run', () => {
    let s = applyEvent(x, {}, { execution_id: 'x', node_id: 'n', status: 'RUNNING' });
    s = applyEvent(s.execution, s.nodes, { execution_id: 'x', node_id: 'n', status: 'FAILED', error: 'boom' });
    s = applyEvent(s.execution, s.nodes, { execution_id: 'x', status: 'FAILED', error: 'node "n" failed: boom', cost: 0 });
    expect(s.nodes.n.status).toBe('FAILED');
    expect(s.nodes.n.error_message).toBe('boom');
    expect(s.execution?.status).toBe('FAILED');
    expect(applyEvent(s.execution, s.nodes, { execution_id: 'other', status: 'COMPLETED' }).execution?.status).toBe('FAILED');
  });

  it('parses a text/event-stream buffer, keeping the incomplete tail', () => {
    const { events, rest } = parseSSE('id: 1\nevent: snapshot\ndata: {"a":1}\n\nevent: change\ndata: {"b"');
    expect(events).toEqual([{ event: 'snapshot', data: '{"a":1}' }]);
    expect(rest).toBe('event: change\ndata: {"b"');
  });

  it('maps the API field errors onto nodes and fields', () => {
    const e = graphErrors([
      { message: 'node "Out": aspect_ratio: must be one of 1:1', location: 'body.nodes[n1].config.aspect_ratio' },
      { message: 'the graph has a cycle', location: 'body' },
    ]);
    expect(e).toEqual({ n1: { aspect_ratio: 'must be one of 1:1' } });
  });

  it('refuses connections between ports of different kinds', () => {
    expect(canConnect('images', 'images', false)).toBe(true);
    expect(canConnect('text', 'images', false)).toBe(false);
    expect(canConnect('images', 'anything', true)).toBe(true);
  });
});
