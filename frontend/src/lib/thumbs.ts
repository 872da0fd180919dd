/**
 * THUMB_WIDTHS are the widths the server makes thumbnails of its stored
 * images at (backend/internal/thumb: Widths; a Go test checks they agree).
 */
export const THUMB_WIDTHS = [160, 320, 640];

/**
 * thumbable says whether the server makes thumbnails of url: an image it
 * stores itself (under /files/), asked for plainly. Images in Supabase
 * Storage have none: they are shown whole.
 */
export function thumbable(url: string): boolean {
  try {
    const u = new URL(url, 'http://relative.invalid');
    return u.pathname.startsWith('/files/') && u.search === '';
  } catch {
    return false;
  }
}

/** thumbUrl is url's thumbnail at one of THUMB_WIDTHS. */
export function thumbUrl(url: string, width: number): string {
  return `${url}?w=${width}`;
}

/**
 * thumbSrcSet is the srcset of url's thumbnails, for a browser to pick the
 * smallest that is sharp at the size shown: those narrower than the image
 * (its natural width, when known), then the image itself at its own width.
 * It is undefined when the server makes no thumbnails of url.
 */
export function thumbSrcSet(url: string, naturalWidth?: number): string | undefined {
  if (!thumbable(url)) return undefined;
  const known = naturalWidth !== undefined && naturalWidth > 1;
  const widths = known ? THUMB_WIDTHS.filter((w) => w < naturalWidth) : THUMB_WIDTHS;
  const set = widths.map((w) => `${thumbUrl(url, w)} ${w}w`);
  if (known) set.push(`${url} ${naturalWidth}w`);
  return set.join(', ');
}
