import { PanelLeftClose, PanelLeftOpen, PanelRightClose, PanelRightOpen } from 'lucide-react';
import { useEffect, useId, type ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { usePersistentFlag } from '../../lib/usePersistentFlag';
import { Button } from './button';

/** SidePanelProps are a collapsible side panel's title, side, width, remembered state and contents. */
type SidePanelProps = {
  side: 'left' | 'right';
  title: string;
  /** label names the panel for its toggle and for screen readers ("node list"). */
  label: string;
  /** storageKey is where the open or collapsed state is remembered. */
  storageKey: string;
  /** width is the open panel's width class (w-52). */
  width: string;
  /** actions sit in the header of the open panel, beside the title. */
  actions?: ReactNode;
  /** rail is what the collapsed panel still shows (icons), under the expand button. */
  rail?: ReactNode;
  /** openRequest opens a collapsed panel each time it changes (something in it asks for the focus). */
  openRequest?: number;
  children: ReactNode;
};

/**
 * SidePanel is a side panel that collapses to a narrow rail with a button
 * (named for screen readers, reachable by keyboard), remembering its state.
 */
export function SidePanel({ side, title, label, storageKey, width, actions, rail, openRequest = 0, children }: SidePanelProps) {
  const [open, setOpen] = usePersistentFlag(storageKey, true);
  useEffect(() => {
    if (openRequest > 0) setOpen(true);
  }, [openRequest, setOpen]);
  const id = useId();
  const Icon = side === 'left' ? (open ? PanelLeftClose : PanelLeftOpen) : open ? PanelRightClose : PanelRightOpen;
  const toggle = (
    <Button variant="ghost" size="icon" className="shrink-0" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={id}
      aria-label={`${open ? 'Collapse' : 'Expand'} the ${label}`} title={`${open ? 'Collapse' : 'Expand'} the ${label}`}>
      <Icon className="h-4 w-4" />
    </Button>
  );
  return (
    <aside aria-label={label} className={cn('flex shrink-0 flex-col border-slate-200 bg-white', side === 'left' ? 'border-r' : 'border-l', open ? width : 'w-12')}>
      <div className={cn('flex h-11 shrink-0 items-center gap-1 px-2', open && 'border-b border-slate-100')}>
        {side === 'right' && toggle}
        {open && <h2 className="min-w-0 flex-1 truncate px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>}
        {open && actions}
        {side === 'left' && toggle}
      </div>
      <div id={id} className="min-h-0 flex-1 overflow-y-auto">{open ? children : rail}</div>
    </aside>
  );
}
