// report.html (OUTPUTS.md): one self-contained page — summary, APR tables, district charts, load
// reconciliation and parameters. Charts are Observable Plot rendered server-side into a linkedom
// document and inlined as static SVG (ECOSYSTEM.md B5): no script, no stylesheet link, no network.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { type Db, quoteIdent } from '../db.js';
import type { OutputRef, RunConfig, RunResult } from '../engine/run.js';

type Cell = string | number | boolean | null | undefined;

export function escapeHtml(v: unknown): string {
  return String(v).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const NUM = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });

/** A cell's text: numbers to at most 2 decimals, NULL as empty, everything else as given (then escaped). */
function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? NUM.format(v) : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return JSON.stringify(v);
}

function isNumeric(v: Cell): boolean {
  return typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
}

function htmlTable(columns: string[], rows: Cell[][], attrs = ''): string {
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((v) => `<td${isNumeric(v) ? ' class="n"' : ''}>${escapeHtml(cellText(v))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="scroll"><table${attrs}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function summarySection(result: RunResult): string {
  const cols = ['id', 'title', 'numerator / denominator', 'display', 'target', 'target met', 'target basis', 'status'];
  const head = cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = result.summary
    .map((r) => {
      const nd = r.numerator === null && r.denominator === null ? '' : `${cellText(r.numerator)} / ${cellText(r.denominator)}`;
      const met = r.target_met === 'yes' ? '<td class="met">&#10003; met</td>' : r.target_met === 'no' ? '<td class="notmet">&#10007; not met</td>' : '<td></td>';
      return (
        `<tr data-summary-id="${escapeHtml(r.id)}"><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.title)}</td><td class="n">${escapeHtml(nd)}</td>` +
        `<td class="n">${escapeHtml(r.display)}</td><td class="n">${escapeHtml(cellText(r.target))}</td>${met}<td>${escapeHtml(r.target_basis)}</td><td>${escapeHtml(r.status)}</td></tr>`
      );
    })
    .join('\n');
  return `<section id="summary"><h2>Summary</h2><table class="summary"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

async function tablesSection(db: Db, result: RunResult): Promise<string> {
  const parts: string[] = [];
  for (const o of result.outputs.filter((x) => x.kind === 'table')) {
    const name = o.path ?? o.name;
    const rows = await db.all(`SELECT * FROM ${quoteIdent(o.table)}`);
    const columns = rows.length ? Object.keys(rows[0]!) : await columnsOf(db, o.table);
    const cells = rows.map((r) => columns.map((c) => r[c]));
    parts.push(
      `<section class="apr-table" data-table="${escapeHtml(name)}"><h3>${escapeHtml(name)} <small>(indicator ${escapeHtml(o.indicator)})</small></h3>` +
        `${htmlTable(columns, cells)}</section>`,
    );
  }
  return `<section id="tables"><h2>APR tables</h2>\n${parts.join('\n')}</section>`;
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const rows = await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${quoteIdent(table)})`);
  return rows.map((r) => r.column_name);
}

interface DistrictPoint {
  value: number;
  threshold: number | null;
  flagged: string;
}

/**
 * The districts outputs worth a chart, decided from the data: those with `value`, `evaluated` and
 * `threshold` columns and at least one evaluated district with a value and a threshold (4A, 9, 10, 11, 12 and the
 * other district-level indicators that have evaluated districts in this run).
 */
async function chartData(db: Db, o: OutputRef): Promise<DistrictPoint[] | null> {
  const cols = new Set(await columnsOf(db, o.table));
  if (!['value', 'evaluated', 'threshold'].every((c) => cols.has(c))) return null;
  const flagged = cols.has('flagged') ? `CASE WHEN flagged THEN 'flagged' ELSE 'not flagged' END` : `'not flagged'`;
  const rows = await db.all<DistrictPoint>(
    `SELECT value::DOUBLE AS value, threshold::DOUBLE AS threshold, ${flagged} AS flagged
       FROM ${quoteIdent(o.table)}
      WHERE evaluated AND value IS NOT NULL AND isfinite(value::DOUBLE) AND threshold IS NOT NULL ORDER BY ALL`,
  );
  return rows.length ? rows : null;
}

function renderChart(points: DistrictPoint[], title: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const thresholds = [...new Set(points.map((p) => p.threshold).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  const chart = Plot.plot({
    document,
    width: 640,
    height: 220,
    marginLeft: 48,
    // room for the threshold's label when the threshold sits at the right edge
    marginRight: 80,
    style: { fontSize: '11px', background: 'white' },
    x: { label: `${title}: district value →`, nice: true },
    // districts are whole: no tick at 0.5
    y: { label: '↑ districts', grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
    color: { domain: ['not flagged', 'flagged'], range: ['#7a9cc6', '#d0543a'], legend: true },
    marks: [
      Plot.rectY(points, Plot.binX<Plot.RectYOptions>({ y: 'count' }, { x: 'value', fill: 'flagged', thresholds: 30 })),
      Plot.ruleY([0]),
      Plot.ruleX(thresholds, { stroke: '#000', strokeWidth: 2, strokeDasharray: '4,3' }),
      Plot.text(thresholds, { x: (d: number) => d, frameAnchor: 'top', dy: -2, text: (d: number) => `threshold ${NUM.format(d)}`, textAnchor: 'start', dx: 4 }),
    ],
  }) as unknown as { outerHTML: string };
  return chart.outerHTML;
}

/**
 * The flagged rows of a districts file with the figures behind each flag, folded away: statewide a
 * file has ~1,000 rows, so the page lists only the flagged ones and the CSV holds the rest.
 */
async function flaggedList(db: Db, o: OutputRef, n: number): Promise<string> {
  if (n === 0) return '';
  const cols = await columnsOf(db, o.table);
  const show = ['district', 'district_name', ...cols.filter((c) => !DISTRICT_FIXED.has(c) && /group|disability|category/.test(c)), 'numerator', 'denominator', 'value', 'threshold'].filter((c) => cols.includes(c));
  const rows = await db.all(`SELECT ${show.map(quoteIdent).join(', ')} FROM ${quoteIdent(o.table)} WHERE flagged ORDER BY ALL`);
  return `<details class="flagged" data-flagged="${escapeHtml(o.path ?? o.name)}"><summary>${n} flagged</summary>${htmlTable(show, rows.map((r) => show.map((c) => r[c])))}</details>`;
}

const DISTRICT_FIXED = new Set(['district', 'district_name', 'selpa', 'numerator', 'denominator', 'value', 'evaluated', 'flagged', 'threshold']);

async function chartsSection(db: Db, result: RunResult): Promise<string> {
  const parts: string[] = [];
  for (const o of result.outputs.filter((x) => x.kind === 'districts')) {
    const points = await chartData(db, o);
    if (!points) continue;
    const name = o.path ?? o.name;
    const flagged = points.filter((p) => p.flagged === 'flagged').length;
    const total = await db.scalar(`SELECT count(*) FROM ${quoteIdent(o.table)}`);
    parts.push(
      `<figure class="chart" data-chart="${escapeHtml(name)}"><figcaption><strong>Indicator ${escapeHtml(o.indicator)}</strong> (${escapeHtml(name)}): ` +
        `${points.length} evaluated rows of ${total}, ${flagged} flagged; dashed line = threshold.</figcaption>${renderChart(points, o.indicator)}` +
        `${await flaggedList(db, o, flagged)}</figure>`,
    );
  }
  return `<section id="charts"><h2>District distributions</h2>\n${parts.join('\n')}</section>`;
}

/** Statewide rates over the data years present (tables/trend-<id>): one line per measure. */
async function trendsSection(db: Db, result: RunResult): Promise<string> {
  const parts: string[] = [];
  for (const o of result.outputs.filter((x) => x.kind === 'table' && x.name.startsWith('trend-'))) {
    const points = await db.all<{ year: string; id: string; value: number }>(
      `SELECT year, id, value::DOUBLE AS value FROM ${quoteIdent(o.table)} WHERE value IS NOT NULL ORDER BY year, id`,
    );
    const years = new Set(points.map((p) => p.year));
    if (years.size < 2) continue;
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const chart = Plot.plot({
      document,
      width: 640,
      height: 200,
      marginLeft: 48,
      marginTop: 24,
      style: { fontSize: '11px', background: 'white' },
      x: { label: 'data year', type: 'point' },
      y: { label: '↑ percent', grid: true },
      // room above and below for the value labels
      insetTop: 14,
      insetBottom: 14,
      color: { legend: true, type: 'ordinal', scheme: 'tableau10' },
      marks: [
        Plot.line(points, { x: 'year', y: 'value', stroke: 'id' }),
        Plot.dot(points, { x: 'year', y: 'value', fill: 'id' }),
        Plot.text(points, { x: 'year', y: 'value', text: (d: { value: number }) => NUM.format(d.value), dy: -9, fill: 'id' }),
      ],
    }) as unknown as { outerHTML: string };
    parts.push(
      `<figure class="chart" data-chart="${escapeHtml(o.path ?? o.name)}"><figcaption><strong>Indicator ${escapeHtml(o.indicator)}</strong>: statewide rate by data year (${escapeHtml(o.path ?? o.name)}).</figcaption>${chart.outerHTML}</figure>`,
    );
  }
  return parts.length ? `<section id="trends"><h2>Statewide rates over years</h2>\n${parts.join('\n')}</section>` : '';
}

function loadSection(result: RunResult): string {
  const cols = ['file', 'rows_read', 'rows_loaded', 'rows_rejected', 'warnings'];
  const rows = [...result.load.files].sort((a, b) => a.file.localeCompare(b.file)).map((f) => [f.file, f.rows_read, f.rows_loaded, f.rows_rejected, f.warnings]);
  return `<section id="load"><h2>Load reconciliation</h2>${htmlTable(cols, rows, ' class="load"')}</section>`;
}

function paramsSection(cfg: RunConfig): string {
  const rows = Object.keys(cfg.params.values)
    .sort()
    .map((name) => {
      const v = cfg.params.values[name];
      const by = cfg.params.overridden[name];
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? cellText(v) : JSON.stringify(v);
      return `<tr${by ? ' class="overridden"' : ''}><td>${escapeHtml(name)}</td><td>${escapeHtml(value)}</td><td>${by ? `overridden by ${escapeHtml(by)}` : 'default'}</td></tr>`;
    })
    .join('\n');
  return `<section id="params"><h2>Parameters</h2><table class="params"><thead><tr><th>name</th><th>value</th><th>source</th></tr></thead><tbody>\n${rows}\n</tbody></table></section>`;
}

const STYLE = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem auto;max-width:1100px;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{border-bottom:2px solid #ccc;margin-top:2rem}h3{font-size:1rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;margin:.3rem 0 1rem;font-size:12px}th,td{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
th{background:#f0f0f0;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
td.met{background:#dff0d8;color:#225522;font-weight:bold}td.notmet{background:#f8d7da;color:#7a1c24;font-weight:bold}
tr.overridden td{background:#fff3cd}figure.chart{margin:1rem 0}figcaption{font-size:12px;margin-bottom:.3rem}
nav a{margin-right:1rem}div.scroll{overflow-x:auto}td.met,td.notmet{white-space:nowrap}
`;

export async function renderReport(db: Db, cfg: RunConfig, result: RunResult, outDir: string): Promise<void> {
  const sections = [summarySection(result), await tablesSection(db, result), await chartsSection(db, result), await trendsSection(db, result), loadSection(result), paramsSection(cfg)];
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>APR report ${escapeHtml(cfg.year)} (${escapeHtml(cfg.profile.id)})</title><style>${STYLE}</style></head>
<body><h1>IDEA Part B Annual Performance Report — ${escapeHtml(cfg.year)}</h1>
<p>Profile ${escapeHtml(cfg.profile.id)}; run started ${escapeHtml(result.startedAt)}.</p>
<nav><a href="#summary">Summary</a><a href="#tables">APR tables</a><a href="#charts">District charts</a><a href="#trends">Trends</a><a href="#load">Load</a><a href="#params">Parameters</a></nav>
${sections.join('\n')}
</body></html>
`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'report.html'), html);
}
