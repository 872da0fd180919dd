import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { LayoutPreviewBody } from '../../api/types';
import { problemText } from '../../api/problemText';

/** PREVIEW_DELAY_MS is how long edits must pause before a preview is drawn: typing a headline asks once, not per key. */
export const PREVIEW_DELAY_MS = 400;

/** Preview is a drawn preview (an object URL of its PNG, the last good one while a new one is drawn), whether one is on its way, and why the last failed. */
export type Preview = { url: string | null; loading: boolean; error: string };

/**
 * useLayoutPreview draws a layout at a placement through POST
 * /api/layout-preview, again whenever body changes (after a pause; an
 * answer overtaken by a newer edit is dropped). Text that cannot fit
 * answers 422: its detail is the error, and the last good picture stays.
 * A null body draws nothing. A new version draws the same body again (the
 * brand kit it names was saved since).
 */
export function useLayoutPreview(body: LayoutPreviewBody | null, version = '', delay = PREVIEW_DELAY_MS): Preview {
  const [state, setState] = useState<Preview>({ url: null, loading: false, error: '' });
  // The picture's object URL, let go when a newer one replaces it or the preview leaves the page.
  const shown = useRef<string | null>(null);
  const key = body ? JSON.stringify(body) : '';
  useEffect(() => {
    if (!key) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      api.layoutPreview(JSON.parse(key) as LayoutPreviewBody, ctrl.signal).then(({ blob }) => {
        if (ctrl.signal.aborted) return;
        if (shown.current) URL.revokeObjectURL(shown.current);
        shown.current = URL.createObjectURL(blob);
        setState({ url: shown.current, loading: false, error: '' });
      }, (err: unknown) => {
        if (ctrl.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: problemText(err) }));
      });
    }, delay);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [key, version, delay]);
  useEffect(() => () => {
    if (shown.current) URL.revokeObjectURL(shown.current);
    shown.current = null;
  }, []);
  return state;
}
