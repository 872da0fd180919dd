// End-to-end: a new user builds and runs an ad workflow by hand in Chromium
// against the real backend (SQLite, local preview renderer): new nodes land
// in view without overlapping, a save warns about what is not connected
// (amber, until connected), an empty name is marked on its field and the
// mark goes once fixed, a run pauses at a breakpoint, survives a reload
// (still PAUSED, Step works), and completes; a failed run's message leaves
// with its node. Screenshots go to frontend/test-results/.
import assert from 'node:assert/strict';
import { api, assertNoOverlap, makeWorkflow, node, open, run, shot, step, viewSettled, waitStatus } from './lib.mjs';

await run('editor', async (context) => {
  const page = await open(context);
  step('create a workflow');
  await page.getByPlaceholder(/Name a new workflow/).fill('Spring sneaker launch');
  await page.getByTestId('create-workflow').click();
  await page.getByTestId('workflow-name').getByText('Spring sneaker launch').waitFor();

  step('add four nodes from the palette: each lands in view, on free canvas');
  for (const t of ['TEXT_INPUT', 'PROMPT', 'IMAGE_MODEL', 'OUTPUT']) await page.getByTestId(`palette-${t}`).click();
  assert.equal(await page.locator('.react-flow__node').count(), 4);
  await viewSettled(page); // the view's pan to a new node has ended
  const pane = await page.locator('.react-flow').boundingBox();
  for (const b of await assertNoOverlap(page, '.react-flow__node', 'new nodes')) {
    assert.ok(b.x >= pane.x && b.y >= pane.y && b.x + b.width <= pane.x + pane.width && b.y + b.height <= pane.y + pane.height, 'a new node lands in view');
  }

  step('fill the configs');
  await node(page, 'Text input').click();
  await page.locator('textarea[name="value"]').fill('red canvas sneakers');
  await node(page, 'Prompt').click();
  await page.locator('textarea[name="template"]').fill('A bold spring ad for {{text}}, studio light');
  await node(page, 'Image model').click();
  await page.locator('input[name="breakpoint"]').check();
  await page.locator('input[name="parameters.num_images"]').fill('2');
  await node(page, 'Output').click();
  await page.locator('select[name="aspect_ratio"]').selectOption('4:5');
  await page.locator('input[name="num_images"]').fill('2');

  step('saved unconnected, the nodes carry amber warnings (the save is not refused)');
  await page.getByTestId('save').click();
  await page.getByTestId('save-state').getByText('Saved').waitFor();
  await node(page, 'Image model').getByTestId('node-warnings').getByText('connect something to its prompt input').waitFor();
  await node(page, 'Prompt').getByTestId('node-warnings').waitFor();
  assert.equal(await node(page, 'Output').getAttribute('data-warned'), 'true');
  await shot(page, 'warnings.png');

  step('connect them: each warning goes as its node gets connected');
  const connect = async (from, out, to, into) => {
    const src = node(page, from).locator(`.react-flow__handle[data-handleid="${out}"]`);
    const dst = node(page, to).locator(`.react-flow__handle[data-handleid="${into}"]`);
    await src.dragTo(dst);
  };
  await connect('Text input', 'text', 'Prompt', 'vars');
  await connect('Prompt', 'prompt', 'Image model', 'prompt');
  await connect('Image model', 'image_urls', 'Output', 'image_urls');
  assert.equal(await page.locator('.react-flow__edge').count(), 3, 'three edges');
  await page.getByTestId('node-warnings').first().waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('node-warnings').count(), 0);

  step('an empty name is marked on the name field; the mark goes when it is fixed');
  await node(page, 'Output').click();
  const name = page.locator('input[name="node-name"]');
  await name.fill('');
  await page.getByTestId('save').click();
  await page.getByTestId('name-error').waitFor();
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  await page.getByTestId('notice').getByText('Not saved: 1 node has problems to fix').waitFor();
  await shot(page, 'name-error.png');
  await name.fill('Output');
  await page.getByTestId('name-error').waitFor({ state: 'detached' });

  step('leaving with unsaved changes asks first; staying keeps them');
  const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); void d.dismiss(); }));
  await page.getByRole('button', { name: 'All workflows' }).click();
  assert.match(await asked, /unsaved changes/);
  assert.equal(await name.inputValue(), 'Output', 'still in the editor, the change kept');
  await page.getByTestId('notice').waitFor({ state: 'detached' });
  assert.equal(await node(page, 'Output').getAttribute('data-invalid'), null);
  await page.getByTestId('save').click();
  await page.getByTestId('save-state').getByText('Saved').waitFor();
  await shot(page, 'editor.png');

  step('run to the breakpoint');
  await page.getByTestId('run').click();
  await waitStatus(page, 'Image model', 'PAUSED');
  assert.equal(await node(page, 'Text input').getAttribute('data-status'), 'COMPLETED');

  step('reload mid-run: the run is still there, paused, and Step works');
  await page.reload();
  await waitStatus(page, 'Image model', 'PAUSED');
  assert.equal(await node(page, 'Text input').getAttribute('data-status'), 'COMPLETED');
  await page.getByTestId('history-item').first().and(page.locator('[data-status="PAUSED"]')).waitFor();
  assert.ok(await page.getByTestId('step').isEnabled() && await page.getByTestId('resume').isEnabled() && await page.getByTestId('cancel').isEnabled());
  await page.getByTestId('run-clock').waitFor();
  await shot(page, 'paused-after-reload.png');
  await page.getByTestId('step').click();
  await waitStatus(page, 'Output', 'PAUSED');
  await page.getByTestId('resume').click();
  await waitStatus(page, 'Output', 'COMPLETED');
  await page.getByTestId('gallery-item').nth(1).waitFor();
  assert.equal(await page.getByTestId('gallery-item').count(), 2);
  assert.equal(await page.getByTestId('gallery-item').first().locator('a[download]').getAttribute('download'), 'spring-sneaker-launch-4x5-1.png');
  assert.equal(await page.getByTestId('gallery-item').first().locator('img').getAttribute('alt'), 'A bold spring ad for red canvas sneakers, studio light');
  await page.getByTestId('costs').getByText('Cost $0.00').waitFor();
  await shot(page, 'gallery.png');

  step('reload and reopen the run from the history');
  await page.reload();
  await page.getByTestId('history-item').first().click();
  await waitStatus(page, 'Output', 'COMPLETED');
  await page.getByTestId('gallery-item').first().waitFor();

  step('a run known to fail is refused before it starts, and its message leaves with the node');
  const { node_types: types } = await api(page, 'GET', '/api/node-types');
  if (types.find((t) => t.type === 'SOCIAL_MEDIA')?.unavailable) {
    // Without RAPIDAPI_KEY nothing can read Reddit: a run with that node is refused, naming it.
    const w = await makeWorkflow(page, 'Trend ad', [
      { key: 'r', type: 'SOCIAL_MEDIA', name: 'Sneaker talk', config: { subreddit: 'sneakers' }, x: 0, y: 0 },
      { key: 't', type: 'TEXT_INPUT', name: 'Product', config: { value: 'sneakers' }, x: 0, y: 300 },
      { key: 'p', type: 'PROMPT', name: 'Prompt', config: { template: 'An ad for {{text}}' }, x: 300, y: 0 },
      { key: 'm', type: 'IMAGE_MODEL', name: 'Flux', config: { parameters: { num_images: 1 } }, x: 600, y: 0 },
      { key: 'o', type: 'OUTPUT', name: 'Ads', config: { num_images: 1 }, x: 900, y: 0 },
    ], [['r', 'p'], ['t', 'p'], ['p', 'm', 'prompt'], ['m', 'o']]);
    await page.goto(`${page.url().split('#')[0]}#/w/${w.id}`);
    await page.getByTestId('run').click();
    await page.getByTestId('notice').getByText('Not run').waitFor();
    await node(page, 'Sneaker talk').getByTestId('node-problems').getByText('RAPIDAPI_KEY').waitFor();
    await viewSettled(page);
    await shot(page, 'refused-run.png');
    const { executions } = await api(page, 'GET', `/api/workflows/${w.id}/executions`);
    if (executions.length !== 0) throw new Error('a refused run must create nothing');
    await node(page, 'Sneaker talk').click();
    await page.getByLabel('Delete node').click();
    await page.getByTestId('save').click();
    await page.getByTestId('save-state').getByText('Saved').waitFor();
    await page.getByTestId('notice').waitFor({ state: 'detached' });
  }
});
