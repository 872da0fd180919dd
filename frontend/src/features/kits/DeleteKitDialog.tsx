import { Button } from '../../components/ui/button';
import { Dialog, DialogActions, DialogClose, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';

/** DeleteKitDialog asks before a brand kit is deleted; open while name is set. */
export function DeleteKitDialog({ name, busy, onConfirm, onClose }: { name: string | null; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog open={name !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="delete-kit-dialog">
        <DialogTitle>Delete the “{name}” kit?</DialogTitle>
        <DialogDescription>
          Ads already made keep their look. Ad layouts that use this kit will ask for another one (or none) before their next run.
        </DialogDescription>
        <DialogActions>
          <DialogClose asChild><Button variant="outline">Keep it</Button></DialogClose>
          <Button variant="danger" disabled={busy} onClick={onConfirm} data-testid="delete-kit-confirm">Delete</Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}
