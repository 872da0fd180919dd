import { describe, expect, it } from 'vitest';
import { BrandKitSelect } from './BrandKitSelect';
import { formExtras, RATIO_UNUSED } from './formExtras';
import { PlacementPicker } from './PlacementPicker';

describe('what a form draws beyond its schema', () => {
  it('gives the Output its placement picker, and says the ratio does not apply once placements are chosen', () => {
    expect(formExtras('OUTPUT', { aspect_ratio: '4:5' })).toEqual({ custom: { placements: PlacementPicker }, notes: {} });
    expect(formExtras('OUTPUT', { placements: [] }).notes).toEqual({});
    expect(formExtras('OUTPUT', { placements: ['meta_stories'] }).notes).toEqual({ aspect_ratio: RATIO_UNUSED });
  });

  it('gives the Ad layout a select of the user\'s kits, and other types nothing', () => {
    expect(formExtras('AD_LAYOUT', {}).custom).toEqual({ brand_kit_id: BrandKitSelect });
    expect(formExtras('PROMPT', {})).toEqual({ custom: {}, notes: {} });
  });
});
