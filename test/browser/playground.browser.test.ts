// Browser test of the playground: builds it with Vite from dist/, serves it on
// 127.0.0.1, drives Debian's Chromium headless with playwright-core, moves the
// controls, and checks the highlighted cells and the kept set against the
// library itself. Saves a screenshot to out/playground.png (gitignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt, ROOT } from '../e2e/helpers.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Lib = typeof import('../../src/index.js');
let lib: Lib;
let server: Server;
let ctx: BrowserContext;
let page: Page;
let profile: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`the browser test needs Chromium at ${CHROMIUM}: run "apt-get install chromium" (what .ci/run does) or set CHROMIUM_PATH`);
  ensureBuilt();
  lib = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Lib;
  const { buildPlayground } = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-playground.mjs')).href)) as { buildPlayground(): Promise<string> };
  const dir = await buildPlayground();
  const { serveStatic } = (await import(pathToFileURL(join(ROOT, 'scripts', 'serve.mjs')).href)) as { serveStatic(d: string): Promise<{ server: Server; url: string }> };
  const s = await serveStatic(dir);
  server = s.server;
  profile = mkdtempSync(join(tmpdir(), 'logitkit-chromium-'));
  ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1200, height: 1500 } });
  page = ctx.pages()[0] ?? await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  await page.goto(s.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const winners = async (): Promise<number[]> => (await page.$$eval('#ax-grid td.win', (tds) => tds.map((td) => Number((td as HTMLElement).dataset['flat'])))).sort((a, b) => a - b);
const pageValues = async (): Promise<number[]> => (await page.inputValue('#ax-values')).split(/[\s,]+/).filter(Boolean).map((t) => (/^nan$/i.test(t) ? NaN : Number(t)));
const pageShape = async (): Promise<number[]> => (await page.inputValue('#ax-shape')).split(',').map(Number);

/** The flat indices the library says win, computed in Node on the values shown by the page. */
async function expectedWinners(fn: 'argmax' | 'nanargmax', axis: number | null): Promise<number[]> {
  const shape = await pageShape();
  const x = lib.ndarray(Float64Array.from(await pageValues()), { shape });
  if (axis === null) return [lib[fn](x) as number];
  const r = lib.toNested(lib[fn](x, { axis })) as number[] | number[][];
  const [rows, cols] = shape as [number, number];
  if (axis === 1) return (r as number[]).map((c, i) => i * cols + c).sort((a, b) => a - b);
  return (r as number[]).map((i, c) => i * cols + c).sort((a, b) => a - b).filter(() => rows > 0);
}

describe('playground in Chromium', () => {
  it('axis explorer: ties preset, axis 1 highlights the first maximum of each row (library argmax)', async () => {
    await page.selectOption('#ax-preset', 'ties');
    await page.selectOption('#ax-axis', '1');
    expect(await winners()).toEqual([1, 4, 9]); // [3,7,7,1] → 1, [5,5,2,5] → 0, [0,9,9,9] → 1
    expect(await winners()).toEqual(await expectedWinners('argmax', 1));
    expect(await page.textContent('#ax-rshape')).toBe('[3] int32');
    expect(await page.textContent('#ax-code')).toContain('np.argmax(x, axis=1)');
  });

  it('axis explorer: axis 0 with keepdims gives shape [1, 4] and column winners', async () => {
    await page.selectOption('#ax-axis', '0');
    await page.check('#ax-keepdims');
    expect(await page.textContent('#ax-rshape')).toBe('[1, 4] int32');
    expect(await winners()).toEqual(await expectedWinners('argmax', 0));
    expect(await page.textContent('#ax-code')).toContain('argmax(x, { axis: 0, keepdims: true })');
    await page.uncheck('#ax-keepdims');
  });

  it('axis explorer: an injected tie keeps the first occurrence as the winner', async () => {
    await page.selectOption('#ax-preset', 'rand34');
    await page.selectOption('#ax-axis', '1');
    const before = await winners();
    await page.click('#ax-tie'); // copies row 0's maximum into the row's last cell
    const v = await pageValues();
    expect(v[3]).toBe(v[before[0]!]);
    expect(await winners()).toEqual(before);
    expect(await winners()).toEqual(await expectedWinners('argmax', 1));
  });

  it('axis explorer: injected NaN wins argmax and is skipped by nanargmax', async () => {
    await page.selectOption('#ax-preset', 'rand34');
    await page.selectOption('#ax-axis', '1');
    await page.click('#ax-nan'); // NaN into flat cell 1 (row 0)
    expect(Number.isNaN((await pageValues())[1])).toBe(true);
    expect(await winners()).toContain(1);
    expect(await winners()).toEqual(await expectedWinners('argmax', 1));
    await page.selectOption('#ax-fn', 'nanargmax');
    expect(await winners()).not.toContain(1);
    expect(await winners()).toEqual(await expectedWinners('nanargmax', 1));
    await page.selectOption('#ax-axis', 'none');
    expect(await winners()).toEqual(await expectedWinners('nanargmax', null));
    await page.selectOption('#ax-fn', 'argmax');
  });

  it('axis explorer: an all-NaN row under nanargmax shows ALL_NAN_SLICE', async () => {
    await page.selectOption('#ax-preset', 'nan');
    await page.selectOption('#ax-fn', 'nanargmax');
    await page.selectOption('#ax-axis', '1');
    expect(await page.textContent('#ax-error')).toContain('ALL_NAN_SLICE');
    await page.selectOption('#ax-fn', 'argmax');
    expect(await page.textContent('#ax-error')).toBe('');
    await page.selectOption('#ax-preset', 'ties');
  });

  it('sampling explorer: top-k 3 on the peaked preset keeps exactly the library\'s kept set', async () => {
    await page.selectOption('#s-preset', 'peaked');
    await page.fill('#s-topk', '3');
    await page.fill('#s-temp', '1');
    const kept = (await page.getAttribute('#s-kept', 'data-kept'))!.split(',').map(Number);
    expect(kept).toEqual([0, 1, 2]);
    const logits = (await page.inputValue('#s-logits')).split(',').map(Number);
    const V = logits.length;
    const out = lib.sample(lib.ndarray(Float32Array.from(logits), { shape: [1, V] }), { temperature: 1, topK: 3, seed: 0, logprobs: V }, { logprobsMode: 'processed_logprobs' });
    const lp = out.logprobs!;
    const libKept = Array.from({ length: V }, (_, j) => lp.tokenIds[j + 1]!).filter((_, j) => Number.isFinite(lp.logprobs[j + 1]!)).sort((a, b) => a - b);
    expect(kept).toEqual(libKept);
    const bars = await page.$$eval('#s-bars .bar', (bs) => bs.map((b) => ({ kept: (b as HTMLElement).dataset['kept'] === 'true', count: Number((b as HTMLElement).dataset['count']) })));
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(1000);
    expect(bars.every((b) => b.kept || b.count === 0)).toBe(true);
  });

  it('sampling explorer: top-p and min-p sliders shrink the kept set like the library', async () => {
    await page.fill('#s-topk', '0');
    await page.selectOption('#s-preset', 'longtail');
    await page.fill('#s-topp', '0.5');
    await page.fill('#s-minp', '0.3');
    const kept = (await page.getAttribute('#s-kept', 'data-kept'))!.split(',').map(Number);
    const logits = (await page.inputValue('#s-logits')).split(',').map(Number);
    const V = logits.length;
    const out = lib.sample(lib.ndarray(Float32Array.from(logits), { shape: [1, V] }), { temperature: 1, topP: 0.5, minP: 0.3, seed: 0, logprobs: V }, { logprobsMode: 'processed_logprobs' });
    const lp = out.logprobs!;
    const libKept = Array.from({ length: V }, (_, j) => lp.tokenIds[j + 1]!).filter((_, j) => Number.isFinite(lp.logprobs[j + 1]!)).sort((a, b) => a - b);
    expect(kept).toEqual(libKept);
    expect(kept.length).toBeLessThan(V);
    await page.fill('#s-temp', '0');
    expect(await page.getAttribute('#s-kept', 'data-kept')).toBe('0');
    await page.fill('#s-temp', '0.8');
    await page.fill('#s-topp', '0.9');
    await page.fill('#s-minp', '0');
  });

  it('renders without page errors and saves a screenshot', async () => {
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    await page.selectOption('#ax-preset', 'ties');
    await page.selectOption('#ax-axis', '1');
    await page.screenshot({ path: join(ROOT, 'out', 'playground.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
