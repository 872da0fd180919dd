/** WordsView is the part of the canvas sampleWords reads: nodes with their type, name and config, and edges with their target port. */
type WordsView = {
  nodes: { id: string; data: { type: string; name: string; config: object } }[];
  edges: { source: string; target: string; targetHandle?: string | null }[];
};

/**
 * sampleWords are the {{variables}} an Ad layout's previews can fill before
 * a run: the values of the Text inputs connected to it, under the names a
 * run gives them ("text", "<node name>.text", and the port the edge enters,
 * if any). Variables from other nodes (a prompt, what is trending) are only
 * known once a run made them, so they stay as written.
 */
export function sampleWords(layoutId: string, g: WordsView): Record<string, string> {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const out: Record<string, string> = {};
  for (const e of g.edges) {
    const src = byId.get(e.source);
    if (e.target !== layoutId || src?.data.type !== 'TEXT_INPUT') continue;
    const value = (src.data.config as { value?: unknown }).value;
    if (typeof value !== 'string' || !value.trim()) continue;
    out.text = value;
    out[`${src.data.name}.text`] = value;
    if (e.targetHandle) out[e.targetHandle] = value;
  }
  return out;
}

/** fillKnown fills the {{variables}} of template that words knows, leaving the others as written. */
export function fillKnown(template: string, words: Record<string, string>): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (all, name: string) => (Object.hasOwn(words, name) ? words[name] : all));
}
