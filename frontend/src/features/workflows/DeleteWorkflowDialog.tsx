import { Button } from '../../components/ui/button';
import { Dialog, DialogActions, DialogClose, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';

/** DeleteWorkflowDialog asks before a workflow and all its runs are deleted; target is the workflow asked about, null when closed. */
export function DeleteWorkflowDialog({ target, busy, onConfirm, onClose }: {
  target: { id: string; name: string } | null;
  busy: boolean;
  onConfirm: (id: string) => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="delete-dialog">
        <DialogTitle>Delete “{target?.name}”?</DialogTitle>
        <DialogDescription>The workflow, all its runs and their images are deleted. This cannot be undone.</DialogDescription>
        <DialogActions>
          <DialogClose asChild><Button variant="outline">Keep it</Button></DialogClose>
          <Button variant="danger" disabled={busy} onClick={() => target && onConfirm(target.id)} data-testid="delete-confirm">Delete</Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}
