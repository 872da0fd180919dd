import { describe, expect, it } from 'vitest';
import { spendDetail, spendText } from './useMe';

describe('spend in words', () => {
  it('says the month\'s spend against the budget, or alone without one', () => {
    expect(spendText({ spent: 0.12, monthly_budget: 25 })).toBe('$0.12 of $25.00 this month');
    expect(spendText({ spent: 0.12, monthly_budget: null })).toBe('$0.12 this month');
    expect(spendDetail({ spent: 1, reserved: 0.25, left: 23.75, monthly_budget: 25 })).toBe('Spent $1.00 this month; $0.25 set aside for running nodes; $23.75 left of $25.00');
    expect(spendDetail({ spent: 0, reserved: 0, left: null, monthly_budget: null })).toBe('Spent $0.00 this month; no monthly budget');
  });
});
