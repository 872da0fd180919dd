import { describe, expect, it } from 'vitest';
import type { NodeSpec } from '../../api/types';
import { imageModelSpec } from '../../test/fixtures';
import { accepts, cyclePath, refusal, replaced, targetsFor, type GraphView, type Link } from './connection';
import { linkOf } from './ConnectionHint';

/** spec makes a catalog entry with ports only. */
const spec = (type: string, label: string, inputs: NodeSpec['inputs'], outputs: NodeSpec['outputs'], open = false): NodeSpec => ({
  type, label, description: '', icon: '', inputs, outputs, open_inputs: open, defaults: {}, config_schema: {},
});

/**
 * byType is a catalog as GET /api/node-types serves it: each input says the
 * kinds it accepts (the server's rule; every kind on a node with open inputs).
 */
const byType = {
  TEXT_INPUT: spec('TEXT_INPUT', 'Text input', [], [{ name: 'text', label: 'Text', kind: 'text' }]),
  PROMPT: spec('PROMPT', 'Prompt', [{ name: 'vars', label: 'Variables', kind: 'data', accepts: ['text', 'image', 'images', 'data', 'layout'] }],
    [{ name: 'prompt', label: 'Prompt', kind: 'text' }], true),
  IMAGE_MODEL: { ...imageModelSpec, inputs: [...(imageModelSpec.inputs ?? []), { name: 'image_url', label: 'Image', kind: 'image' as const, accepts: ['image' as const] }] },
  OUTPUT: spec('OUTPUT', 'Output', [{ name: 'image_urls', label: 'Images', kind: 'images', required: true, accepts: ['image', 'images'] }], []),
};

/** graph is a canvas of one node of each type, with the given edges. */
function graph(edges: Link[] = []): GraphView {
  const n = (id: string, type: string, name: string) => ({ id, data: { type, name } });
  return { nodes: [n('t', 'TEXT_INPUT', 'Text'), n('p', 'PROMPT', 'Prompt'), n('m', 'IMAGE_MODEL', 'Image model'), n('o', 'OUTPUT', 'Output')], edges, byType };
}
const tp = { id: 'e1', source: 't', sourceHandle: 'text', target: 'p', targetHandle: 'vars' };
const pm = { id: 'e2', source: 'p', sourceHandle: 'prompt', target: 'm', targetHandle: 'prompt' };

describe('connection rules', () => {
  it('says what an input takes, as the catalog says', () => {
    const [prompt, image] = byType.IMAGE_MODEL.inputs;
    expect(accepts(prompt)).toBe('text or data');
    expect(accepts(image)).toBe('an image');
    expect(accepts(byType.OUTPUT.inputs![0])).toBe('an image or images');
  });

  it('allows an output into an input that fits', () => {
    expect(refusal(tp, graph())).toBeNull();
    expect(refusal(pm, graph([tp]))).toBeNull();
    // Prompt's inputs are open: anything may fill its variables.
    expect(refusal({ source: 'm', sourceHandle: 'image_urls', target: 'p', targetHandle: 'vars' }, graph())).toBeNull();
  });

  it('names both ports and kinds when the kinds do not fit', () => {
    expect(refusal({ source: 'p', sourceHandle: 'prompt', target: 'm', targetHandle: 'image_url' }, graph()))
      .toBe("Prompt's output is text; Image model's Image input takes an image");
    expect(refusal({ source: 't', sourceHandle: 'text', target: 'o', targetHandle: 'image_urls' }, graph()))
      .toBe("Text's output is text; Output's Images input takes an image or images");
  });

  it('refuses a second identical edge and a node feeding itself', () => {
    expect(refusal({ ...tp, id: undefined }, graph([tp]))).toBe('already connected');
    expect(refusal({ source: 'p', sourceHandle: 'prompt', target: 'p', targetHandle: 'vars' }, graph())).toBe('a node cannot feed itself');
  });

  it('refuses an edge that closes a cycle, naming the loop', () => {
    expect(cyclePath([tp, pm], 't', 'm')).toEqual(['t', 'p', 'm']);
    expect(cyclePath([tp], 'p', 't')).toBeNull();
    expect(refusal({ source: 'm', sourceHandle: 'image_urls', target: 'p', targetHandle: 'vars' }, graph([tp, pm])))
      .toBe('that would make a cycle: Image model → Prompt → Image model');
  });

  it('replaces the source of an input that takes one value, not of a list or open input', () => {
    const other = { id: 'e3', source: 't', sourceHandle: 'text', target: 'm', targetHandle: 'prompt' };
    expect(replaced(other, graph([tp, pm]))).toEqual(['e2']);
    const model = { id: 'e4', source: 'm', sourceHandle: 'image_urls', target: 'o', targetHandle: 'image_urls' };
    expect(replaced({ ...model, source: 'x' }, graph([model]))).toEqual([]);
    expect(replaced({ ...tp, source: 'x' }, graph([tp]))).toEqual([]);
  });

  it('reads a drawn connection as output → input from whichever end it started', () => {
    const out = { nodeId: 'p', id: 'prompt', type: 'source' as const };
    const into = { nodeId: 'm', id: 'prompt', type: 'target' as const };
    expect(linkOf(out, into)).toEqual({ source: 'p', sourceHandle: 'prompt', target: 'm', targetHandle: 'prompt' });
    expect(linkOf(into, out)).toEqual({ source: 'p', sourceHandle: 'prompt', target: 'm', targetHandle: 'prompt' });
    expect(linkOf(out, out)).toBeNull();
  });
});

describe('what an output may be connected to', () => {
  /** names lists a node's targets as "node · input", per output. */
  const names = (id: string, g: GraphView) => targetsFor(id, g).map((o) => [o.output.name, o.targets.map((t) => `${t.nodeName} · ${t.input.label}`)]);

  it('lists the inputs that take each output, on other nodes', () => {
    expect(names('t', graph())).toEqual([['text', ['Prompt · Variables', 'Image model · Prompt']]]);
    expect(names('m', graph())).toEqual([['image_urls', ['Prompt · Variables', 'Output · Images']]]);
  });

  it('leaves out what is connected already and what would close a cycle, and says what a connection replaces', () => {
    expect(names('t', graph([tp]))).toEqual([['text', ['Image model · Prompt']]]);
    expect(names('m', graph([tp, pm]))).toEqual([['image_urls', ['Output · Images']]]);
    const into = targetsFor('t', graph([pm])).flatMap((o) => o.targets).find((t) => t.node === 'm');
    expect(into?.replaces).toEqual(['e2']);
  });
});
