import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../api/types';
import { foldRun, mergeRuns, runToAttach } from './runs';

/** run makes a run summary started at minute m. */
function run(id: string, status: string, m: number): RunSummary {
  return { id, workflow_id: 'w', status, total_cost: null, error_message: null, started_at: `2026-01-01T10:${String(m).padStart(2, '0')}:00Z`, finished_at: null, step_mode: false };
}

describe('the runs list', () => {
  it('merges a fresh list into the old one by id, newest first, the fresh copy winning', () => {
    const merged = mergeRuns([run('a', 'RUNNING', 1), run('old', 'COMPLETED', 0)], [run('b', 'PAUSED', 2), run('a', 'COMPLETED', 1)]);
    expect(merged.map((r) => [r.id, r.status])).toEqual([['b', 'PAUSED'], ['a', 'COMPLETED'], ['old', 'COMPLETED']]);
  });

  it('folds a run change: the status, cost and end of a known run; a new run joins at the top', () => {
    let list = [run('a', 'RUNNING', 1)];
    list = foldRun(list, { execution_id: 'a', workflow_id: 'w', status: 'PAUSED', time: '2026-01-01T10:01:30Z' });
    expect(list[0]).toMatchObject({ id: 'a', status: 'PAUSED', finished_at: null });
    list = foldRun(list, { execution_id: 'a', workflow_id: 'w', status: 'COMPLETED', cost: 0.012, time: '2026-01-01T10:02:00Z' });
    expect(list[0]).toMatchObject({ status: 'COMPLETED', total_cost: 0.012, finished_at: '2026-01-01T10:02:00Z' });
    list = foldRun(list, { execution_id: 'b', workflow_id: 'w', status: 'RUNNING', time: '2026-01-01T10:05:00Z' });
    expect(list.map((r) => r.id)).toEqual(['b', 'a']);
    expect(list[0]).toMatchObject({ status: 'RUNNING', started_at: '2026-01-01T10:05:00Z', workflow_id: 'w' });
  });
});

describe('runToAttach', () => {
  it('reattaches to the newest unfinished run when the workflow opens (running or paused)', () => {
    const runs = [run('done', 'COMPLETED', 3), run('paused', 'PAUSED', 2), run('older', 'RUNNING', 1)];
    expect(runToAttach(new Set(), runs, null)).toBe('paused');
  });

  it('shows the newest run when the workflow opens and every run has ended, so its ads are there', () => {
    expect(runToAttach(new Set(), [run('a', 'COMPLETED', 1), run('b', 'FAILED', 0), run('c', 'CANCELLED', 0)], null)).toBe('a');
    expect(runToAttach(new Set(), [], null)).toBeNull();
  });

  it('then attaches to nothing when every run has ended', () => {
    expect(runToAttach(new Set(['x']), [run('a', 'COMPLETED', 1), run('b', 'FAILED', 0)], null)).toBeNull();
    expect(runToAttach(new Set(), [run('a', 'COMPLETED', 1)], 'b')).toBeNull();
  });

  it('attaches to a run started elsewhere, but not again to one already seen or shown', () => {
    expect(runToAttach(new Set(['a']), [{ id: 'b', status: 'RUNNING' }], 'a')).toBe('b');
    // The list comes again every 15 s: a paused run seen before does not pull back a tab showing an older run.
    expect(runToAttach(new Set(['paused', 'old']), [run('paused', 'PAUSED', 2), run('old', 'COMPLETED', 1)], 'old')).toBeNull();
    expect(runToAttach(new Set(), [{ id: 'a', status: 'RUNNING' }], 'a')).toBeNull();
  });
});
