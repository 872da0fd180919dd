import type { Edge } from '@xyflow/react';
import type { FlowNode, Snapshot } from '../../stores/flow';
import type { GraphErrors, NodeErrors } from './graphErrors';

/** valueAt reads a dotted path ("parameters.num_images") in a config. */
function valueAt(config: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), config);
}

/** inputsOf describes what feeds each node (source, output, input), so a change of a node's inputs shows. */
function inputsOf(edges: Edge[]): Map<string, string> {
  const by = new Map<string, string[]>();
  for (const e of edges) by.set(e.target, [...(by.get(e.target) ?? []), `${e.source}|${e.sourceHandle ?? ''}|${e.targetHandle ?? ''}`]);
  return new Map([...by].map(([id, list]) => [id, list.sort().join(',')]));
}

/** keep copies the entries of a record that pass a test; it returns the record itself when all pass. */
function keep(rec: Record<string, string>, test: (key: string) => boolean): Record<string, string> {
  const out = Object.fromEntries(Object.entries(rec).filter(([k]) => test(k)));
  return Object.keys(out).length === Object.keys(rec).length ? rec : out;
}

/** Options say what else makes a field's problem stale: for warnings ("no connected node provides {{city}}"), a change of the node's inputs. */
type Options = { fieldsFollowInputs: boolean };

/**
 * pruneNode keeps a node's problems that the edit from a to b left standing:
 * a field's when the field kept its value (and, with fieldsFollowInputs, the
 * node its inputs), the name's when the name stayed, an input's or the whole
 * node's when its inputs stayed, any other when the node did not change.
 */
function pruneNode(e: NodeErrors, a: FlowNode, b: FlowNode, inputsChanged: boolean, o: Options): NodeErrors {
  if (a.data === b.data && !inputsChanged) return e;
  const fields = keep(e.fields, (path) => {
    if (o.fieldsFollowInputs && inputsChanged) return false;
    if (path === '') return a.data.config === b.data.config;
    return JSON.stringify(valueAt(a.data.config, path)) === JSON.stringify(valueAt(b.data.config, path));
  });
  const node = keep(e.node, (key) => {
    if (key === 'name') return a.data.name === b.data.name;
    if (key === '' || key.startsWith('inputs.')) return !inputsChanged;
    return a.data === b.data;
  });
  return fields === e.fields && node === e.node ? e : { fields, node };
}

/** isEmpty says whether a node has no problem left. */
const isEmpty = (e: NodeErrors) => Object.keys(e.fields).length === 0 && Object.keys(e.node).length === 0;

/** sameEdge says whether an edge still joins the same ports. */
const sameEdge = (a: Edge, b: Edge | undefined) =>
  !!b && a.source === b.source && a.target === b.target && a.sourceHandle === b.sourceHandle && a.targetHandle === b.targetHandle;

/**
 * pruneProblems drops the problems an edit made stale: those of a deleted
 * node or edge, and those about what changed (a field, the name, the
 * inputs). The graph's own ones go when nodes or edges come or go. It
 * returns e itself when nothing went, so subscribers do not re-render.
 */
export function pruneProblems(e: GraphErrors, prev: Snapshot, next: Snapshot, o: Options): GraphErrors {
  const before = new Map(prev.nodes.map((n) => [n.id, n]));
  const after = new Map(next.nodes.map((n) => [n.id, n]));
  const [inputsBefore, inputsAfter] = [inputsOf(prev.edges), inputsOf(next.edges)];
  let changed = false;
  const nodes: GraphErrors['nodes'] = {};
  for (const [id, errs] of Object.entries(e.nodes)) {
    const a = before.get(id);
    const b = after.get(id);
    const kept = !b ? undefined : !a ? errs : pruneNode(errs, a, b, inputsBefore.get(id) !== inputsAfter.get(id), o);
    if (kept !== errs) changed = true;
    if (kept && !isEmpty(kept)) nodes[id] = kept;
  }
  const edgesAfter = new Map(next.edges.map((x) => [x.id, x]));
  const edgesBefore = new Map(prev.edges.map((x) => [x.id, x]));
  const edges = keep(e.edges, (id) => {
    const was = edgesBefore.get(id);
    return !was || sameEdge(was, edgesAfter.get(id));
  });
  const shape = (s: Snapshot) => `${s.nodes.map((n) => n.id).join()}|${s.edges.map((x) => x.id).join()}`;
  const graph = e.graph.length > 0 && shape(prev) !== shape(next) ? [] : e.graph;
  if (!changed && edges === e.edges && graph === e.graph) return e;
  return { nodes, edges, graph };
}

/** hasProblems says whether any problem is left anywhere. */
export function hasProblems(e: GraphErrors): boolean {
  return Object.keys(e.nodes).length > 0 || Object.keys(e.edges).length > 0 || e.graph.length > 0;
}
