import type { NodeSpec } from '../../api/types';

/** NodeFacts are what a node's spoken label says: its name, type, live status and marks. */
export type NodeFacts = { name: string; typeLabel: string; status?: string; breakpoint?: boolean; problems?: boolean; warnings?: boolean };

/**
 * nodeLabel is a node's accessible name, in words rather than colour: its
 * type and name ("Image model: FLUX dev", or just "Prompt" when the name is
 * the type's), its live status ("running"), a breakpoint, problems and warnings.
 */
export function nodeLabel(n: NodeFacts): string {
  const parts = [n.name === n.typeLabel ? n.name : `${n.typeLabel}: ${n.name}`];
  if (n.status) parts.push(n.status.toLowerCase());
  if (n.breakpoint) parts.push('pauses before running (breakpoint)');
  if (n.problems) parts.push('has problems to fix');
  if (n.warnings) parts.push('has warnings');
  return parts.join(', ');
}

/**
 * edgeLabel is an edge's accessible name, by the nodes it joins ("Edge from
 * Prompt to Image model"), with the input named when the target has several,
 * and the server's error when it refused the edge.
 */
export function edgeLabel(from: string, to: string, toSpec: NodeSpec | undefined, toHandle: string | null | undefined, error?: string): string {
  let s = `Edge from ${from} to ${to}`;
  const inputs = toSpec?.inputs ?? [];
  const port = inputs.find((p) => p.name === toHandle);
  if (port && inputs.length > 1) s += ` (${port.label} input)`;
  return error ? `${s}: ${error}` : s;
}
