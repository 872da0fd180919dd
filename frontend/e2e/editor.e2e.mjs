// End-to-end: a new user builds and runs an ad workflow in Chromium against
// the real backend (SQLite, local preview renderer). Screenshots go to
// frontend/test-results/. Run with: node e2e/editor.e2e.mjs (see run.sh).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

const base = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8000';
const shots = new URL('../test-results/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.setDefaultTimeout(20000);
page.on('pageerror', (e) => console.error('page error:', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
const step = (name) => console.log(`e2e: ${name}`);

try {
  await page.goto(base);
  step('create a workflow');
  await page.getByPlaceholder(/Name a new workflow/).fill('Spring sneaker launch');
  await page.getByTestId('create-workflow').click();
  await page.getByTestId('workflow-name').getByText('Spring sneaker launch').waitFor();

  step('add four nodes from the palette');
  for (const t of ['TEXT_INPUT', 'PROMPT', 'IMAGE_MODEL', 'OUTPUT']) await page.getByTestId(`palette-${t}`).click();
  const nodes = page.locator('.react-flow__node');
  assert.equal(await nodes.count(), 4);

  step('fill the configs');
  await page.getByTestId('node-Text input').click();
  await page.locator('textarea[name="value"]').fill('red canvas sneakers');
  await page.getByTestId('node-Prompt').click();
  await page.locator('textarea[name="template"]').fill('A bold spring ad for {{text}}, studio light');
  await page.getByTestId('node-Image model').click();
  await page.locator('input[name="breakpoint"]').check();
  await page.locator('input[name="parameters.num_images"]').fill('2');
  await page.getByTestId('node-Output').click();
  await page.locator('select[name="aspect_ratio"]').selectOption('4:5');
  await page.locator('input[name="num_images"]').fill('2');

  step('connect them');
  const connect = async (from, out, to, into) => {
    const src = page.getByTestId(`node-${from}`).locator(`.react-flow__handle[data-handleid="${out}"]`);
    const dst = page.getByTestId(`node-${to}`).locator(`.react-flow__handle[data-handleid="${into}"]`);
    await src.dragTo(dst);
  };
  // Spread the nodes so handles do not overlap, then connect.
  await page.getByTitle('fit view').click().catch(() => {});
  await connect('Text input', 'text', 'Prompt', 'vars');
  await connect('Prompt', 'prompt', 'Image model', 'prompt');
  await connect('Image model', 'image_urls', 'Output', 'image_urls');
  assert.equal(await page.locator('.react-flow__edge').count(), 3, 'three edges');
  await page.getByTestId('save').click();
  await page.getByTestId('save-state').getByText('Saved').waitFor();
  await page.screenshot({ path: shots + 'editor.png' });

  step('run to the breakpoint');
  await page.getByTestId('run').click();
  await page.locator('[data-testid="node-Image model"][data-status="PAUSED"]').waitFor();
  assert.equal(await page.locator('[data-testid="node-Text input"]').getAttribute('data-status'), 'COMPLETED');
  await page.screenshot({ path: shots + 'paused.png' });

  step('step, then resume');
  await page.getByTestId('step').click();
  await page.locator('[data-testid="node-Output"][data-status="PAUSED"]').waitFor();
  await page.getByTestId('resume').click();
  await page.locator('[data-testid="node-Output"][data-status="COMPLETED"]').waitFor();
  await page.getByTestId('gallery').locator('img').nth(1).waitFor();
  assert.equal(await page.getByTestId('gallery').locator('img').count(), 2);
  await page.getByTestId('costs').getByText('Cost $0.000').waitFor();
  await page.screenshot({ path: shots + 'gallery.png' });

  step('reload and reopen the run from the history');
  await page.reload();
  await page.getByTestId('history-item').first().waitFor();
  await page.getByTestId('history-item').first().click();
  await page.locator('[data-testid="node-Output"][data-status="COMPLETED"]').waitFor();
  await page.getByTestId('gallery').locator('img').first().waitFor();
  console.log('1 passed, 0 failed');
} catch (err) {
  await page.screenshot({ path: shots + 'failure.png' }).catch(() => {});
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  await browser.close();
}
