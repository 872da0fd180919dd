import type { InputPort, NodeSpec, Port, PortKind } from '../../api/types';
import { canConnect } from '../../stores/catalog';

/** Link is an edge, or a connection being drawn or made: from an output (source) to an input (target). */
export type Link = { id?: string; source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null };

/** GraphView is what the connection rules read of the canvas: node names and types, the edges, the catalog. */
export type GraphView = {
  nodes: { id: string; data: { type: string; name: string } }[];
  edges: Link[];
  byType: Record<string, NodeSpec | undefined>;
};

/** kindNames name what flows through a port of each kind, for people; a Record so a new kind fails the build until named. */
const kindNames: Record<PortKind, string> = { text: 'text', image: 'an image', images: 'images', data: 'data', layout: 'an ad layout' };

/** kindName names a port kind for people ("an image"). */
export function kindName(kind: PortKind): string {
  return kindNames[kind];
}

/** accepts says what an input takes, as the catalog says (the server's rule): "text or data". */
export function accepts(into: InputPort): string {
  return into.accepts.map(kindName).join(' or ');
}

/**
 * cyclePath returns a path of node ids from one node to another along the
 * edges ([from, …, to]), or null when to cannot be reached from from.
 */
export function cyclePath(edges: Link[], from: string, to: string): string[] | null {
  const prev = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(prev.get(path[0])!);
      return path;
    }
    for (const e of edges) {
      if (e.source === at && !prev.has(e.target)) {
        prev.set(e.target, at);
        queue.push(e.target);
      }
    }
  }
  return null;
}

/**
 * refusal says why a connection may not be made, or null when it may: an
 * output must feed an input that accepts its kind (the catalog's accepts:
 * the server's rule), on another node, not twice, and without closing a
 * cycle. The editor shows the reason while the connection is being drawn.
 */
export function refusal(c: Link, g: GraphView): string | null {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const src = byId.get(c.source);
  const dst = byId.get(c.target);
  if (!src || !dst) return 'connect an output to an input of another node';
  if (src.id === dst.id) return 'a node cannot feed itself';
  const srcSpec = g.byType[src.data.type];
  const dstSpec = g.byType[dst.data.type];
  const out = srcSpec?.outputs?.find((p) => p.name === c.sourceHandle);
  const into = dstSpec?.inputs?.find((p) => p.name === c.targetHandle);
  if (out && into && !canConnect(out.kind, into)) {
    const output = (srcSpec?.outputs?.length ?? 0) > 1 ? `${out.label} output` : 'output';
    return `${src.data.name}'s ${output} is ${kindName(out.kind)}; ${dst.data.name}'s ${into.label} input takes ${accepts(into)}`;
  }
  /** same says whether an edge joins the same two ports. */
  const same = (e: Link) => e.source === c.source && e.target === c.target && (e.sourceHandle ?? null) === (c.sourceHandle ?? null) && (e.targetHandle ?? null) === (c.targetHandle ?? null);
  if (g.edges.some(same)) return 'already connected';
  const back = cyclePath(g.edges, dst.id, src.id);
  if (back) return `that would make a cycle: ${[src.id, ...back].map((id) => byId.get(id)?.data.name ?? id).join(' → ')}`;
  return null;
}

/**
 * replaced lists the edges a new connection takes the place of: an input that
 * takes one value (text, an image) keeps only its newest source, as in
 * ComfyUI, where the run would otherwise let the later source win unseen. A
 * list input (images) and a node with open inputs (Prompt's variables) keep
 * every source; the server's Spec.Lists names list inputs the same way.
 */
export function replaced(c: Link, g: GraphView): string[] {
  const dst = g.nodes.find((n) => n.id === c.target);
  const spec = dst && g.byType[dst.data.type];
  if (!spec || spec.open_inputs) return [];
  const into = spec.inputs?.find((p) => p.name === c.targetHandle);
  if (!into || into.kind === 'images') return [];
  return g.edges.flatMap((e) => (e.id && e.target === c.target && e.targetHandle === c.targetHandle ? [e.id] : []));
}

/** Target is an input one output may be connected to: the node, the input, and the edges connecting it would replace. */
export type Target = { node: string; nodeName: string; input: InputPort; link: Link; replaces: string[] };

/**
 * targetsFor lists, for each output of a node, the inputs of the other
 * nodes on the canvas it may be connected to now (refusal finds nothing),
 * in the canvas's order: what "Connect to…" offers a keyboard user.
 */
export function targetsFor(nodeId: string, g: GraphView): { output: Port; targets: Target[] }[] {
  const src = g.nodes.find((n) => n.id === nodeId);
  const outputs = (src && g.byType[src.data.type]?.outputs) ?? [];
  return outputs.map((output) => ({
    output,
    targets: g.nodes.flatMap((dst) => (g.byType[dst.data.type]?.inputs ?? []).flatMap((input) => {
      const link: Link = { source: nodeId, sourceHandle: output.name, target: dst.id, targetHandle: input.name };
      return refusal(link, g) === null ? [{ node: dst.id, nodeName: dst.data.name, input, link, replaces: replaced(link, g) }] : [];
    })),
  }));
}
