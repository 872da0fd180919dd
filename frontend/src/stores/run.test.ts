import { describe, expect, it } from 'vitest';
import { parseSSE } from '../api/events';
import { execution } from '../test/fixtures';
import { canConnect } from './catalog';
import { applyEvent } from './run';

describe('run events', () => {
  const x = execution('x');

  it('folds node and execution events into the run', () => {
    let s = applyEvent(x, {}, { execution_id: 'x', node_id: 'n', status: 'RUNNING', time: '' });
    s = applyEvent(s.execution, s.nodes, { execution_id: 'x', node_id: 'n', status: 'FAILED', error: 'boom', time: '' });
    s = applyEvent(s.execution, s.nodes, { execution_id: 'x', status: 'FAILED', error: 'node "n" failed: boom', cost: 0, time: '' });
    expect(s.nodes.n.status).toBe('FAILED');
    expect(s.nodes.n.error_message).toBe('boom');
    expect(s.execution?.status).toBe('FAILED');
    expect(s.execution?.total_cost).toBe(0);
    expect(applyEvent(s.execution, s.nodes, { execution_id: 'other', status: 'COMPLETED', time: '' }).execution?.status).toBe('FAILED');
  });

  it('parses a text/event-stream buffer, keeping the incomplete tail', () => {
    const { events, rest } = parseSSE('id: 1\nevent: snapshot\ndata: {"a":1}\n\nevent: change\ndata: {"b"');
    expect(events).toEqual([{ event: 'snapshot', data: '{"a":1}' }]);
    expect(rest).toBe('event: change\ndata: {"b"');
  });

  it('refuses connections between ports of different kinds', () => {
    expect(canConnect('images', 'images', false)).toBe(true);
    expect(canConnect('text', 'images', false)).toBe(false);
    expect(canConnect('data', 'text', false)).toBe(true);
    expect(canConnect('images', 'text', true)).toBe(true);
  });
});
