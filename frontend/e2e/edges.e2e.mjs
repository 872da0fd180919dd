// End-to-end, the rough edges a newcomer hit (issue 22): names are bounded
// as the API bounds them and a rename leaves with Escape; a budget with a
// fraction of a cent is refused, saying why, not rounded; the canvas refits
// when the results open and when the window grows, never drawing node text
// below 11 px; a node shows one status; an older run from the history says
// so in the bar, with a way back; a refused run leaves no earlier run's
// chip; a layout preview opens large. Screenshots go to frontend/test-results/.
/* global document, getComputedStyle -- page.evaluate runs these in the browser */
import assert from 'node:assert/strict';
import { api, base, makeWorkflow, node, open, run, shot, step, viewSettled, waitStatus } from './lib.mjs';

/** textPx is the size node text draws at on screen: a node footer's font size times the canvas zoom. */
const textPx = (page) => page.evaluate(() => {
  const zoom = Number(/scale\(([\d.]+)\)/.exec(document.querySelector('.react-flow__viewport').style.transform)[1]);
  return Number.parseFloat(getComputedStyle(document.querySelector('.react-flow__node [data-testid="node-footer"]')).fontSize) * zoom;
});

await run('edges', async (context) => {
  const page = await open(context);

  step('names are bounded as the API bounds them; a rename leaves with Escape');
  const input = page.getByLabel('New workflow name');
  assert.equal(await input.getAttribute('maxlength'), '200');
  await input.fill('x'.repeat(250));
  assert.equal((await input.inputValue()).length, 200);
  await input.fill('');
  await api(page, 'POST', '/api/workflows', { name: 'Rename me' });
  await page.reload();
  const row = page.getByTestId('workflow-row').filter({ hasText: 'Rename me' });
  await row.getByLabel('Rename Rename me').click();
  const rename = page.getByTestId('rename-input');
  await rename.fill('Not this');
  assert.equal(await rename.getAttribute('maxlength'), '200');
  await page.keyboard.press('Escape');
  await rename.waitFor({ state: 'detached' });
  await row.getByText('Rename me').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Rename Rename me', 'the focus is back on Rename');

  step('a budget of 0.005 is refused, saying budgets are whole cents');
  await page.goto(`${base}/#/usage`);
  await page.getByTestId('budget-input').fill('0.005');
  await page.getByTestId('budget-save').click();
  await page.getByTestId('budget-error').getByText('whole cents').waitFor();
  await page.getByTestId('budget-rule').getByText('In dollars and cents').waitFor();

  step('a layout preview opens large');
  await page.goto(`${base}/#/kits`);
  await page.locator('[data-testid="kit-preview"] [data-testid="layout-preview"][data-state="ready"]').waitFor();
  await page.getByTestId('layout-preview-enlarge').click();
  const large = page.getByTestId('layout-preview-dialog');
  await large.locator('img').waitFor();
  assert.ok((await large.locator('img').boundingBox()).width > 300, 'the preview is drawn large');
  await shot(page, 'edges-preview-large.png');
  await page.keyboard.press('Escape');
  await large.waitFor({ state: 'detached' });

  step('a starter run to its end; the editor at 1280 draws node text at 11 px or more, whole or centred');
  const w = await api(page, 'POST', '/api/workflows', { name: 'Refit', starter: 'product-text-to-ad' });
  await page.goto(`${base}/#/w/${w.id}`);
  await node(page, 'Feed ads').waitFor();
  await page.getByTestId('run').click();
  await waitStatus(page, 'Feed ads', 'COMPLETED');
  await page.getByTestId('gallery-item').first().waitFor();
  await viewSettled(page);
  assert.ok(await textPx(page) >= 10.99, `node text draws at ${await textPx(page)} px`);
  assert.equal(await node(page, 'FLUX schnell').getByTestId('node-will-reuse').count(), 0, 'beside a run, a node says nothing of the next one');
  await shot(page, 'edges-results-1280.png');

  step('at 1920 the graph is fitted again, whole');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForFunction(() => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node')].every((n) => {
      const b = n.getBoundingClientRect();
      return b.x >= pane.x && b.x + b.width <= pane.x + pane.width && b.y >= pane.y && b.y + b.height <= pane.y + pane.height;
    });
  }, null, { timeout: 5000 }); // every node in view at 1920: the graph was fitted again
  await viewSettled(page);
  await page.screenshot({ path: new URL('../test-results/edges-results-1920.png', import.meta.url).pathname });
  await page.setViewportSize({ width: 1280, height: 800 });

  step('an older run says so in the bar, with a way back to the latest');
  await page.getByTestId('run').click();
  await page.getByTestId('history-item').nth(1).waitFor();
  await waitStatus(page, 'Feed ads', 'COMPLETED');
  await page.getByTestId('history-item').nth(1).click();
  await page.getByTestId('older-run').waitFor();
  await shot(page, 'edges-older-run.png');
  await page.getByTestId('show-latest').click();
  await page.getByTestId('older-run').waitFor({ state: 'detached' });

  step('a refused run leaves no earlier run\'s chip');
  const bad = await makeWorkflow(page, 'No prompt', [
    { key: 'm', type: 'IMAGE_MODEL', name: 'Flux', config: { parameters: { num_images: 1 } }, x: 0, y: 0 },
    { key: 'o', type: 'OUTPUT', name: 'Ads', config: { num_images: 1 }, x: 300, y: 0 },
  ], [['m', 'o']]);
  await page.goto(`${base}/#/w/${bad.id}`);
  await node(page, 'Ads').waitFor();
  await page.getByTestId('run').click();
  await page.getByTestId('run-refused').waitFor();
  assert.equal(await page.getByTestId('run-clock').count(), 0);
  await page.getByTestId('notice').waitFor();
  await shot(page, 'edges-refused.png');
});
