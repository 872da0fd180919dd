/**
 * panel is how tall the results panel is, in CSS pixels and as a share of
 * the window: clamp(11rem, 31vh, 20rem) (ResultsPanel).
 */
const panel = { min: 176, vh: 31, max: 320 };

/** chrome is what of the panel's height a thumbnail does not take: the gallery's header and the strip's padding. */
const chrome = 44;

/**
 * stripSizes is the sizes attribute of a width x height image in the
 * gallery strip, which shows it as tall as the panel allows: so the
 * browser fetches the thumbnail that is sharp at that height, no larger.
 */
export function stripSizes(width: number, height: number): string {
  const r = Number((width / height).toFixed(3));
  const px = (tall: number) => `${Math.round((tall - chrome) * r)}px`;
  const tallest = Math.ceil((panel.max * 100) / panel.vh);
  const shortest = Math.floor((panel.min * 100) / panel.vh);
  return `(min-height: ${tallest}px) ${px(panel.max)}, (max-height: ${shortest}px) ${px(panel.min)}, calc((${panel.vh}vh - ${chrome}px) * ${r})`;
}
