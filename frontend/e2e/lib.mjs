// Shared helpers of the end-to-end tests: Chromium, pages at 1280x800,
// API calls from the page, layout checks and screenshots.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';

/** base is the server under test. */
export const base = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8000';
/** shots is where screenshots go (frontend/test-results/). */
export const shots = new URL('../test-results/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

/** step logs what the test does next. */
const t0 = Date.now();
export const step = (name) => console.log(`e2e: ${((Date.now() - t0) / 1000).toFixed(1)}s ${name}`);

/** launch starts headless Chromium without reaching outside hosts. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** open makes a 1280x800 page in context that reports its errors, at path of the app. */
export async function open(context, path = '/') {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && !/status of 409|status of 422/.test(m.text()) && console.error('console:', m.text()));
  await page.goto(base + path);
  return page;
}

/** newContext makes a browser context whose pages are 1280x800. */
export const newContext = (browser) => browser.newContext({ viewport: { width: 1280, height: 800 } });

/** api calls the API from the page (same origin, same auth as the app) and returns the JSON answer. */
export async function api(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const res = await fetch(path, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }, { method, path, body });
}

/** uuid makes a node or edge id. */
export const uuid = () => crypto.randomUUID();

/**
 * makeWorkflow creates a workflow through the API with nodes (spec: {key,
 * type, name, config, x, y, breakpoint}) and edges ([fromKey, toKey,
 * targetHandle?]); it returns its id and the node ids by key.
 */
export async function makeWorkflow(page, name, nodes, edges) {
  const w = await api(page, 'POST', '/api/workflows', { name });
  const ids = Object.fromEntries(nodes.map((n) => [n.key, uuid()]));
  await api(page, 'PUT', `/api/workflows/${w.id}/graph`, {
    nodes: nodes.map((n) => ({ id: ids[n.key], type: n.type, name: n.name, config: n.config, position_x: n.x, position_y: n.y, has_breakpoint: !!n.breakpoint })),
    edges: edges.map(([from, to, handle]) => ({ id: uuid(), source_node_id: ids[from], target_node_id: ids[to], ...(handle ? { target_handle: handle } : {}) })),
  });
  return { id: w.id, ids };
}

/** node is the canvas node named name. */
export const node = (page, name) => page.getByTestId(`node-${name}`);

/** waitStatus waits until the node named name shows status. */
export const waitStatus = (page, name, status) => page.locator(`[data-testid="node-${name}"][data-status="${status}"]`).waitFor();

/**
 * FIT_MIN_ZOOM is the least zoom a fit of the view chooses (the editor's
 * nodeText.ts: node text never drawn below 11 px): a graph too large for
 * the canvas at that zoom is shown from its start, the rest a pan away.
 */
const FIT_MIN_ZOOM = 11 / 12;

/**
 * viewSettled waits until the canvas view is still (no pan or zoom under
 * way: the canvas's data-view, from React Flow's move events; no refit
 * waiting for the canvas's size to settle: its data-refit) with every node
 * inside the canvas, or, for a graph too large to fit at a readable zoom,
 * the view at that least zoom. A pan to a node added out of sight has not
 * begun while that node is out of view, so both together mean it has ended.
 */
export async function viewSettled(page) {
  const canvas = await page.getByRole('main', { name: 'Workflow canvas' }).elementHandle();
  await page.waitForFunction(([main, least]) => {
    const pane = main.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane || main.dataset.view !== 'still' || main.dataset.refit) return false;
    const zoom = Number(/scale\(([\d.]+)\)/.exec(main.querySelector('.react-flow__viewport')?.style.transform ?? '')?.[1] ?? 1);
    return zoom <= least + 1e-3 || [...main.querySelectorAll('.react-flow__node')].every((n) => {
      const b = n.getBoundingClientRect();
      return b.x >= pane.x && b.y >= pane.y && b.x + b.width <= pane.x + pane.width && b.y + b.height <= pane.y + pane.height;
    });
  }, [canvas, FIT_MIN_ZOOM]);
}

/**
 * reveal pans the canvas, as a user would (dragging an empty strip of it),
 * until the node named name is wholly in view: at a readable zoom, a wide
 * graph is shown from its start, its last nodes a pan away.
 */
export async function reveal(page, name) {
  const pane = await page.locator('.react-flow').boundingBox();
  const b = await node(page, name).boundingBox();
  const margin = 24;
  const dx = Math.min(0, pane.x + pane.width - margin - (b.x + b.width)) || Math.max(0, pane.x + margin - b.x);
  const dy = Math.min(0, pane.y + pane.height - 64 - (b.y + b.height)) || Math.max(0, pane.y + margin - b.y);
  if (!dx && !dy) return;
  // The pane's top strip is kept free of nodes (the fit's top padding): drag from there.
  const from = { x: pane.x + pane.width / 2, y: pane.y + 8 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 8 });
  await page.mouse.up();
  await page.locator('main[data-view="still"]').waitFor();
}

/** overlaps says whether two boxes overlap (touching is fine). */
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** assertNoOverlap checks that no two elements matching selector overlap on screen. */
export async function assertNoOverlap(page, selector, what) {
  const boxes = await page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i], boxes[j]), `${what} ${i} and ${j} overlap`);
  }
  return boxes;
}

/**
 * shot checks the screen is tidy, then saves a screenshot: the header is
 * one line (nothing wraps or spills out of it), canvas nodes do not
 * overlap, and the notice is one line unless opened.
 */
export async function shot(page, name) {
  const header = page.locator('header').first();
  if (await header.count()) {
    const h = await header.evaluate((e) => ({ height: e.getBoundingClientRect().height, spill: e.scrollWidth - e.clientWidth }));
    assert.ok(h.height <= 49 && h.spill <= 0, `${name}: the header wraps or spills (${JSON.stringify(h)})`);
  }
  await assertNoOverlap(page, '.react-flow__node', `${name}: nodes`);
  const notice = page.getByTestId('notice');
  if (await notice.count()) assert.ok((await notice.boundingBox()).height <= 34, `${name}: the notice wraps`);
  await page.mouse.move(640, 2); // no hover highlight in the picture
  await page.screenshot({ path: shots + name });
}

/**
 * run runs one test file's body with a fresh browser, reporting it the way
 * scripts/e2e.sh reads it, with a screenshot of the failure.
 */
export async function run(name, body) {
  for (const f of readdirSync(shots)) if (f.startsWith(`failure-${name}-`)) rmSync(shots + f);
  const browser = await launch();
  const context = await newContext(browser);
  const started = Date.now();
  try {
    await body(context);
    console.log(`${name}: 1 passed, 0 failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    for (const [i, p] of context.pages().entries()) await p.screenshot({ path: `${shots}failure-${name}-${i}.png` }).catch(() => {});
    console.error(err);
    console.log(`${name}: 0 passed, 1 failed`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
