import { CircleDot, Trash2 } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { useCatalog } from '../../stores/catalog';
import { useGraph } from '../../stores/graph';
import { useRun } from '../../stores/run';
import { NodeOutput } from '../run/NodeOutput';
import { SchemaForm } from './SchemaForm';

/** ConfigPanel edits the selected node: name, breakpoint, config form, and shows its last output. */
export function ConfigPanel({ errors }: { errors: Record<string, Record<string, string>> }) {
  const { nodes, selected, updateNode, removeSelected } = useGraph();
  const { byType } = useCatalog();
  const node = nodes.find((n) => n.id === selected);
  const state = useRun((s) => (selected ? s.nodes[selected] : undefined));
  if (!node) {
    return (
      <aside className="w-80 shrink-0 border-l border-slate-200 bg-white p-4 text-sm text-slate-500">
        Select a node to edit its settings. Add nodes from the left, connect an output (right dot) to an input (left dot), then save and run.
      </aside>
    );
  }
  const spec = byType[node.data.type];
  const nodeErrors = errors[node.id] ?? {};
  return (
    <aside className="w-80 shrink-0 space-y-4 overflow-y-auto border-l border-slate-200 bg-white p-4" data-testid="config-panel">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">{spec?.label ?? node.data.type}</h2>
        <Button variant="ghost" size="icon" title="Delete node (Del)" onClick={removeSelected}>
          <Trash2 className="h-4 w-4" />
        </Button>
      </div>
      <label className="block text-xs font-medium text-slate-700">
        Name
        <Input className="mt-1" name="node-name" value={node.data.name} onChange={(e) => updateNode(node.id, { name: e.target.value })} />
        {nodeErrors.name && <span className="text-[11px] text-red-600">{nodeErrors.name}</span>}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="breakpoint" checked={node.data.has_breakpoint} onChange={(e) => updateNode(node.id, { has_breakpoint: e.target.checked })} />
        <CircleDot className="h-4 w-4 text-red-500" /> Pause before this node (breakpoint)
      </label>
      {nodeErrors.config && <p role="alert" className="text-[11px] text-red-600">{nodeErrors.config}</p>}
      {spec && <SchemaForm schema={spec.config_schema} value={node.data.config} onChange={(config) => updateNode(node.id, { config })} errors={nodeErrors} />}
      {state && <NodeOutput state={state} />}
    </aside>
  );
}
