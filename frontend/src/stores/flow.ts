import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, NodeConfig, NodeType, RequestBody, Workflow } from '../api/types';

/**
 * NodeDataOf is what a canvas node of type T carries. Its config is the
 * generated config type of T, partial because a draft may still miss required
 * fields until the server accepts it.
 */
export type NodeDataOf<T extends NodeType> = { type: T; name: string; config: Partial<NodeConfig<T>>; has_breakpoint: boolean };

/** NodeData is the canvas node data, discriminated by type. */
export type NodeData = { [T in NodeType]: NodeDataOf<T> }[NodeType];

/** FLOW_NODE is the one React Flow node type: every node renders through WorkflowNode. */
export const FLOW_NODE = 'node';

/** FlowNode is a canvas node. */
export type FlowNode = Node<NodeData, typeof FLOW_NODE>;

/** Snapshot is the canvas: what undo and redo restore. */
export type Snapshot = { nodes: FlowNode[]; edges: Edge[] };

/** GraphBody is the PUT .../graph body. */
export type GraphBody = RequestBody<'put-graph'>;

/** toFlow turns a workflow from the API into canvas nodes and edges. */
export function toFlow(w: Workflow): Snapshot {
  return {
    nodes: (w.nodes ?? []).map((n) => ({
      id: n.id,
      type: FLOW_NODE,
      position: { x: n.position_x, y: n.position_y },
      // The stored type and config are those the server validated against the catalog this union is generated from.
      data: { type: n.type as NodeType, name: n.name, config: n.config ?? {}, has_breakpoint: n.has_breakpoint } as NodeData,
    })),
    edges: (w.edges ?? []).map((e) => ({
      id: e.id,
      source: e.source_node_id,
      target: e.target_node_id,
      sourceHandle: e.source_handle,
      targetHandle: e.target_handle,
    })),
  };
}

/**
 * fromFlow turns the canvas into the PUT .../graph body. Edges keep their ids,
 * so the server's errors (by index) and the saved graph name the same edges.
 */
export function fromFlow(nodes: FlowNode[], edges: Edge[]): GraphBody & { nodes: GraphNode[]; edges: GraphEdge[] } {
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.data.type,
      name: n.data.name,
      config: n.data.config,
      position_x: Math.round(n.position.x),
      position_y: Math.round(n.position.y),
      has_breakpoint: n.data.has_breakpoint,
    })),
    edges: edges.map((e) => ({
      id: e.id,
      source_node_id: e.source,
      target_node_id: e.target,
      ...(e.sourceHandle ? { source_handle: e.sourceHandle } : {}),
      ...(e.targetHandle ? { target_handle: e.targetHandle } : {}),
    })),
  };
}

/** flowNode makes a new canvas node of one type. */
export function flowNode<T extends NodeType>(id: string, type: T, name: string, config: Partial<NodeConfig<T>>, x: number, y: number): FlowNode {
  const data: NodeDataOf<T> = { type, name, config, has_breakpoint: false };
  return { id, type: FLOW_NODE, position: { x, y }, data: data as NodeData };
}
