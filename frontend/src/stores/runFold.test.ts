import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../api/types';
import { execution } from '../test/fixtures';
import { applyEvent, type RunView } from './runFold';

/** fold applies events in order to a fresh run x. */
function fold(...events: Omit<RunEvent, 'execution_id'>[]): RunView {
  return events.reduce<RunView>((s, ev) => applyEvent(s.execution, s.nodes, { execution_id: 'x', ...ev }), { execution: execution('x'), nodes: {} });
}

describe('applyEvent', () => {
  it('folds node and execution events into the run', () => {
    const s = fold(
      { node_id: 'n', status: 'RUNNING', time: '2026-01-01T10:00:00Z' },
      { node_id: 'n', status: 'FAILED', error: 'boom', time: '2026-01-01T10:00:03Z' },
      { status: 'FAILED', error: 'node "n" failed: boom', cost: 0, time: '2026-01-01T10:00:04Z' },
    );
    expect(s.nodes.n).toMatchObject({ status: 'FAILED', error_message: 'boom', started_at: '2026-01-01T10:00:00Z', finished_at: '2026-01-01T10:00:03Z' });
    expect(s.execution).toMatchObject({ status: 'FAILED', total_cost: 0, finished_at: '2026-01-01T10:00:04Z' });
    expect(applyEvent(s.execution, s.nodes, { execution_id: 'other', status: 'COMPLETED', time: '' }).execution?.status).toBe('FAILED');
  });

  it('keeps FAL\'s progress on a running node, and its clock from when it started running', () => {
    const s = fold(
      { node_id: 'm', status: 'PAUSED', time: '2026-01-01T10:00:00Z' },
      { node_id: 'm', status: 'RUNNING', time: '2026-01-01T10:00:05Z' },
      { node_id: 'm', status: 'RUNNING', progress: { stage: 'queued', queue_position: 2 }, time: '2026-01-01T10:00:06Z' },
      { node_id: 'm', status: 'RUNNING', progress: { stage: 'generating' }, time: '2026-01-01T10:00:09Z' },
    );
    expect(s.nodes.m.progress).toEqual({ stage: 'generating' });
    expect(s.nodes.m.started_at).toBe('2026-01-01T10:00:05Z');
  });

  it('drops the progress when the node ends, and ignores a late progress report for a node that ended', () => {
    const done = fold(
      { node_id: 'm', status: 'RUNNING', progress: { stage: 'generating' }, time: '2026-01-01T10:00:01Z' },
      { node_id: 'm', status: 'COMPLETED', output: { image_urls: ['a.png'] }, time: '2026-01-01T10:00:08Z' },
    );
    expect(done.nodes.m.progress).toBeUndefined();
    const late = applyEvent(done.execution, done.nodes, { execution_id: 'x', node_id: 'm', status: 'RUNNING', progress: { stage: 'queued', queue_position: 0 }, time: '2026-01-01T10:00:09Z' });
    expect(late.nodes).toBe(done.nodes);
    expect(late.nodes.m.status).toBe('COMPLETED');
    expect(late.nodes.m.output_data).toEqual({ image_urls: ['a.png'] });
  });

  it('keeps the start time a snapshot gave a node already running', () => {
    const x = { ...execution('x'), node_executions: [] };
    const running = { m: { id: 'ne', execution_id: 'x', node_id: 'm', status: 'RUNNING', input_data: null, output_data: null, error_message: null, queued_at: null, started_at: '2026-01-01T09:59:00Z', finished_at: null, reused_from: null } };
    const s = applyEvent(x, running, { execution_id: 'x', node_id: 'm', status: 'RUNNING', progress: { stage: 'generating' }, time: '2026-01-01T10:00:00Z' });
    expect(s.nodes.m.started_at).toBe('2026-01-01T09:59:00Z');
  });

  it('marks a node that completed with an earlier output, from its event', () => {
    const s = fold({ node_id: 'm', status: 'COMPLETED', output: { image_urls: ['old.png'], cost: 0 }, reused_from: 'ne-earlier', time: '2026-01-01T10:00:01Z' });
    expect(s.nodes.m.reused_from).toBe('ne-earlier');
    expect(fold({ node_id: 'm', status: 'COMPLETED', output: { cost: 0.003 }, time: '2026-01-01T10:00:01Z' }).nodes.m.reused_from).toBeNull();
  });
});
