import { CircleDot, Trash2 } from 'lucide-react';
import type { RunOptions } from '../../api/types';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { SidePanel } from '../../components/ui/side-panel';
import { useSpec } from '../../stores/catalog';
import { useGraph } from '../../stores/graph';
import { useNodeErrors, useNodeWarnings } from '../../stores/problems';
import { useRun } from '../../stores/run';
import { NodeOutput } from '../run/NodeOutput';
import { useConnectFrom } from './connectFrom';
import { ConnectTo } from './ConnectTo';
import { formExtras } from './formExtras';
import { LayoutPreviews } from './LayoutPreviews';
import { NodeRunActions } from './NodeRunActions';
import { SchemaForm } from './SchemaForm';
import { limits } from '../../api/limits.gen';

const noFieldErrors: Record<string, string> = {};

/** RunNode starts a run with options from the panel (Run to here, Regenerate), and whether a run action is on its way. */
type RunNode = { onRun: (o: RunOptions) => void; busy: boolean };

/** ConfigPanel is the collapsible settings panel: the selected node's form and run actions, or how to start when none is selected. */
export function ConfigPanel({ onRun, busy }: RunNode) {
  const selected = useGraph((s) => s.selected);
  const type = useGraph((s) => s.nodes.find((n) => n.id === s.selected)?.data.type);
  const spec = useSpec(type ?? '');
  // Enter on an output's port opens the panel at its "Connect to…" list.
  const asked = useConnectFrom((s) => s.asked);
  const del = (
    <Button variant="ghost" size="icon" title="Delete node (Del)" aria-label="Delete node" onClick={() => useGraph.getState().removeSelected()}>
      <Trash2 className="h-4 w-4" />
    </Button>
  );
  return (
    <SidePanel side="right" label="settings panel" title={type ? `${spec?.label ?? type} settings` : 'Settings'} storageKey="visualadgen.inspector.open" width="w-72" actions={type && del} openRequest={asked}>
      {selected && type ? <NodeSettings id={selected} onRun={onRun} busy={busy} /> : (
        <p className="p-4 text-sm text-slate-500">
          Select a node to edit its settings. Add nodes from the left, drag from an output (right side of a node) to an input (left side), or press Enter on an output, then save and run.
        </p>
      )}
    </SidePanel>
  );
}

/**
 * NodeSettings edits one node: name, breakpoint, what its outputs may be
 * connected to (the keyboard's way to connect), config form with its field
 * errors (and the type's own fields and notes), runs it (to here,
 * regenerate), previews an ad layout, and shows its last output.
 */
function NodeSettings({ id, onRun, busy }: { id: string } & RunNode) {
  // The node's data keeps its identity while the node moves, so dragging does not re-render the form.
  const data = useGraph((s) => s.nodes.find((n) => n.id === id)?.data);
  const spec = useSpec(data?.type ?? '');
  const errors = useNodeErrors(id);
  const warnings = useNodeWarnings(id);
  const state = useRun((s) => s.nodes[id]);
  if (!data) return null;
  const { updateNode } = useGraph.getState();
  const fields = errors?.fields ?? noFieldErrors;
  const extras = formExtras(data.type, data.config);
  return (
    <div className="space-y-4 p-4" data-testid="config-panel">
      <label className="block text-xs font-medium text-slate-700">
        Name
        <Input className="mt-1" name="node-name" value={data.name} maxLength={limits.GraphNode.name.maxLength} aria-invalid={!!errors?.node.name} onChange={(e) => updateNode(id, { name: e.target.value })} />
        {errors?.node.name && <span role="alert" className="text-[11px] text-red-600" data-testid="name-error">{errors.node.name}</span>}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="breakpoint" checked={data.has_breakpoint} onChange={(e) => updateNode(id, { has_breakpoint: e.target.checked })} />
        <CircleDot className="h-4 w-4 text-red-500" aria-hidden /> Pause before this node (breakpoint)
      </label>
      <ConnectTo id={id} name={data.name} />
      {fields[''] && <p role="alert" className="text-[11px] text-red-600">{fields['']}</p>}
      {spec && <SchemaForm schema={spec.config_schema} value={data.config} onChange={(config) => updateNode(id, { config })} errors={fields} warnings={warnings?.fields}
        custom={extras.custom} notes={extras.notes} />}
      {data.type === 'AD_LAYOUT' && <LayoutPreviews id={id} config={data.config} />}
      <NodeRunActions id={id} type={data.type} busy={busy} onRun={onRun} />
      {state && <NodeOutput state={state} />}
    </div>
  );
}
