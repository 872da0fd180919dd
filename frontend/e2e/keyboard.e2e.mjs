// End-to-end with the keyboard alone (no pointer event reaches the page):
// Tab to a node's output port, Enter lists the inputs it may feed (in the
// settings panel), Enter connects one; Tab to the new edge, which shows its
// focus ring, and Delete removes it (Ctrl+Z brings it back); Ctrl+S saves
// and Ctrl+Enter runs the workflow to its final ad, on the local preview
// renderer. Screenshots go to frontend/test-results/.
/* global document, window, getComputedStyle -- page.evaluate runs these in the browser */
import assert from 'node:assert/strict';
import { base, makeWorkflow, node, open, run, shots, step, waitStatus } from './lib.mjs';

/** focused says whether the element with the focus matches selector. */
const focused = (page, selector) => page.evaluate((s) => !!document.activeElement?.matches(s), selector);

/** tabTo presses Tab (or Shift+Tab, back) until the focus is on an element matching selector. */
async function tabTo(page, selector, back = false) {
  for (let i = 0; i < 120; i++) {
    if (await focused(page, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`the keyboard never reached ${selector}`);
}

await run('keyboard', async (context) => {
  const page = await open(context);
  step('a workflow with one link missing, through the API');
  const w = await makeWorkflow(page, 'Keyboard sneakers', [
    { key: 't', type: 'TEXT_INPUT', name: 'Product', config: { value: 'red canvas sneakers' }, x: 0, y: 0 },
    { key: 'p', type: 'PROMPT', name: 'Prompt', config: { template: 'A bold ad for {{text}}' }, x: 300, y: 0 },
    { key: 'm', type: 'IMAGE_MODEL', name: 'Flux', config: { model: 'fal-ai/flux/schnell', parameters: { num_images: 1 } }, x: 600, y: 0 },
    { key: 'o', type: 'OUTPUT', name: 'Ads', config: { num_images: 1, aspect_ratio: '1:1' }, x: 900, y: 0 },
  ], [['p', 'm', 'prompt'], ['m', 'o']]);
  await page.goto(`${base}/#/w/${w.id}`);
  await node(page, 'Ads').waitFor();
  assert.equal(await page.locator('.react-flow__edge').count(), 2);
  // Count the pointer events that reach the page from now on: there must be none.
  await page.evaluate(() => {
    window.__pointer = 0;
    for (const t of ['pointerdown', 'mousedown', 'wheel']) window.addEventListener(t, () => { window.__pointer += 1; }, true);
    window.addEventListener('click', (e) => { if (e.detail > 0) window.__pointer += 1; }, true); // a key's click has no detail
  });

  step('Tab to Product\'s output, Enter: the settings panel lists the inputs it may feed');
  await tabTo(page, '[data-testid="node-Product"] [data-testid="output-port"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('connect-to').waitFor();
  assert.ok(await focused(page, '[data-testid="connect-option"]'), 'the focus is on the first input it may feed');
  const options = await page.getByTestId('connect-option').allTextContents();
  assert.deepEqual(options, ['Prompt · Variables', 'Flux · Promptreplaces its link']);

  step('Enter connects it');
  await page.keyboard.press('Enter');
  await page.getByTestId('connect-done').getByText("Connected to Prompt's Variables input").waitFor();
  assert.equal(await page.locator('.react-flow__edge').count(), 3);
  assert.ok(await focused(page, '[data-testid="connect-option"]'), 'the focus stays in the list');

  step('Tab back to the new edge: it shows a focus ring, and Delete removes it; Ctrl+Z brings it back');
  const edge = '.react-flow__edge[aria-label^="Edge from Product to Prompt"]';
  await tabTo(page, edge, true);
  const ring = await page.locator(`${edge} .react-flow__edge-path`).evaluate((p) => ({ width: getComputedStyle(p).strokeWidth, filter: getComputedStyle(p).filter }));
  assert.equal(ring.width, '3px');
  assert.match(ring.filter, /drop-shadow/);
  await page.screenshot({ path: `${shots}keyboard-edge-focus.png` });
  await page.keyboard.press('Delete');
  await page.locator(edge).waitFor({ state: 'detached' });
  assert.equal(await page.locator('.react-flow__edge').count(), 2);
  await page.screenshot({ path: `${shots}keyboard-edge-deleted.png` });
  await page.keyboard.press('Control+z');
  await page.locator(edge).waitFor({ state: 'attached' }); // a level edge has no height: "attached", not "visible"

  step('Ctrl+S saves, Ctrl+Enter runs to the final ad');
  await page.keyboard.press('Control+s');
  await page.getByTestId('save-state').getByText('Saved').waitFor();
  await page.keyboard.press('Control+Enter');
  await waitStatus(page, 'Ads', 'COMPLETED');
  await page.getByTestId('gallery-item').first().waitFor();
  await page.screenshot({ path: `${shots}keyboard-run.png` });
  assert.equal(await page.evaluate(() => window.__pointer), 0, 'no pointer event reached the page');
});
