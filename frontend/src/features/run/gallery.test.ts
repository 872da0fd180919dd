import { describe, expect, it } from 'vitest';
import type { FinalRecord, Generation } from '../../api/types';
import type { NodeState } from '../../stores/runFold';
import { captionOf, downloadName, finalsOf, galleryOf, slug } from './gallery';

/** generation makes a generation of n images g-<tag>-<i>.png. */
function generation(tag: string, n: number, extra: Partial<Generation> = {}): Generation {
  return {
    id: tag, execution_id: 'x', node_id: tag, model_id: 'fal-ai/flux/schnell', prompt: `prompt ${tag}`, aspect_ratio: '4:5', created_at: '',
    parameters: { seed: 42 }, cost: 0.012, image_urls: Array.from({ length: n }, (_, i) => `/files/g-${tag}-${i}.png`), ...extra,
  };
}

/** output makes an Output node's state delivering finals made from the given sources. */
function output(id: string, sources: string[], extra: Record<string, unknown> = {}): NodeState {
  const finals = sources.map((source, i) => ({ ratio: '4:5', url: `/files/${id}-4x5-${i}.png`, width: 1080, height: 1350, bytes: 1, crop: 0, source }));
  return {
    id, execution_id: 'x', node_id: id, status: 'COMPLETED', error_message: null, queued_at: null, started_at: null, finished_at: null, reused_from: null,
    input_data: { image_urls: sources }, output_data: { final_images: finals.map((f) => f.url), finals, ...extra } as unknown as NodeState['output_data'],
  };
}

/** record makes a final record of a run: at a placement, made by generation g. */
function record(i: number, extra: Partial<FinalRecord> = {}): FinalRecord {
  return {
    id: `f${i}`, execution_id: 'x', node_execution_id: 'ne', node_id: 'out', position: i, placement: 'meta_stories', ratio: '9:16',
    width: 1080, height: 1920, bytes: 1, crop: 0, url: `/files/f${i}.png`, source_url: '/files/g-a-0.png', generation_id: 'a',
    model_id: 'fal-ai/flux/schnell', endpoint: 'fal-ai/flux/schnell', prompt: 'prompt a', seed: 7, cost: 0.003, reused_from: null,
    created_at: '', ...extra,
  };
}

describe('the gallery', () => {
  it('reads a run\'s final records once it has them, as the zip does', () => {
    const { images } = galleryOf({ out: output('out', ['/files/g-a-0.png']) }, [generation('a', 1)], 'Spring',
      [record(0), record(1, { generation_id: 'old' }), record(2, { reused_from: 'f9' })]);
    expect(images.map((im) => im.url)).toEqual(['/files/f0.png', '/files/f1.png', '/files/f2.png']);
    expect(images[0]).toMatchObject({ placement: 'meta_stories', seed: 7, costPerImage: 0.003, modelId: 'fal-ai/flux/schnell', reused: undefined,
      fileName: 'spring-meta-stories-1.png' });
    expect(images[1].reused).toBe(true); // its picture was paid for by an earlier run
    expect(images[2].reused).toBe(true); // it reused an earlier final
  });
  it('matches each final image to its generation: prompt, model, seed, cost per image', () => {
    const gens = [generation('a', 4), generation('b', 2, { cost: 0.05, model_id: 'fal-ai/flux/dev', parameters: {} })];
    const { images } = galleryOf({ out: output('out', ['/files/g-b-1.png', '/files/g-a-0.png']) }, gens, 'Spring sneaker launch');
    expect(images).toHaveLength(2);
    expect(images[0]).toMatchObject({ prompt: 'prompt b', modelId: 'fal-ai/flux/dev', seed: undefined, costPerImage: 0.025, fileName: 'spring-sneaker-launch-4x5-1.png' });
    expect(images[1]).toMatchObject({ prompt: 'prompt a', seed: 42, costPerImage: 0.003, fileName: 'spring-sneaker-launch-4x5-2.png' });
  });

  it('collects sixteen images from four models into one output, and says when an output received fewer', () => {
    const gens = ['a', 'b', 'c', 'd'].map((t) => generation(t, 4));
    const sources = gens.flatMap((g) => g.image_urls ?? []);
    const short = 'asked for 16 images, received 12: connect more image models or ask them for more images';
    const { images, shortfalls } = galleryOf({ out: output('out', sources), o2: output('o2', sources.slice(0, 12), { short }) }, gens, 'W');
    expect(images).toHaveLength(28);
    expect(new Set(images.slice(0, 16).map((im) => im.prompt))).toEqual(new Set(['prompt a', 'prompt b', 'prompt c', 'prompt d']));
    expect(images[27].fileName).toBe('w-4x5-28.png');
    expect(shortfalls).toEqual([{ nodeId: 'o2', text: short }]);
  });

  it('tells what it can of an image its model reused from an earlier run (no generation in this run)', () => {
    const model: NodeState = {
      ...output('m', []), input_data: { prompt: 'an earlier prompt' }, reused_from: 'ne-1',
      output_data: { image_urls: ['/files/old-0.png', '/files/old-1.png'], model: 'fal-ai/flux/dev', cost: 0 } as unknown as NodeState['output_data'],
    };
    const { images } = galleryOf({ m: model, out: output('out', ['/files/old-1.png']) }, [], 'W');
    expect(images[0]).toMatchObject({ prompt: 'an earlier prompt', modelId: 'fal-ai/flux/dev', costPerImage: 0, reused: true, seed: undefined });
    expect(captionOf(images[0], (id) => id)).toBe('fal-ai/flux/dev · 1080×1350 (4:5) · $0.00 per image · reused from an earlier run');
  });

  it('falls back to the input\'s image at the same index when a run has no finals', () => {
    const finals = finalsOf({ final_images: ['/o/0.png', '/o/1.png'], width: 1080, height: 1080, aspect_ratio: '1:1' }, { image_urls: ['/g/0.png', '/g/1.png'] });
    expect(finals[1]).toEqual({ url: '/o/1.png', width: 1080, height: 1080, ratio: '1:1', source: '/g/1.png' });
  });

  it('names downloads after the workflow, the format and the number', () => {
    expect(downloadName('Spring sneaker launch', '4:5', 4, '/files/x.png')).toBe('spring-sneaker-launch-4x5-4.png');
    expect(downloadName('Été à Paris!', 'meta_feed_square', 1, '/files/x.jpg?v=1')).toBe('ete-a-paris-meta-feed-square-1.jpg');
    expect(downloadName('', '1.91:1', 2, '/files/noext')).toBe('ad-1-91x1-2.png');
    expect(slug('  Story ads: 9:16  ')).toBe('story-ads-9x16');
  });

  it('captions an image with what is known of it', () => {
    const label = (id: string) => (id === 'fal-ai/flux/schnell' ? 'FLUX schnell' : id);
    const im = { url: '', width: 1080, height: 1350, ratio: '4:5', fileName: '', modelId: 'fal-ai/flux/schnell', seed: 7, costPerImage: 0.003 };
    expect(captionOf(im, label)).toBe('FLUX schnell · seed 7 · 1080×1350 (4:5) · $0.003 per image');
    expect(captionOf({ url: '', width: 1, height: 1, ratio: '', fileName: '' }, label)).toBe('1×1');
  });
});
