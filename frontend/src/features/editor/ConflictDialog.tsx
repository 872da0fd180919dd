import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { Dialog, DialogActions, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import type { Saving } from './useSave';

/**
 * ConflictDialog asks what to do when a save was refused because the
 * workflow was saved elsewhere (another tab or person) since this tab
 * loaded it: reload the saved version, dropping the edits here, or
 * overwrite it with them. Closing it decides nothing; the edits stay unsaved.
 */
export function ConflictDialog({ saving }: { saving: Saving }) {
  const [busy, setBusy] = useState(false);
  /** choose runs one of the two ways out, keeping both buttons off meanwhile. */
  const choose = (fn: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={saving.conflict !== null} onOpenChange={(open) => !open && saving.dismiss()}>
      <DialogContent data-testid="conflict-dialog">
        <DialogTitle>This workflow changed elsewhere</DialogTitle>
        <DialogDescription className="first-letter:uppercase">{saving.conflict}</DialogDescription>
        <p className="mt-2 text-sm text-slate-600">
          <b>Reload</b> shows the version saved elsewhere and drops your changes here. <b>Overwrite</b> saves your version over it.
        </p>
        <DialogActions>
          <Button variant="outline" onClick={choose(saving.reload)} disabled={busy} data-testid="conflict-reload">Reload</Button>
          <Button variant="danger" onClick={choose(saving.overwrite)} disabled={busy} data-testid="conflict-overwrite">Overwrite</Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}
