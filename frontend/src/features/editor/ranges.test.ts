import { describe, expect, it } from 'vitest';
import { imageModelSpec } from '../../test/fixtures';
import { fieldRanges, outOfRange, rangeText } from './ranges';

describe('numeric ranges', () => {
  const schema = imageModelSpec.config_schema;

  it('writes bounds for people', () => {
    expect(rangeText({ minimum: 1, maximum: 4 })).toBe('1–4');
    expect(rangeText({ minimum: 0 })).toBe('≥ 0');
    expect(rangeText({ maximum: 20 })).toBe('≤ 20');
    expect(rangeText({ exclusive_minimum: 0 })).toBe('> 0');
    expect(rangeText({})).toBe('');
  });

  it('takes the chosen model\'s ranges over the schema\'s', () => {
    const r = fieldRanges(schema, { model: 'fal-ai/flux/schnell' });
    expect(r['parameters.num_images']).toEqual({ min: 1, max: 4, text: '1–4 for FLUX schnell', placeholder: '1' });
    // The model gives no bound for seed: the schema's stands.
    expect(r['parameters.seed']).toMatchObject({ min: 0, text: '≥ 0' });
  });

  it('uses the default model when none is set, and notes image-to-image ranges that differ', () => {
    expect(fieldRanges(schema, {})['parameters.num_images'].text).toBe('1–4 for FLUX schnell');
    expect(fieldRanges(schema, { model: 'fal-ai/flux/dev' })['parameters.num_images'].text).toBe('1–4 (1–2 with an image) for FLUX dev');
  });

  it('falls back to the schema for an unknown model', () => {
    expect(fieldRanges(schema, { model: 'other' })['parameters.num_images']).toMatchObject({ min: 1, max: 8, text: '1–8' });
  });
  it('says when a number is out of its range, as it is typed', () => {
    expect(outOfRange({ min: 1, max: 16, text: '1–16' }, 40)).toBe('at most 16');
    expect(outOfRange({ min: 1, max: 16, text: '1–16' }, 0)).toBe('at least 1');
    expect(outOfRange({ min: 1, max: 16, text: '1–16' }, 4)).toBe('');
    expect(outOfRange({ min: 1, text: '≥ 1' }, undefined)).toBe('');
    expect(outOfRange(undefined, 40)).toBe('');
    expect(outOfRange({ max: 12, text: '1–12 (1–50 with an image)', loose: true }, 30)).toBe('');
  });
});
