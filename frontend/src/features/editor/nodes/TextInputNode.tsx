import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../../../stores/graph';
import { NodeShell } from './NodeShell';

/** TextInputNode shows the start of its text. */
export function TextInputNode(props: NodeProps<FlowNode>) {
  const value = String(props.data.config.value ?? '');
  return <NodeShell {...props}>{value ? <span className="line-clamp-2">“{value}”</span> : <i className="text-slate-400">no text yet</i>}</NodeShell>;
}
