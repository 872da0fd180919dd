import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { BUDGET_ACTION, budgetRefusal } from './runRefusal';

describe('a run the budget refuses', () => {
  it('is told as a budget refusal, with the server\'s figures and a way to the budget', () => {
    const detail = 'this run is estimated at $0.0120 but your monthly budget of $1.00 has $0.0040 left: raise the budget, reuse more (fewer fresh nodes), or wait for next month';
    const notice = budgetRefusal(new ApiError(detail, 402));
    expect(notice?.text).toBe('Not run: over your monthly budget. This run is estimated at $0.0120 but your monthly budget of $1.00 has $0.0040 left: raise the budget, reuse more (fewer fresh nodes), or wait for next month');
    expect(notice?.action).toBe(BUDGET_ACTION);
  });

  it('leaves every other failure to the usual handling', () => {
    expect(budgetRefusal(new ApiError('the graph is not valid', 422, [{ location: 'body.nodes[0].name' }]))).toBeNull();
    expect(budgetRefusal(new Error('network'))).toBeNull();
  });
});
