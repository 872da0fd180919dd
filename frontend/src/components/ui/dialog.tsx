import * as D from '@radix-ui/react-dialog';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from '../../lib/cn';

/** Dialog is Radix's dialog root: open state, focus trap, Escape to close. */
export const Dialog = D.Root;
/** DialogClose closes the dialog it sits in (use asChild around a Button). */
export const DialogClose = D.Close;

/** DialogContent is a centred dialog over a dimmed page; className sizes it (max-w-md by default). */
export function DialogContent({ className, children, ...props }: ComponentProps<typeof D.Content>) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-50 bg-slate-900/50" />
      <D.Content
        className={cn('fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none', className)}
        {...props}
      >
        {children}
      </D.Content>
    </D.Portal>
  );
}

/** DialogTitle names the dialog for screen readers and shows it as its heading. */
export function DialogTitle({ className, ...props }: ComponentProps<typeof D.Title>) {
  return <D.Title className={cn('text-base font-semibold text-slate-900', className)} {...props} />;
}

/** DialogDescription is the dialog's explanation, read out when it opens. */
export function DialogDescription({ className, ...props }: ComponentProps<typeof D.Description>) {
  return <D.Description className={cn('mt-2 text-sm text-slate-600', className)} {...props} />;
}

/** DialogActions lines up a dialog's buttons at its bottom right. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex justify-end gap-2">{children}</div>;
}
