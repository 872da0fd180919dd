import { create } from 'zustand';
import { useGraph } from '../../stores/graph';

/** ConnectFromState is the output a keyboard user asked to connect (Enter on its port), and how many times they asked. */
type ConnectFromState = {
  from: { node: string; handle: string } | null;
  /** asked counts the requests: asking again moves the focus to the list again. */
  asked: number;
};

/** useConnectFrom is where a port's Enter meets the settings panel's "Connect to…" list. */
export const useConnectFrom = create<ConnectFromState>(() => ({ from: null, asked: 0 }));

/**
 * askToConnect selects a node (on the canvas, and so in the settings
 * panel) and asks its "Connect to…" list to take the focus at one output.
 */
export function askToConnect(node: string, handle: string) {
  const g = useGraph.getState();
  g.onNodesChange(g.nodes.map((n) => ({ type: 'select', id: n.id, selected: n.id === node })));
  g.select(node);
  useConnectFrom.setState((s) => ({ from: { node, handle }, asked: s.asked + 1 }));
}
