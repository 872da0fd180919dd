import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { NoticeAction } from './runRefusal';

/** useOverflows says whether an element's one line of text is cut (wider than the element), rechecked on resize. */
function useOverflows(text: string) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    /** check measures whether the text is cut. */
    const check = () => setCut(el.scrollWidth > el.clientWidth);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    return () => ro.disconnect();
  }, [text]);
  return { ref, cut };
}

/**
 * Notice is the editor's error banner under the header: one line, cut with
 * an ellipsis (the full text in its tooltip and behind "more"), dismissable.
 * It takes no room when there is nothing to say; key it by its text so a new
 * message starts folded. An action is a link to where the problem is fixed.
 */
export function Notice({ text, action, onDismiss }: { text: string; action?: NoticeAction; onDismiss: () => void }) {
  const [expanded, setExpanded] = useState(false);
  const { ref, cut } = useOverflows(text);
  if (!text) return null;
  const button = 'shrink-0 rounded hover:bg-red-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-red-400';
  return (
    <div role="alert" className="flex items-start gap-2 border-b border-red-200 bg-red-50 px-4 py-1 text-sm text-red-700" data-testid="notice">
      <p ref={ref} className={expanded ? 'min-w-0 flex-1 whitespace-pre-wrap break-words' : 'min-w-0 flex-1 truncate'} title={text}>{text}</p>
      {action && (
        <a href={action.href} className="shrink-0 font-medium underline underline-offset-2 hover:text-red-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-red-400" data-testid="notice-action">
          {action.label}
        </a>
      )}
      {(cut || expanded) && (
        <button type="button" className={`${button} flex items-center gap-0.5 px-1 text-xs`} onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
          {expanded ? <>less <ChevronUp className="h-3 w-3" /></> : <>more <ChevronDown className="h-3 w-3" /></>}
        </button>
      )}
      <button type="button" className={`${button} p-0.5`} onClick={onDismiss} aria-label="Dismiss the message" title="Dismiss">
        <X className="h-3.5 w-3.5" />
      </button>
    </div>
  );
}
