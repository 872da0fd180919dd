import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { BUDGET_ACTION, budgetRefusal, budgetText } from './runRefusal';

describe('a run the budget refuses', () => {
  it('says the estimate and what the budget has left, every amount in one format', () => {
    expect(budgetText(0.012, { left: 0.004, monthly_budget: 1 }, 'x'))
      .toBe('Not run: it is estimated at $0.012, more than the $0.004 your monthly budget of $1.00 has left.');
    expect(budgetText(0.012, { left: -0.5, monthly_budget: 1 }, 'x')).toContain('more than the $0.00 your monthly budget of $1.00 has left');
  });

  it('blames the server\'s budget when the user\'s would cover the run', () => {
    expect(budgetText(0.5, { left: null, monthly_budget: null }, 'x')).toBe(
      'Not run: it is estimated at $0.50, more than this server\'s monthly budget for all its users has left. Runs that cost nothing still start.');
  });

  it('falls back to the server\'s words, without its log-like figures, when the figures cannot be read', async () => {
    const err = new ApiError('this run is estimated at $0.0120 but your monthly budget of $1.00 has $0.0040 left', 402);
    const notice = await budgetRefusal(err, () => Promise.reject(new Error('offline')));
    expect(notice?.text).toBe('Not run: over the monthly budget; this run is estimated at $0.0120 but your monthly budget of $1.00 has $0.0040 left.');
    expect(notice?.action).toBe(BUDGET_ACTION);
  });

  it('leaves every other failure to the usual handling', async () => {
    const figures = () => Promise.resolve<[number, null]>([0, null]);
    expect(await budgetRefusal(new ApiError('the graph is not valid', 422, [{ location: 'body.nodes[0].name' }]), figures)).toBeNull();
    expect(await budgetRefusal(new Error('network'), figures)).toBeNull();
  });
});
