// End-to-end: four image models into one Output asking for 16 images (built
// through the API for speed): 16 images in the gallery, each named and
// captioned from its generation, and the lightbox (open, arrow to the next,
// Escape); reopened, the workflow shows them again; an Output that receives
// fewer images than it asks for says so.
import assert from 'node:assert/strict';
import { makeWorkflow, node, open, run, shot, step, waitStatus } from './lib.mjs';

await run('gallery', async (context) => {
  const page = await open(context);

  step('build four models into one Output asking for 16, through the API');
  const models = ['North', 'South', 'East', 'West'].map((n, i) => ({
    key: `m${i}`, type: 'IMAGE_MODEL', name: `Flux ${n}`, config: { model: 'fal-ai/flux/schnell', parameters: { num_images: 4 } }, x: 600, y: i * 210,
  }));
  const w = await makeWorkflow(page, 'Four models into one output', [
    { key: 't', type: 'TEXT_INPUT', name: 'Product', config: { value: 'red canvas sneakers' }, x: 0, y: 250 },
    { key: 'p', type: 'PROMPT', name: 'Prompt', config: { template: 'A bold spring ad for {{text}}' }, x: 300, y: 250 },
    ...models,
    { key: 'o', type: 'OUTPUT', name: 'Feed ads', config: { num_images: 16, aspect_ratio: '4:5' }, x: 900, y: 250 },
  ], [['t', 'p'], ...models.flatMap((m) => [['p', m.key, 'prompt'], [m.key, 'o']])]);
  await page.goto(`${page.url().split('#')[0]}#/w/${w.id}`);

  step('run it: 16 images in the gallery');
  await page.getByTestId('run').click();
  await waitStatus(page, 'Feed ads', 'COMPLETED');
  await page.getByTestId('gallery-item').nth(15).waitFor();
  assert.equal(await page.getByTestId('gallery-item').count(), 16);
  assert.equal(await page.getByTestId('gallery-short').count(), 0);
  const first = page.getByTestId('gallery-item').first();
  assert.equal(await first.locator('a[download]').getAttribute('download'), 'four-models-into-one-output-4x5-1.png');
  assert.equal(await page.getByTestId('gallery-item').nth(15).locator('a[download]').getAttribute('download'), 'four-models-into-one-output-4x5-16.png');
  assert.equal(await first.locator('img').getAttribute('alt'), 'A bold spring ad for red canvas sneakers');
  assert.ok((await first.locator('img').boundingBox()).height > 160, 'thumbnails are larger than 160 px');
  await shot(page, 'gallery-16.png');

  step('the lightbox: open, arrow to the next, Escape');
  await first.getByRole('button').click();
  const box = page.getByTestId('lightbox');
  await box.getByText('Ad 1 of 16').waitFor();
  await box.getByTestId('lightbox-prompt').getByText('A bold spring ad for red canvas sneakers').waitFor();
  const caption = await box.getByTestId('lightbox-caption').textContent();
  assert.match(caption, /^FLUX schnell · .*1080×1350 \(4:5\) · \$0\.00 per image$/);
  await page.keyboard.press('ArrowRight');
  await box.getByText('Ad 2 of 16').waitFor();
  assert.equal(await box.getByTestId('lightbox-download').getAttribute('download'), 'four-models-into-one-output-4x5-2.png');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await box.getByText('Ad 16 of 16').waitFor();
  await shot(page, 'lightbox.png');
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'detached' });

  step('reopened later, the workflow shows its last run\'s ads at once');
  await page.reload();
  await page.getByTestId('gallery-item').nth(15).waitFor();
  assert.equal(await page.getByTestId('gallery-item').count(), 16);

  step('an Output that receives fewer images than it asks for says so, on the node and in the gallery');
  const short = await makeWorkflow(page, 'Short of images', [
    { key: 't', type: 'TEXT_INPUT', name: 'Product', config: { value: 'sneakers' }, x: 0, y: 0 },
    { key: 'p', type: 'PROMPT', name: 'Prompt', config: { template: 'An ad for {{text}}' }, x: 300, y: 0 },
    { key: 'm', type: 'IMAGE_MODEL', name: 'Flux', config: { parameters: { num_images: 2 } }, x: 600, y: 0 },
    { key: 'o', type: 'OUTPUT', name: 'Ads', config: { num_images: 3, aspect_ratio: '1:1' }, x: 900, y: 0 },
  ], [['t', 'p'], ['p', 'm', 'prompt'], ['m', 'o']]);
  await page.goto(`${page.url().split('#')[0]}#/w/${short.id}`);
  await page.getByTestId('run').click();
  await waitStatus(page, 'Ads', 'COMPLETED');
  await node(page, 'Ads').getByTestId('output-short').getByText('asked for 3 images, received 2').waitFor();
  await page.getByTestId('gallery-short').getByText('asked for 3 images, received 2').waitFor();
  assert.equal(await page.getByTestId('gallery-item').count(), 2);
  await shot(page, 'gallery-short.png');
});
