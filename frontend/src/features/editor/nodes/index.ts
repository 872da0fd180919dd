import { FLOW_NODE } from '../../../stores/flow';
import { WorkflowNode } from './WorkflowNode';

/** nodeTypes is React Flow's one node type: WorkflowNode draws every node type of the catalog. Defined once at module scope. */
export const nodeTypes = { [FLOW_NODE]: WorkflowNode };
