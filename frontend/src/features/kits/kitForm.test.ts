import { describe, expect, it } from 'vitest';
import type { BrandKit } from '../../api/types';
import { blankDraft, bodyOf, checkDraft, draftOf, fieldErrors, patchOf, previewKit, sameDraft } from './kitForm';

const kit: BrandKit = {
  id: 'k', user_id: 'u', name: 'Acme', logo_url: '/files/uploads/logo.png', primary_color: '#ff5a1f', text_color: null,
  headline_font: 'lato', body_font: 'font-1', created_at: '', updated_at: '',
};

describe('the brand kit form', () => {
  it('edits a saved kit and saves it back, leaving out what it does not have', () => {
    const d = draftOf(kit);
    expect(d).toMatchObject({ logo_url: '/files/uploads/logo.png', autoText: true });
    expect(bodyOf(d)).toEqual({ name: 'Acme', logo_url: '/files/uploads/logo.png', primary_color: '#ff5a1f', headline_font: 'lato', body_font: 'font-1' });
    expect(bodyOf({ ...d, logo_url: '', autoText: false, text_color: '#FFFFFF', name: ' Acme 2 ' })).toEqual({
      name: 'Acme 2', primary_color: '#ff5a1f', text_color: '#ffffff', headline_font: 'lato', body_font: 'font-1',
    });
    expect(sameDraft(d, { ...d, text_color: '#000000' })).toBe(true);
    expect(sameDraft(d, { ...d, primary_color: '#000000' })).toBe(false);
  });

  it('saves over a saved kit with a merge patch that clears a logo or text colour taken away', () => {
    const d = draftOf(kit);
    expect(patchOf(d)).toEqual({ ...bodyOf(d), text_color: null });
    expect(patchOf({ ...d, logo_url: '', autoText: false, text_color: '#FFFFFF' })).toEqual({
      name: 'Acme', logo_url: null, primary_color: '#ff5a1f', text_color: '#ffffff', headline_font: 'lato', body_font: 'font-1',
    });
  });

  it('finds a missing name and a colour not written #rrggbb before asking the server', () => {
    expect(checkDraft(blankDraft)).toEqual({ name: 'give the kit a name' });
    expect(checkDraft({ ...blankDraft, name: 'A', primary_color: 'red', autoText: false, text_color: '#fff' })).toEqual({
      primary_color: 'write a colour as #rrggbb, e.g. #ff5a1f', text_color: 'write a colour as #rrggbb, e.g. #ffffff',
    });
  });

  it('places the server\'s errors at their fields', () => {
    expect(fieldErrors([
      { location: 'body.primary_color', message: 'expected string to match pattern ^#[0-9a-fA-F]{6}$' },
      { location: 'body.headline_font', message: 'choose a bundled family' },
      { location: 'body.headline_font', message: 'or a font you uploaded' },
      { location: 'body', message: 'unexpected property' },
    ], 'validation failed')).toEqual({
      primary_color: 'is not written as expected', headline_font: 'choose a bundled family; or a font you uploaded', '': 'is not accepted here',
    });
    expect(fieldErrors([{ location: 'body.font', message: 'not a TrueType or OpenType font' }], 'x')).toEqual({ font: 'not a TrueType or OpenType font' });
    expect(fieldErrors([{ location: 'body.font', message: 'the file is not a TTF or OTF font: unknown font format tag [110 111 116 32]' }], 'x'))
      .toEqual({ font: 'the file is not a TTF or OTF font' });
    expect(fieldErrors([], 'brand kit not found')).toEqual({ '': 'brand kit not found' });
  });
  it('previews a draft as it would save, unnamed or not, but not with a colour the server would refuse', () => {
    expect(previewKit(blankDraft)).toMatchObject({ name: 'Preview', primary_color: '#111827', headline_font: 'inter' });
    expect(previewKit({ ...draftOf(kit), primary_color: '#FF0000' })).toMatchObject({ name: 'Acme', primary_color: '#ff0000', logo_url: '/files/uploads/logo.png' });
    expect(previewKit({ ...blankDraft, primary_color: 'red' })).toBeNull();
    expect(previewKit({ ...blankDraft, autoText: false, text_color: '#fff' })).toBeNull();
  });
});
