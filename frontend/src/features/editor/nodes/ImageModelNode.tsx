import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../../../stores/graph';
import { NodeShell } from './NodeShell';

/** ImageModelNode shows the model and how many images it asks for. */
export function ImageModelNode(props: NodeProps<FlowNode>) {
  const c = props.data.config;
  const p = (c.parameters ?? {}) as Record<string, unknown>;
  const model = String(c.model ?? '').replace('fal-ai/', '');
  return <NodeShell {...props}>{model} · {String(p.num_images ?? 1)} × {String(p.aspect_ratio ?? p.image_size ?? 'landscape_4_3')}</NodeShell>;
}
