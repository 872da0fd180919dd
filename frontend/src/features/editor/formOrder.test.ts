import { describe, expect, it } from 'vitest';
import { fixedValue, orderedKeys } from './formOrder';

describe('form order', () => {
  it('puts required fields first, each group in x-order, then unnamed ones', () => {
    const schema = {
      'x-order': ['sort', 'subreddit', 'limit'],
      required: ['subreddit', 'extra'],
      properties: { limit: {}, extra: {}, sort: {}, subreddit: {}, other: {} },
    };
    expect(orderedKeys(schema)).toEqual(['subreddit', 'extra', 'sort', 'limit', 'other']);
  });

  it('finds the only value of a single-choice enum', () => {
    expect(fixedValue({ enum: ['reddit'] })).toBe('reddit');
    expect(fixedValue({ enum: ['hot', 'new'] })).toBeUndefined();
    expect(fixedValue({ type: 'string' })).toBeUndefined();
  });
});
