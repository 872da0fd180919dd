// End-to-end: an ad set with a brand kit. A kit is made on the kit page
// (logo uploaded, colours picked, the preview following the unsaved form);
// a workflow Text -> Prompt -> Image model
// -> Output with an Ad layout into the Output's layout input is built
// through the API, then three placements and the kit are picked in the
// forms. The run's gallery is grouped by placement, shows the safe zone on
// demand (thumbnails and lightbox) and downloads as a zip; run again
// unchanged, the nodes say they reused their earlier outputs; words that
// cannot fit are refused before a run starts.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { makeWorkflow, node, open, reveal, run, shot, step, waitStatus } from './lib.mjs';

await run('creatives', async (context) => {
  const page = await open(context, '/#/kits');
  // Unique words, so a run on a server that has run this test before still pays (and so reuses) afresh.
  const tag = Date.now().toString(36);
  const kit = `Acme spring ${tag}`;

  step('make a brand kit: name, logo upload, colours');
  const logo = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 32 } }); // any PNG will do
  await page.getByTestId('kit-new').click();
  await page.getByTestId('kit-form').and(page.getByRole('form', { name: 'New brand kit' })).waitFor();
  await page.getByTestId('kit-name').fill(kit);
  await page.getByTestId('kit-logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
  await page.getByTestId('kit-logo').waitFor();
  await page.getByTestId('kit-primary_color-hex').fill('red');
  await page.getByTestId('kit-preview-note').getByText('Write colours as #rrggbb').waitFor();

  step('the preview follows the form before it is saved');
  // While the colour is refused the preview keeps its last picture (or none yet): read it, then wait for it to change.
  const img = page.locator('[data-testid="kit-preview"] [data-testid="layout-preview"] img');
  const before = (await img.count()) ? await img.getAttribute('src') : null;
  await page.getByTestId('kit-primary_color-hex').fill('#ff5a1f');
  await page.getByTestId('kit-preview-note').waitFor({ state: 'detached' });
  const preview = await page.getByTestId('kit-preview').elementHandle();
  await page.waitForFunction(([section, old]) => {
    const src = section.querySelector('[data-testid="layout-preview"] img')?.getAttribute('src');
    return Boolean(src) && src !== old;
  }, [preview, before]); // an unsaved colour is drawn
  await page.getByTestId('kit-auto-text').uncheck();
  await page.getByTestId('kit-text_color-hex').fill('#fffdf5');
  await page.getByTestId('kit-save').click();
  await page.getByTestId('kit-item').getByText(kit).waitFor();
  await page.locator('[data-testid="kit-preview"] [data-testid="layout-preview"][data-state="ready"]').waitFor();
  await shot(page, 'creatives-kit.png');

  step('build Text -> Prompt -> Image model -> Output, with an Ad layout, through the API');
  const w = await makeWorkflow(page, 'Spring ad set', [
    { key: 't', type: 'TEXT_INPUT', name: 'Product', config: { value: `Red canvas sneakers ${tag}` }, x: 0, y: 0 },
    { key: 'p', type: 'PROMPT', name: 'Prompt', config: { template: 'A bright spring photo of {{text}}, room for a headline' }, x: 300, y: 0 },
    { key: 'm', type: 'IMAGE_MODEL', name: 'Flux', config: { model: 'fal-ai/flux/schnell', parameters: { num_images: 1 } }, x: 600, y: 0 },
    { key: 'l', type: 'AD_LAYOUT', name: 'Layout', config: { headline: '{{text}}', subline: 'Now 20% off', cta: 'Shop now' }, x: 600, y: 320 },
    { key: 'o', type: 'OUTPUT', name: 'Ad set', config: { num_images: 1 }, x: 900, y: 0 },
  ], [['t', 'p'], ['p', 'm', 'prompt'], ['m', 'o', 'image_urls'], ['t', 'l', 'vars'], ['l', 'o', 'layout']]);
  await page.goto(`${page.url().split('#')[0]}#/w/${w.id}`);

  step('pick three placements in the Output\'s form: the ratio no longer applies');
  await reveal(page, 'Ad set');
  await node(page, 'Ad set').click();
  for (const id of ['meta_feed_square', 'meta_stories', 'google_display_landscape']) await page.getByTestId(`placement-${id}`).check();
  await page.getByTestId('note-aspect_ratio').waitFor();
  await node(page, 'Ad set').getByTestId('output-placements').getByText('Meta Stories').waitFor();
  // Unsaved, the edit is priced already: the model plans one picture per ratio the placements need.
  await node(page, 'Flux').getByTestId('image-plan').getByText('9:16').waitFor();

  step('pick the kit in the Ad layout\'s form: a preview per placement');
  await reveal(page, 'Layout');
  await node(page, 'Layout').click();
  await page.locator('select[name="brand_kit_id"]').selectOption({ label: kit });
  await node(page, 'Layout').getByTestId('layout-kit').getByText(kit).waitFor();
  const previews = page.locator('[data-testid="config-panel"] [data-testid="layout-preview"]');
  await previews.nth(2).and(page.locator('[data-state="ready"]')).waitFor();
  assert.deepEqual(await previews.evaluateAll((els) => els.map((e) => e.dataset.placement)), ['meta_feed_square', 'meta_stories', 'google_display_landscape']);
  await previews.nth(2).scrollIntoViewIfNeeded();
  await shot(page, 'creatives-layout.png');

  step('run: the gallery is grouped by placement');
  await page.getByTestId('run').click();
  await waitStatus(page, 'Ad set', 'COMPLETED');
  await page.getByTestId('gallery-item').nth(2).waitFor();
  const titles = await page.getByTestId('gallery-group').locator('h3').allTextContents();
  assert.deepEqual(titles, ['Meta · Feed, square1080×1080', 'Meta · Stories1080×1920', 'Google · Display, landscape 1.91:11200×628']);

  step('the safe zone, on the thumbnails and in the lightbox');
  assert.equal(await page.getByTestId('safe-zone').count(), 0);
  await page.getByTestId('safe-zone-toggle').check();
  const stories = page.locator('[data-testid="gallery-item"][data-placement="meta_stories"]');
  await stories.getByTestId('safe-zone').waitFor();
  await shot(page, 'creatives-gallery.png');
  await stories.getByRole('button').first().click();
  await page.getByTestId('lightbox').getByTestId('safe-zone').waitFor();
  await shot(page, 'creatives-lightbox.png');
  await page.keyboard.press('Escape');
  await page.getByTestId('lightbox').waitFor({ state: 'detached' });

  step('download all as a zip');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-all').click()]);
  assert.match(download.suggestedFilename(), /\.zip$/);
  assert.ok(statSync(await download.path()).size > 0, 'the zip is not empty');

  step('the next run reuses, and the nodes say so (one status each: reused, no "will reuse" beside a run)');
  assert.equal(await node(page, 'Flux').getByTestId('node-will-reuse').count(), 0);
  await page.getByTestId('run').click();
  await page.locator('[data-testid="node-Flux"][data-reused="true"]').waitFor();
  await waitStatus(page, 'Ad set', 'COMPLETED');
  await node(page, 'Flux').getByTestId('node-reused').waitFor();
  assert.equal(await node(page, 'Flux').getByTestId('node-cost').textContent(), '$0.00');
  assert.equal(await node(page, 'Flux').locator('[data-status]').count(), 0, 'the reused badge stands for the status');
  assert.equal(await page.getByTestId('history-item').count(), 2);
  await shot(page, 'creatives-reused.png');

  step('words that cannot fit: the run is refused before it starts, saying where to shorten them');
  await reveal(page, 'Product');
  await node(page, 'Product').click();
  await page.locator('textarea[name="value"]').fill('Pneumonoultramicroscopicsilicovolcanoconiosis '.repeat(30));
  await page.getByTestId('run').click();
  await page.getByTestId('notice').getByText('in the Ad layout "Layout"', { exact: false }).waitFor();
  assert.match(await page.getByTestId('notice').textContent(), /would fail, so the run did not start/);
  assert.equal(await page.getByTestId('history-item').count(), 2, 'no run was created');
  await shot(page, 'creatives-too-long.png');
});
