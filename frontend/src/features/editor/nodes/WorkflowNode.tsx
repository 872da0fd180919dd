import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useSpec } from '../../../stores/catalog';
import type { FlowNode } from '../../../stores/flow';
import { bodyFor } from './bodies';
import { NodeShell } from './NodeShell';

/** WorkflowNode draws any node of the catalog: the common shell around its type's body (custom, or generic). */
export const WorkflowNode = memo(function WorkflowNode({ id, data, selected }: NodeProps<FlowNode>) {
  const spec = useSpec(data.type);
  const Body = bodyFor(data.type);
  return (
    <NodeShell id={id} data={data} selected={selected} spec={spec}>
      <Body id={id} config={data.config} spec={spec} />
    </NodeShell>
  );
});
