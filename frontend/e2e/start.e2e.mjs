// End-to-end, the first minutes: the empty list offers the starters; the
// "Product text to ad" starter opens ready to run and runs to completion;
// the list then shows its last run; deleting asks in a dialog. Run it first,
// on an empty server (scripts/e2e.sh).
import assert from 'node:assert/strict';
import { api, node, open, run, shot, step, waitStatus } from './lib.mjs';

await run('start', async (context) => {
  const page = await open(context);

  step('the empty list offers the starters, saying which cannot run here');
  await page.getByTestId('starter-product-text-to-ad').waitFor();
  const { starters } = await api(page, 'GET', '/api/starters');
  for (const s of starters) {
    const missing = page.getByTestId(`starter-${s.id}`).getByTestId('starter-missing');
    assert.equal(await missing.count(), s.missing?.length ? 1 : 0, `${s.id}: says what it lacks`);
  }
  await shot(page, 'list-empty.png');

  step('a starter opens ready to run, and runs to completion');
  await page.getByTestId('starter-product-text-to-ad').click();
  await page.getByTestId('workflow-name').getByText('Product text to ad').waitFor();
  assert.equal(await page.locator('.react-flow__node').count(), 4);
  const { node_types: types } = await api(page, 'GET', '/api/node-types');
  const model = types.find((t) => t.type === 'IMAGE_MODEL');
  if (model.notice) {
    // This server lacks FAL_KEY: the palette and the node say so, in amber.
    await page.getByTestId('palette-IMAGE_MODEL').getByTestId('palette-notice').waitFor();
    assert.equal(await page.getByTestId('palette-IMAGE_MODEL').getAttribute('aria-description'), model.notice);
    await node(page, 'FLUX schnell').getByTestId('node-notice').getByText(model.notice).waitFor();
  }
  await page.getByTestId('run').click();
  await waitStatus(page, 'Feed ads', 'COMPLETED');
  await page.getByTestId('gallery-item').nth(1).waitFor();
  assert.equal(await page.getByTestId('gallery-item').count(), 2);
  await page.getByTestId('history-item').first().and(page.locator('[data-status="COMPLETED"]')).waitFor();
  await page.getByTestId('run-clock').waitFor();
  await shot(page, 'starter-done.png');

  step('the list shows the last run: status, when, its first image');
  await page.getByLabel('All workflows').click();
  const row = page.getByTestId('workflow-row').filter({ hasText: 'Product text to ad' });
  await row.getByTestId('last-run').getByText('ran just now').waitFor();
  await row.locator('[data-status="COMPLETED"]').waitFor();
  await row.locator('img').waitFor();
  assert.ok(await row.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0), 'the thumbnail loads');
  await page.getByRole('heading', { name: 'Start from a template' }).waitFor();

  step('deleting asks in a dialog');
  await api(page, 'POST', '/api/workflows', { name: 'Scratch' });
  await page.reload();
  const scratch = page.getByTestId('workflow-row').filter({ hasText: 'Scratch' });
  await scratch.getByTestId('delete-workflow').click();
  await page.getByTestId('delete-dialog').getByText('Delete “Scratch”?').waitFor();
  await shot(page, 'delete-dialog.png');
  await page.keyboard.press('Escape');
  await page.getByTestId('delete-dialog').waitFor({ state: 'detached' });
  await scratch.getByTestId('delete-workflow').click();
  await page.getByTestId('delete-confirm').click();
  await scratch.waitFor({ state: 'detached' });
  await shot(page, 'list.png');
});
