import { describe, expect, it } from 'vitest';
import { money } from './money';

describe('money', () => {
  it('writes every amount with cents', () => {
    expect(money(25)).toBe('$25.00');
    expect(money(0)).toBe('$0.00');
    expect(money(0.12)).toBe('$0.12');
    expect(money(3.5)).toBe('$3.50');
    expect(money(1250)).toBe('$1,250.00');
  });

  it('keeps a fraction of a cent, to four places, never padding to them', () => {
    expect(money(0.003)).toBe('$0.003');
    expect(money(0.0031)).toBe('$0.0031');
    expect(money(0.04)).toBe('$0.04');
    expect(money(0.00004)).toBe('$0.00');
    expect(money(-0.00001)).toBe('$0.00');
  });

  it('writes what a refund or a correction takes away with a minus', () => {
    expect(money(-1.5)).toBe('-$1.50');
  });
});
