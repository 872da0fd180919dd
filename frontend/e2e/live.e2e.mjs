// End-to-end: two tabs on one workflow. The second sees the run the first
// started (its nodes, status and the Runs list, live), can step it, and
// both see it end; a save from a tab that loaded an older version gets the
// conflict dialog: Reload takes the other tab's version, Overwrite keeps
// this one's.
import assert from 'node:assert/strict';
import { api, makeWorkflow, node, open, reveal, run, shot, step, waitStatus } from './lib.mjs';

await run('live', async (context) => {
  const a = await open(context);
  const w = await makeWorkflow(a, 'Two tabs', [
    { key: 't', type: 'TEXT_INPUT', name: 'Product', config: { value: 'red canvas sneakers' }, x: 0, y: 0 },
    { key: 'p', type: 'PROMPT', name: 'Prompt', config: { template: 'A bold spring ad for {{text}}' }, x: 300, y: 0 },
    { key: 'm', type: 'IMAGE_MODEL', name: 'Flux', config: { parameters: { num_images: 1 } }, x: 600, y: 0, breakpoint: true },
    { key: 'o', type: 'OUTPUT', name: 'Ads', config: { num_images: 1, aspect_ratio: '4:5' }, x: 900, y: 0 },
  ], [['t', 'p'], ['p', 'm', 'prompt'], ['m', 'o']]);
  const path = `/#/w/${w.id}`;
  await a.goto(a.url().split('#')[0] + path.slice(1));
  await a.getByTestId('workflow-name').getByText('Two tabs').waitFor();
  const b = await open(context, path);
  await b.getByTestId('workflow-name').getByText('Two tabs').waitFor();
  await node(b, 'Flux').waitFor();
  // Its stream of the workflow's runs is open, so the run below reaches it as an event.
  await b.locator('[data-testid="editor"][data-stream="open"]').waitFor();

  step('the second tab sees the run the first started, live');
  await a.getByTestId('run').click();
  await waitStatus(a, 'Flux', 'PAUSED');
  await waitStatus(b, 'Flux', 'PAUSED');
  await b.getByTestId('history-item').first().and(b.locator('[data-status="PAUSED"]')).waitFor();
  assert.ok(await b.getByTestId('step').isEnabled(), 'the second tab can step the run');
  await shot(b, 'second-tab-paused.png');

  step('a step in the second tab moves the run in both');
  await b.getByTestId('step').click();
  await waitStatus(a, 'Ads', 'PAUSED');
  await a.bringToFront();
  await a.getByTestId('resume').click();
  await waitStatus(b, 'Ads', 'COMPLETED');
  await waitStatus(a, 'Ads', 'COMPLETED');
  await b.getByTestId('history-item').first().and(b.locator('[data-status="COMPLETED"]')).waitFor();
  await b.getByTestId('gallery-item').first().waitFor();

  /** editText sets the Product node's text in a tab (brought to the front: a background tab's frames are throttled). */
  const editText = async (page, value) => {
    await page.bringToFront();
    await reveal(page, 'Product'); // with a run on show, a graph too wide for the canvas shows its end
    await node(page, 'Product').click();
    await page.locator('textarea[name="value"]').fill(value);
  };
  /** save saves in a tab and waits for "Saved". */
  const save = async (page) => {
    await page.bringToFront();
    await page.getByTestId('save').click();
    await page.getByTestId('save-state').getByText('Saved').waitFor();
  };

  step('a stale save gets the conflict dialog; Reload takes the saved version');
  await editText(a, 'blue suede shoes');
  await save(a);
  await editText(b, 'green trainers');
  await b.getByTestId('save').click();
  const dialog = b.getByTestId('conflict-dialog');
  await dialog.getByText(/saved elsewhere since you opened it/).waitFor();
  await shot(b, 'conflict.png');
  await dialog.getByTestId('conflict-reload').click();
  await dialog.waitFor({ state: 'detached' });
  await b.getByTestId('save-state').getByText('Saved').waitFor();
  await node(b, 'Product').getByText('blue suede shoes').waitFor();

  step('Overwrite saves this tab\'s version over the other');
  await editText(a, 'white canvas shoes');
  await save(a);
  await editText(b, 'green trainers');
  await b.getByTestId('save').click();
  await dialog.getByTestId('conflict-overwrite').click();
  await dialog.waitFor({ state: 'detached' });
  await b.getByTestId('save-state').getByText('Saved').waitFor();
  const saved = await api(b, 'GET', `/api/workflows/${w.id}`);
  assert.equal(saved.nodes.find((n) => n.name === 'Product').config.value, 'green trainers');
});
