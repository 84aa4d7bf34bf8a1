// report.html (OUTPUTS.md): one self-contained page from a run on data-samples — summary, every APR
// table, district charts as inline SVG, load reconciliation, parameters — and it opens cleanly in a browser.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.js';
import type { RunResult } from '../src/engine/run.js';
import { renderReport } from '../src/report/report.js';
import { testConfig, withRun } from './helpers/engine.js';

let html = '';
let file = '';
let result: RunResult;
let names: string[] = [];

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'apr-report-'));
  // One overridden parameter, so the parameters section shows how an override is marked.
  const cfg = testConfig('data-samples', { params: { 'ind9.k': '3' } });
  await withRun(cfg, async (db, r) => {
    result = r;
    await renderReport(db, cfg, r, out);
  });
  file = join(out, 'report.html');
  html = readFileSync(file, 'utf8');
  const db = await Db.open();
  try {
    // Longer surnames only, so a short one cannot match inside an ordinary word of the page.
    const rows = await db.all<{ v: string }>(
      `SELECT DISTINCT "LAST_NAME" AS v FROM read_csv('data-samples/casemis/2008-12/table_a.csv', all_varchar = true, ignore_errors = true)
        WHERE length("LAST_NAME") >= 6 ORDER BY 1 LIMIT 25`,
    );
    names = rows.map((r) => r.v);
  } finally {
    db.close();
  }
}, 120_000);

const tableNames = () => result.outputs.filter((o) => o.kind === 'table').map((o) => o.path ?? o.name);

describe('report.html', () => {
  it('is self-contained, small, and holds the summary, every table, the charts, load and parameters; no student names', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // No network: no http(s) src/href, no script or stylesheet links at all.
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(statSync(file).size).toBeLessThan(1_000_000);

    expect(result.summary.length).toBeGreaterThan(20);
    for (const s of result.summary) expect(html, s.id).toContain(`data-summary-id="${s.id}"`);
    expect(html).toContain('&#10003; met');
    expect(html).toContain('&#10007; not met');

    expect(tableNames().length).toBeGreaterThan(10);
    for (const t of tableNames()) expect(html, t).toContain(`data-table="${t}"`);

    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(5);
    for (const id of ['4A', '9', '10', '11', '12']) expect(html, id).toContain(`data-chart="districts/${id}"`);
    // Every district chart is a Plot SVG with a threshold label (rule mark annotation).
    const charts = html.split('<figure class="chart"').slice(1).filter((c) => c.startsWith(' data-chart="districts/'));
    expect(charts.length).toBeGreaterThanOrEqual(5);
    // Trends: the statewide rate over the data years present (1, 2 and 11 have several years in data-samples).
    for (const id of ['1', '2', '11']) expect(html, id).toContain(`data-chart="tables/trend-${id}"`);
    for (const c of charts) {
      expect(c).toContain('<svg');
      expect(c).toContain('aria-label="rule"');
      expect(c).toMatch(/<text[^>]*>threshold [\d.]+<\/text>/);
    }

    for (const f of result.load.files) expect(html, f.file).toContain(`<td>${f.file}</td>`);
    expect(html).toMatch(/<tr class="overridden"><td>ind9\.k<\/td><td>3<\/td><td>overridden by param<\/td><\/tr>/);
    expect(html).toContain('<td>load.max_reject_rate</td>');

    // District rows appear only as the flagged lists folded under their charts (a statewide file has ~1,000 rows).
    const lists = html.match(/<details class="flagged"[\s\S]*?<\/details>/g) ?? [];
    expect(lists.length).toBeGreaterThan(0);
    expect(html.split('<th>district</th>').length - 1).toBe(lists.length);
    for (const l of lists) {
      const n = Number(/<summary>(\d+) flagged<\/summary>/.exec(l)![1]);
      expect((l.match(/<tr>/g) ?? []).length - 1, l.slice(0, 80)).toBe(n);
    }

    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const n of names) expect(html, n).not.toContain(n);
  });

  const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
  const browserTest = chromium ? it : it.skip;
  browserTest(`opens in Chromium with no errors, every table and chart rendered${chromium ? '' : ' (SKIPPED: no Chromium at $CHROMIUM_PATH, /usr/bin/chromium or /usr/bin/chromium-browser)'}`, async () => {
    const puppeteer = (await import('puppeteer-core')).default;
    const browser = await puppeteer.launch({ executablePath: chromium!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const external: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${String(e)}`));
      page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) external.push(r.url());
      });
      await page.setViewport({ width: 1200, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      const tables = await page.$$eval('[data-table]', (els) => els.map((e) => [e.getAttribute('data-table'), e.querySelectorAll('tbody tr').length] as const));
      expect(tables.map((t) => t[0])).toEqual(tableNames());
      for (const [, n] of tables) expect(n).toBeGreaterThan(0);

      const charts = await page.$$eval('figure.chart', (els) =>
        els.map((e) => {
          const svg = e.querySelector('svg[class^="plot"]') ?? e.querySelectorAll('svg')[e.querySelectorAll('svg').length - 1];
          const box = svg?.getBoundingClientRect();
          return { name: e.getAttribute('data-chart'), w: box?.width ?? 0, h: box?.height ?? 0, bars: e.querySelectorAll('rect').length };
        }),
      );
      expect(charts.length).toBeGreaterThanOrEqual(5);
      for (const c of charts) {
        expect(c.w, c.name!).toBeGreaterThan(100);
        expect(c.h, c.name!).toBeGreaterThan(100);
        // histograms draw bars; trend charts draw lines and dots
        if (c.name!.startsWith('districts/')) expect(c.bars, c.name!).toBeGreaterThan(0);
      }
      expect(await page.$$eval('#summary tbody tr', (els) => els.length)).toBe(result.summary.length);
      expect(await page.$$eval('#load tbody tr', (els) => els.length)).toBe(result.load.files.length);

      const shot = join(tmpdir(), 'apr-report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
