import { fieldProblem, plain } from '../../api/problemText';
import type { BrandKit, BrandKitBody, BrandKitPatch, ProblemDetail } from '../../api/types';

/**
 * KitDraft is a brand kit as its form edits it: every field a string, the
 * logo's URL empty for none, and the text colour kept while "contrast
 * chooses" is on, so turning it off again restores it.
 */
export type KitDraft = {
  name: string;
  logo_url: string;
  primary_color: string;
  /** autoText leaves the text colour to contrast (white or black); text_color is then not sent. */
  autoText: boolean;
  text_color: string;
  headline_font: string;
  body_font: string;
};

/** FieldErrors are a form's errors by field name; '' holds what belongs to no one field. */
export type FieldErrors = Record<string, string>;

/** BUNDLED_DEFAULT is the font family a new kit starts with; the server's own default (BrandKitBody's). */
export const BUNDLED_DEFAULT = 'inter';

/** blankDraft is a new kit's form: a dark button, contrast choosing the text colour, the default font. */
export const blankDraft: KitDraft = {
  name: '', logo_url: '', primary_color: '#111827', autoText: true, text_color: '#ffffff', headline_font: BUNDLED_DEFAULT, body_font: BUNDLED_DEFAULT,
};

/** draftOf is a saved kit's form. */
export function draftOf(k: BrandKit): KitDraft {
  return {
    name: k.name, logo_url: k.logo_url ?? '', primary_color: k.primary_color, autoText: k.text_color === null,
    text_color: k.text_color ?? blankDraft.text_color, headline_font: k.headline_font, body_font: k.body_font,
  };
}

/** bodyOf is what a draft saves as a new kit: the logo and the text colour left out when there are none. */
export function bodyOf(d: KitDraft): BrandKitBody {
  return {
    name: d.name.trim(), primary_color: d.primary_color.toLowerCase(), headline_font: d.headline_font, body_font: d.body_font,
    ...(d.logo_url ? { logo_url: d.logo_url } : {}),
    ...(d.autoText ? {} : { text_color: d.text_color.toLowerCase() }),
  };
}

/** patchOf is what a draft saves over a saved kit: every field, and null for a logo or text colour it no longer has (PATCH keeps what it is not sent). */
export function patchOf(d: KitDraft): BrandKitPatch {
  return { ...bodyOf(d), logo_url: d.logo_url || null, text_color: d.autoText ? null : d.text_color.toLowerCase() };
}

/** HEX is a colour as the API takes it. */
export const HEX = /^#[0-9a-fA-F]{6}$/;

/** checkDraft finds what the server would refuse before asking it: a missing name, a colour not written #rrggbb. */
export function checkDraft(d: KitDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.name.trim()) errors.name = 'give the kit a name';
  if (!HEX.test(d.primary_color)) errors.primary_color = 'write a colour as #rrggbb, e.g. #ff5a1f';
  if (!d.autoText && !HEX.test(d.text_color)) errors.text_color = 'write a colour as #rrggbb, e.g. #ffffff';
  return errors;
}

/**
 * fieldErrors places a refused request's errors at their fields: each
 * location ("body.primary_color", "body.font") names its field after
 * "body."; an error without one, or at the body itself, goes under ''.
 * With no located errors, the message itself goes under ''. Each is said
 * for people (fieldProblem): "is too long: use at most 100 characters".
 */
export function fieldErrors(errors: ProblemDetail[], message: string): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const field = /^body\.([\w]+)/.exec(e.location ?? '')?.[1] ?? '';
    const msg = fieldProblem(e.message ?? message);
    out[field] = out[field] ? `${out[field]}; ${msg}` : msg;
  }
  if (errors.length === 0) out[''] = plain(message);
  return out;
}

/** sameDraft says whether two drafts save the same kit (the form has no unsaved changes). */
export function sameDraft(a: KitDraft, b: KitDraft): boolean {
  return JSON.stringify(bodyOf(a)) === JSON.stringify(bodyOf(b));
}

/**
 * previewKit is what the preview draws a draft with: its settings as saving
 * would send them (a name stands in while it has none, as the preview needs
 * none), or null while a colour would be refused.
 */
export function previewKit(d: KitDraft): BrandKitBody | null {
  const errors = checkDraft(d);
  delete errors.name;
  if (Object.keys(errors).length > 0) return null;
  const body = bodyOf(d);
  return { ...body, name: body.name || 'Preview' };
}
