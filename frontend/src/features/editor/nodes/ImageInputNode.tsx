import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../../../stores/graph';
import { NodeShell } from './NodeShell';

/** ImageInputNode shows a thumbnail of its photo. */
export function ImageInputNode(props: NodeProps<FlowNode>) {
  const url = String(props.data.config.image_url ?? '');
  return <NodeShell {...props}>{url ? <img src={url} alt="" className="h-12 rounded object-cover" /> : <i className="text-slate-400">no image yet</i>}</NodeShell>;
}
