import { ChevronsRight, RefreshCw } from 'lucide-react';
import type { NodeType, RunOptions } from '../../api/types';
import { Button } from '../../components/ui/button';

/**
 * NodeRunActions are the selected node's own ways to run: "Run to here"
 * runs only the node and what it needs, and an image model's "Regenerate"
 * runs it anew, with everything after it, rather than reuse its earlier
 * images. Both save unsaved changes first, as Run does.
 */
export function NodeRunActions({ id, type, busy, onRun }: { id: string; type: NodeType; busy: boolean; onRun: (o: RunOptions) => void }) {
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label="Run this node">
      <Button type="button" variant="outline" size="sm" disabled={busy} onClick={() => onRun({ until: id })} data-testid="run-to-here"
        title="Run only this node and what it needs (earlier outputs are reused)">
        <ChevronsRight className="h-4 w-4" /> Run to here
      </Button>
      {type === 'IMAGE_MODEL' && (
        <Button type="button" variant="outline" size="sm" disabled={busy} onClick={() => onRun({ fresh: [id] })} data-testid="regenerate"
          title="Generate new images (paid), and run what follows them again">
          <RefreshCw className="h-4 w-4" /> Regenerate
        </Button>
      )}
    </div>
  );
}
