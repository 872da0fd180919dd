import { fieldProblem } from '../../api/problemText';
import type { ProblemDetail } from '../../api/types';

/**
 * NodeErrors are one node's errors. fields are keyed by the config path after
 * "config." ('' when the config as a whole is wrong); node holds errors about
 * the node itself, keyed by "name", "type", "inputs.<port>" … ('' for the whole node).
 */
export type NodeErrors = { fields: Record<string, string>; node: Record<string, string> };

/** GraphErrors are the API's located errors placed on nodes (by id), edges (by id), or the graph as a whole. */
export type GraphErrors = { nodes: Record<string, NodeErrors>; edges: Record<string, string>; graph: string[] };

/**
 * SentGraph is the graph the locations index into: the PUT .../graph body as
 * sent, or for execute the saved workflow as the server returned it.
 */
export type SentGraph = { nodes?: { id: string }[] | null; edges?: { id?: string }[] | null };

/** noErrors is the empty GraphErrors. */
export const noErrors: GraphErrors = { nodes: {}, edges: {}, graph: [] };

const located = /^body\.(nodes|edges)\[(\d+)\](?:\.(.+))?$/;

/** add sets a message under a key, joining messages that land on the same key. */
function add(into: Record<string, string>, key: string, message: string) {
  into[key] = into[key] ? `${into[key]}; ${message}` : message;
}

/**
 * graphErrors places the API's errors by location: body.nodes[i] is the node
 * at index i of the graph that was sent, body.edges[i] the edge at index i.
 * Errors that name no node or edge of it belong to the graph. Each is
 * said for people (fieldProblem: "must be at most 4", not "expected number <= 4").
 */
export function graphErrors(details: ProblemDetail[], sent: SentGraph): GraphErrors {
  const out: GraphErrors = { nodes: {}, edges: {}, graph: [] };
  for (const d of details) {
    const message = fieldProblem(d.message ?? '');
    const m = located.exec(d.location ?? '');
    const id = m && (m[1] === 'nodes' ? sent.nodes : sent.edges)?.[Number(m[2])]?.id;
    if (!m || !id) {
      out.graph.push(message);
    } else if (m[1] === 'edges') {
      add(out.edges, id, message);
    } else {
      const e = (out.nodes[id] ??= { fields: {}, node: {} });
      const path = m[3] ?? '';
      if (path === 'config') add(e.fields, '', message);
      else if (path.startsWith('config.')) add(e.fields, path.slice('config.'.length), message);
      else add(e.node, path, message);
    }
  }
  return out;
}

/** subjects name a node's own fields in a one-problem summary ("the name cannot be empty"); other places read on their own. */
const subjects: Record<string, string> = { name: 'the name' };

/** onlyProblem is the one problem of a refusal that has just one, at a node's own place (its name, type, an input, the whole node); else null. */
function onlyProblem(e: GraphErrors): string | null {
  const nodes = Object.values(e.nodes);
  if (nodes.length !== 1 || Object.keys(e.edges).length + e.graph.length > 0 || Object.keys(nodes[0].fields).length > 0) return null;
  const own = Object.entries(nodes[0].node);
  return own.length === 1 ? (subjects[own[0][0]] ? `${subjects[own[0][0]]} ${own[0][1]}` : own[0][1]) : null;
}

/**
 * problemSummary says in one line what a refused save or run left to fix,
 * from where its errors landed: "1 node has problems to fix (marked in
 * red)", with the problem itself when it is the only one and the node's
 * own (a node this server cannot run: the notice says why where Run was
 * pressed), refused connections, and the graph's own errors in full;
 * fallback (the server's summary) when none could be placed.
 */
export function problemSummary(e: GraphErrors, fallback: string): string {
  const parts: string[] = [];
  const n = Object.keys(e.nodes).length;
  const m = Object.keys(e.edges).length;
  const only = onlyProblem(e);
  if (n) parts.push(`${n === 1 ? '1 node has' : `${n} nodes have`} problems to fix (marked in red)${only ? `: ${only}` : ''}`);
  if (m) parts.push(`${m === 1 ? '1 connection was' : `${m} connections were`} refused (in red)`);
  parts.push(...e.graph);
  return parts.length ? parts.join('; ') : fallback;
}

/**
 * besideErrors is what a node's warnings add to its errors: a warning at a
 * place (a field, an input) that also has an error, or saying what an
 * error says, is left out, so one problem shows once (in red) and not
 * again in amber. undefined when nothing is left.
 */
export function besideErrors(warnings: NodeErrors | undefined, errors: NodeErrors | undefined): NodeErrors | undefined {
  if (!warnings || !errors) return warnings;
  const said = new Set([...Object.values(errors.node), ...Object.values(errors.fields)]);
  /** keep drops the entries whose place or words an error already has. */
  const keep = (w: Record<string, string>, e: Record<string, string>) =>
    Object.fromEntries(Object.entries(w).filter(([k, msg]) => !(k in e) && !said.has(msg)));
  const out = { node: keep(warnings.node, errors.node), fields: keep(warnings.fields, errors.fields) };
  return Object.keys(out.node).length + Object.keys(out.fields).length > 0 ? out : undefined;
}
