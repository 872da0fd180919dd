import { CircleDot, Trash2 } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { useSpec } from '../../stores/catalog';
import { useGraph } from '../../stores/graph';
import { useNodeErrors } from '../../stores/problems';
import { useRun } from '../../stores/run';
import { NodeOutput } from '../run/NodeOutput';
import { SchemaForm } from './SchemaForm';

const noFieldErrors: Record<string, string> = {};

/** ConfigPanel edits the selected node: name, breakpoint, config form with its field errors, and shows its last output. */
export function ConfigPanel() {
  const selected = useGraph((s) => s.selected);
  // The node's data keeps its identity while the node moves, so dragging does not re-render the form.
  const data = useGraph((s) => s.nodes.find((n) => n.id === s.selected)?.data);
  const spec = useSpec(data?.type ?? '');
  const errors = useNodeErrors(selected);
  const state = useRun((s) => (selected ? s.nodes[selected] : undefined));
  if (!selected || !data) {
    return (
      <aside className="w-80 shrink-0 border-l border-slate-200 bg-white p-4 text-sm text-slate-500">
        Select a node to edit its settings. Add nodes from the left, connect an output (right dot) to an input (left dot), then save and run.
      </aside>
    );
  }
  const { updateNode, removeSelected } = useGraph.getState();
  const fields = errors?.fields ?? noFieldErrors;
  return (
    <aside className="w-80 shrink-0 space-y-4 overflow-y-auto border-l border-slate-200 bg-white p-4" data-testid="config-panel">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">{spec?.label ?? data.type}</h2>
        <Button variant="ghost" size="icon" title="Delete node (Del)" onClick={removeSelected}>
          <Trash2 className="h-4 w-4" />
        </Button>
      </div>
      <label className="block text-xs font-medium text-slate-700">
        Name
        <Input className="mt-1" name="node-name" value={data.name} aria-invalid={!!errors?.node.name} onChange={(e) => updateNode(selected, { name: e.target.value })} />
        {errors?.node.name && <span role="alert" className="text-[11px] text-red-600">{errors.node.name}</span>}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="breakpoint" checked={data.has_breakpoint} onChange={(e) => updateNode(selected, { has_breakpoint: e.target.checked })} />
        <CircleDot className="h-4 w-4 text-red-500" /> Pause before this node (breakpoint)
      </label>
      {fields[''] && <p role="alert" className="text-[11px] text-red-600">{fields['']}</p>}
      {spec && <SchemaForm schema={spec.config_schema} value={data.config} onChange={(config) => updateNode(selected, { config })} errors={fields} />}
      {state && <NodeOutput state={state} />}
    </aside>
  );
}
