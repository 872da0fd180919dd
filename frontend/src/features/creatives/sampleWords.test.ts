import { describe, expect, it } from 'vitest';
import { fillKnown, sampleWords } from './sampleWords';

/** node makes a canvas node. */
const node = (id: string, type: string, name: string, config: object = {}) => ({ id, data: { type, name, config } });

describe('the words a layout preview can fill before a run', () => {
  const g = {
    nodes: [node('t', 'TEXT_INPUT', 'Product', { value: 'Red canvas sneakers' }), node('p', 'PROMPT', 'Prompt', { template: 'x' }),
      node('o', 'TEXT_INPUT', 'Elsewhere', { value: 'not connected' }), node('l', 'AD_LAYOUT', 'Layout')],
    edges: [{ source: 't', target: 'l' }, { source: 'p', target: 'l' }, { source: 'o', target: 'p' }],
  };

  it('are the connected Text inputs, under the names a run gives them', () => {
    expect(sampleWords('l', g)).toEqual({ text: 'Red canvas sneakers', 'Product.text': 'Red canvas sneakers' });
  });

  it('fill what they know and leave the rest as written', () => {
    const words = sampleWords('l', g);
    expect(fillKnown('{{text}} — {{ Product.text }}', words)).toBe('Red canvas sneakers — Red canvas sneakers');
    expect(fillKnown('Trending: {{trends}}', words)).toBe('Trending: {{trends}}');
    expect(fillKnown('{{constructor}} {{toString}}', words)).toBe('{{constructor}} {{toString}}');
  });
});
