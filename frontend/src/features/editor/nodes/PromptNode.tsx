import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../../../stores/graph';
import { NodeShell } from './NodeShell';

/** PromptNode shows the start of its template. */
export function PromptNode(props: NodeProps<FlowNode>) {
  const t = String(props.data.config.template ?? '');
  return <NodeShell {...props}>{t ? <span className="line-clamp-2 font-mono">{t}</span> : <i className="text-slate-400">no template yet</i>}</NodeShell>;
}
