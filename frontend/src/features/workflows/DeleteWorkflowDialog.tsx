import { Button } from '../../components/ui/button';
import { Dialog, DialogActions, DialogClose, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';

/**
 * DeleteWorkflowDialog asks before a workflow and all its runs are deleted;
 * target is the workflow asked about, null when closed; error is why the
 * server refused (a run of it still going).
 */
export function DeleteWorkflowDialog({ target, busy, error, onConfirm, onClose }: {
  target: { id: string; name: string } | null;
  busy: boolean;
  error?: string;
  onConfirm: (id: string) => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="delete-dialog">
        <DialogTitle>Delete “{target?.name}”?</DialogTitle>
        <DialogDescription>The workflow, all its runs and their images are deleted. This cannot be undone. What they cost stays in your usage and this month's spend.</DialogDescription>
        {error && <p role="alert" className="text-sm text-red-600" data-testid="delete-error">{error}</p>}
        <DialogActions>
          <DialogClose asChild><Button variant="outline">Keep it</Button></DialogClose>
          <Button variant="danger" disabled={busy} onClick={() => target && onConfirm(target.id)} data-testid="delete-confirm">Delete</Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}
