// The documentation in docs/ travels with the code. Each doc is hand-written prose with generated
// blocks between marker lines; `npm run docs` rewrites the blocks from the field schemas, the code
// lists, the rule files, the indicator declarations and the zod parameter schemas, and a test fails
// when a block is stale. The prose around the blocks is edited in the .md file itself; what a
// declaration cannot say (what a code or a column means) is the NOTES at the end of this file, and a
// test fails when a note names a column, code or output that no longer exists.
import { readdirSync, readFileSync } from 'node:fs';
import { INDICATORS } from '../indicators/index.js';
import {
  type ColumnDef,
  type FileNeed,
  type IndicatorDef,
  type InputNeed,
  type OutputDef,
  DISTRICT_COLUMNS,
  needFiles,
  outputColumns,
  outputName,
  RESTRICTED_COLUMNS,
  TREND_COLUMNS,
} from './engine/indicator.js';
import { paramCatalog, type ParamInfo } from './engine/params.js';
import { loadProfile, type Profile } from './engine/profile.js';
import { CODE_LISTS, ETHNICITY_GROUP } from './load/codes.js';
import { genericRules, loadRuleFile } from './load/rules.js';
import type { FieldSpec, FileKind } from './load/schema.js';
import { FILE_KINDS } from './load/schemas/index.js';

const ROOT = new URL('../', import.meta.url);

// ---------------------------------------------------------------------------------------------
// Generated blocks

/** The first marker line of a generated block (the text after the name is free). */
export const blockStart = (name: string): string => `<!-- generated: ${name} — rewritten by \`npm run docs\` from the code; edit src/docs.ts, not this block -->`;
export const blockEnd = (name: string): string => `<!-- end generated: ${name} -->`;
const BLOCK = /<!-- generated: ([a-z0-9-]+)\b[^>]*-->[\s\S]*?<!-- end generated: \1 -->/g;

export interface Doc {
  /** Path from the repository root. */
  path: string;
  /** Every generated block the doc must hold, by name. */
  blocks: Record<string, () => string>;
}

export const DOCS: Doc[] = [
  {
    path: 'docs/inputs.md',
    blocks: { 'input-files': inputFilesIndex, columns: inputColumns, 'code-lists': codeLists, codes: verificationIndex },
  },
  {
    path: 'docs/outputs.md',
    blocks: {
      indicators: indicatorTable,
      'summary-rows': summaryRows,
      tables: () => outputSections('table'),
      trends: trendFiles,
      districts: () => outputSections('districts'),
      triggers: triggerList,
      restricted: () => outputSections('restricted'),
      warnings: warningSources,
    },
  },
  { path: 'docs/parameters.md', blocks: { parameters: parameterTables, targets: targetTable, profiles: profileTable } },
];

/** The doc with every generated block rewritten; throws on an unknown or a missing block. */
export function refreshDoc(doc: Doc, text: string): string {
  const seen = new Set<string>();
  const out = text.replace(BLOCK, (_all, name: string) => {
    const render = doc.blocks[name];
    if (!render) throw new Error(`${doc.path}: unknown generated block "${name}" (known: ${Object.keys(doc.blocks).join(', ')})`);
    seen.add(name);
    return `${blockStart(name)}\n\n${render().trimEnd()}\n\n${blockEnd(name)}`;
  });
  const missing = Object.keys(doc.blocks).filter((n) => !seen.has(n));
  if (missing.length) {
    throw new Error(`${doc.path} lacks the generated block(s) ${missing.join(', ')}: put the lines\n${missing.map((n) => `${blockStart(n)}\n${blockEnd(n)}`).join('\n')}\nwhere they belong`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const cell = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (s: string): string => `\`${s}\``;
const natural = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function filePath(n: FileNeed): string {
  const path = FILE_KINDS.find((k) => k.id === n.kind)?.path ?? n.kind;
  return n.period ? path.replace('{period}', `<${n.period}>`) : shownPath(path);
}

/** A kind's path as a person writes it: `casemis/<YYYY-MM>/table_a.csv`. */
const shownPath = (path: string): string => path.replace('{period}', '<YYYY-MM>');

/** The per-SELPA form of a CASEMIS table (DATA-CONTRACT.md 1): `casemis/{period}/table_a/<selpa>.csv`. */
const perSelpaPath = (k: FileKind): string => k.path.replace(/\.csv$/, '/<selpa>.csv');

const needText = (needs: InputNeed[]): string => needs.map((n) => needFiles(n).map((f) => code(filePath(f))).join(' or ')).join(' and ');

// ---------------------------------------------------------------------------------------------
// docs/inputs.md

const REQ: Record<FieldSpec['req'], string> = {
  R: 'yes',
  S: 'on a served record',
  C: 'column yes; value when a rule says',
  O: 'no (column may be absent)',
};

const TYPE: Record<FieldSpec['type'], string> = {
  text: 'text',
  code: 'code',
  date: 'date',
  integer: 'whole number',
  decimal: 'number',
  yesno: 'Y/N',
};

const PATTERNS: Record<string, string> = {
  '^.{1,7}$': '1-7 characters',
  '^.{1,15}$': '1-15 characters',
  '^[0-9A-Za-z]{1,3}$': '1-3 letters or digits',
  "^[\\p{L} .'-]+$": "letters, spaces and `. ' -`",
  '^([0-9]{7}|\\*)$': '7 digits, or `*` (every district)',
  '^[0-9]{4}-[0-9]{2}$': 'school year `YYYY-YY`',
};

function patternText(p: string): string {
  const digits = /^\^\[0-9\]\{(\d+)\}\$$/.exec(p);
  if (digits) return `${digits[1]} digits`;
  return PATTERNS[p] ?? code(p);
}

const listAnchor = (name: string): string => `#${name.toLowerCase()}`;

function allowed(f: FieldSpec): string {
  const parts: string[] = [];
  if (f.codes) {
    const list = (CODE_LISTS as Record<string, readonly string[]>)[f.codes] ?? [];
    parts.push(list.length <= 6 ? `${list.map(code).join(', ')} ([${f.codes}](${listAnchor(f.codes)}))` : `[${f.codes}](${listAnchor(f.codes)}) list`);
  }
  if (f.pattern) parts.push(patternText(f.pattern));
  if (f.min !== undefined && f.max !== undefined) parts.push(`${f.min} to ${f.max}`);
  else if (f.min !== undefined) parts.push(`≥ ${f.min}`);
  else if (f.max !== undefined) parts.push(`≤ ${f.max}`);
  return parts.join('; ');
}

/** The codes of a field's own checks (from the same generic rules the loader runs): bad value, then blank. */
function checkCodes(kind: FileKind, f: FieldSpec): string {
  const rules = genericRules(kind, CODE_LISTS).filter((r) => r.field === f.name);
  const blank = rules.filter((r) => /is required/.test(r.message)).map((r) => r.code);
  const bad = [...new Set(rules.filter((r) => !/is required/.test(r.message)).map((r) => r.code))];
  const parts = bad.map(code);
  for (const b of new Set(blank)) if (!bad.includes(b) || !bad.length) parts.push(`blank: ${code(b)}`);
  return parts.join(', ');
}

const indLabel = (ind: IndicatorDef): string => (/^\d/.test(ind.id) ? `indicator ${ind.id}` : ind.title);

function outputLabel(ind: IndicatorDef, o: OutputDef): string {
  if (o.kind === 'triggers') return `trigger ${(o.triggers ?? []).join(', ')}`;
  if (o.kind === 'warnings') return `the checks of ${indLabel(ind)}`;
  return code(outputFile(ind, o));
}

/** What reads each input kind: indicators, single measures and single outputs (with the submission read). */
function readers(kind: string): string[] {
  const out: string[] = [];
  const uses = (needs: InputNeed[] | undefined): FileNeed[] => (needs ?? []).flatMap((n) => needFiles(n).filter((f) => f.kind === kind));
  const period = (fs: FileNeed[]): string => {
    const ps = [...new Set(fs.map((f) => f.period).filter(Boolean))];
    return ps.length ? ` (${ps.join(', ')})` : '';
  };
  for (const ind of INDICATORS) {
    const own = uses(ind.inputs);
    if (own.length) out.push(`${indLabel(ind)}${period(own)}`);
    for (const m of ind.measures) {
      const fs = uses(m.needs);
      if (fs.length) out.push(`measure ${m.id}${period(fs)}`);
    }
    const outs = own.length ? [] : ind.outputs.filter((o) => uses(o.needs).length);
    const fs = outs.flatMap((o) => uses(o.needs));
    // a module whose every output needs the file reads it as a whole (the self-review module)
    if (outs.length > 1) out.push(`${indLabel(ind)}${period(fs)}`);
    else for (const o of outs) out.push(`${outputLabel(ind, o)}${period(fs)}`);
  }
  return [...new Set(out)];
}

function inputFilesIndex(): string {
  const rows = FILE_KINDS.map((k) => {
    const note = FILE_NOTES[k.id];
    const by = [...readers(k.id), ...(note?.alsoReadBy ? [note.alsoReadBy] : [])];
    const read = by.length ? by.join(', ') : 'verified only (no indicator reads it)';
    const file = code(shownPath(k.path)) + (k.path.includes('{period}') ? ` or ${code(shownPath(perSelpaPath(k)))}` : '');
    return [file + (k.casemis ? ' (CASEMIS)' : ''), note?.about ?? '', read, note?.missing ?? 'the measures that need it are `not computed: missing <path>`'];
  });
  return table(['file', 'what it holds', 'read by', 'when it is missing'], rows);
}

interface DocRule {
  code: string;
  severity: string;
  kind: string;
  field: string;
  message: string;
}

/** SELECT items up to the FROM of the same level (commas and FROM inside parentheses or quotes do not count). */
function selectItems(sql: string, from: number): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (let i = from; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quoted) {
      cur += ch;
      if (ch === "'") quoted = false;
      continue;
    }
    if (ch === "'") quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && ch === ',') {
      items.push(cur.trim());
      cur = '';
      continue;
    } else if (depth === 0 && /\s/.test(ch) && /^\s+FROM\b/i.test(sql.slice(i, i + 8))) break;
    cur += ch;
  }
  items.push(cur.trim());
  return items;
}

const literal = (s: string | undefined): string | undefined => {
  const m = /^'((?:[^']|'')*)'$/.exec((s ?? '').trim());
  return m ? m[1]!.replaceAll("''", "'") : undefined;
};

/** A message expression: its literal parts, `…` for each computed part (a line number, a count). */
function messageText(expr: string): string {
  return expr
    .split('||')
    .map((p) => literal(p) ?? (/^\s*line_ref\(/.test(p) ? 'line … (of … when in another file)' : '…'))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The rules of sql/rules/set/*.sql: every `INSERT INTO rejects SELECT file, line, 'FIELD', value,
 * 'CODE', 'severity', message, 'kind'` (the kind of the row that gets the reject line).
 */
function setRules(): DocRule[] {
  const dir = new URL('sql/rules/set/', ROOT);
  const out: DocRule[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    const sql = readFileSync(new URL(name, dir), 'utf8').replace(/--.*$/gm, '');
    for (const m of sql.matchAll(/INSERT\s+INTO\s+rejects\s+SELECT\s/gi)) {
      const items = selectItems(sql, m.index + m[0].length);
      const [field, ruleCode, severity, kind] = [literal(items[2]), literal(items[4]), literal(items[5]), literal(items[7])];
      if (!field || !ruleCode || !severity || !kind || items.length !== 8) {
        throw new Error(`sql/rules/set/${name}: cannot read the reject row (expected file, line, 'FIELD', value, 'CODE', 'severity', message, 'kind')`);
      }
      out.push({ code: ruleCode, severity, kind, field, message: messageText(items[6]!) });
    }
  }
  return out;
}

/** Every check a file gets: the field specs' own, its row rules, the set rules that reject its rows, the engine's. */
function rulesOf(kind: FileKind, sets: DocRule[]): DocRule[] {
  const rules: DocRule[] = [
    ...genericRules(kind, CODE_LISTS).map((r) => ({ ...r, kind: kind.id })),
    ...loadRuleFile(kind).map((r) => ({ ...r, kind: kind.id })),
    ...sets.filter((r) => r.kind === kind.id),
    ...ENGINE_RULES.map((r) => ({ ...r, kind: kind.id })),
  ];
  if (kind.key?.length) {
    rules.push({ code: 'E-DUP', severity: 'error', kind: kind.id, field: kind.key[0]!, message: `duplicate key ${kind.key.join(' + ')}: the first row is kept, later rows are rejected and name its line` });
  }
  const seen = new Set<string>();
  return rules
    .filter((r) => {
      const k = `${r.code}\u0000${r.field}\u0000${r.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => natural(a.code, b.code) || natural(a.field, b.field));
}

function inputColumns(): string {
  const sets = setRules();
  const L: string[] = [];
  for (const k of FILE_KINDS) {
    const note = FILE_NOTES[k.id];
    L.push(`### \`${shownPath(k.path)}\`${k.casemis ? ' (CASEMIS)' : ''}`, '');
    const facts: string[] = [];
    if (note?.about) facts.push(`${note.about}.`);
    if (k.key?.length) facts.push(`One row per ${k.key.map(code).join(' + ')} (a repeat is \`E-DUP\`).`);
    if (k.path.includes('{period}')) {
      facts.push(
        `Or, per SELPA, a folder of files \`${shownPath(perSelpaPath(k))}\` (any names, read in name order; never both): each has its own header and is checked as a file of its own, the duplicate and cross-table checks run over all files of the submission.`,
      );
    }
    if (k.juneOnly) facts.push('June folders only.');
    if (k.requireRows) facts.push('A file with a header and no rows stops the run (exit 3).');
    if (k.verifyOnly) facts.push('Verified and counted, read by no indicator.');
    if (facts.length) L.push(facts.join(' '), '');
    L.push(
      table(
        ['column', 'type', 'required', 'allowed values', 'check code', 'PII', 'meaning'],
        k.fields.map((f) => [
          [f.name, ...(f.aliases ?? [])].map(code).join(', '),
          TYPE[f.type],
          REQ[f.req],
          allowed(f),
          checkCodes(k, f),
          f.pii ? 'yes' : '',
          FIELD_NOTES[k.id]?.[f.name] ?? '',
        ]),
      ),
      '',
    );
    L.push(`Checks on \`${shownPath(k.path)}\` (one reject line per failed check; an \`error\` rejects the row, a \`warning\` keeps it):`, '');
    L.push(table(['code', 'severity', 'field', 'message'], rulesOf(k, sets).map((r) => [code(r.code), r.severity, r.field ? code(r.field) : '', r.message])), '');
  }
  return L.join('\n');
}

function codeLists(): string {
  const L: string[] = [];
  for (const [name, list] of Object.entries(CODE_LISTS) as [string, readonly string[]][]) {
    const users = FILE_KINDS.flatMap((k) => {
      const fields = k.fields.filter((f) => f.codes === name).map((f) => f.name);
      return fields.length ? [`${code(shortPath(k))} ${fields.join(', ')}`] : [];
    });
    const meanings = CODE_MEANINGS[name];
    L.push(`### ${name}`, '');
    L.push(`Used by: ${users.length ? users.join('; ') : 'no column (read by a rule)'}.`, '');
    if (name === 'ETHNICITY') {
      L.push(table(['code', 'meaning', 'APR group'], list.map((c) => [code(c), meanings?.[c] ?? '', ETHNICITY_GROUP[c] ? code(ETHNICITY_GROUP[c]) : 'none'])), '');
    } else if (meanings) {
      L.push(table(['code', 'meaning'], list.map((c) => [code(c), meanings[c] ?? ''])), '');
    } else {
      L.push(list.map(code).join(' '), '');
    }
  }
  return L.join('\n');
}

/** A file as the indexes name it: CASEMIS tables by their file name, the others by their path. */
const shortPath = (k: FileKind): string => k.path.replace('casemis/{period}/', '');

function verificationIndex(): string {
  const sets = setRules();
  const by = new Map<string, { severity: Set<string>; where: Map<string, Set<string>> }>();
  for (const k of FILE_KINDS) {
    for (const r of rulesOf(k, sets)) {
      if (ENGINE_RULES.some((e) => e.code === r.code)) continue;
      const e = by.get(r.code) ?? { severity: new Set<string>(), where: new Map<string, Set<string>>() };
      e.severity.add(r.severity);
      const fields = e.where.get(shortPath(k)) ?? new Set<string>();
      if (r.field) fields.add(r.field);
      e.where.set(shortPath(k), fields);
      by.set(r.code, e);
    }
  }
  const rows = [...by.entries()]
    .sort(([a], [b]) => natural(a, b))
    .map(([c, e]) => [code(c), [...e.severity].sort().join(', '), [...e.where].map(([f, fields]) => `${code(f)} ${[...fields].sort(natural).join(', ')}`).join('; ')]);
  for (const r of ENGINE_RULES) rows.push([code(r.code), r.severity, `every file: ${r.message}`]);
  return table(['code', 'severity', 'file and columns'], rows);
}

// ---------------------------------------------------------------------------------------------
// docs/parameters.md

function profiles(): Profile[] {
  return readdirSync(new URL('src/profiles/', ROOT))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadProfile(f.replace(/\.json$/, '')));
}

const BIG = Number.MAX_SAFE_INTEGER;
const shown = (v: unknown): string => code(Array.isArray(v) ? v.join(',') : String(v));

/** What a value may be, from the JSON schema zod derives (no `9007199254740991` for "no limit"). */
export function allowedRange(js: Record<string, unknown>): string {
  if (Array.isArray(js.enum)) {
    const vs = (js.enum as unknown[]).map((v) => code(String(v)));
    return vs.length > 2 ? `one of ${vs.join(', ')}` : vs.join(' or ');
  }
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Math.abs(v) < BIG ? v : undefined);
  if (js.type === 'integer' || js.type === 'number') {
    const what = js.type === 'integer' ? 'whole number' : 'number';
    const lo = num(js.minimum);
    const hi = num(js.maximum);
    const xlo = num(js.exclusiveMinimum);
    const xhi = num(js.exclusiveMaximum);
    if (lo !== undefined && hi !== undefined) return `${what} ${lo} to ${hi}`;
    const bounds = [lo !== undefined ? `≥ ${lo}` : xlo !== undefined ? `> ${xlo}` : '', hi !== undefined ? `≤ ${hi}` : xhi !== undefined ? `< ${xhi}` : ''].filter(Boolean);
    return bounds.length ? `${what} ${bounds.join(', ')}` : `any ${what}`;
  }
  if (js.type === 'boolean') return '`true` or `false`';
  if (js.type === 'array') {
    const items = (js.items ?? {}) as Record<string, unknown>;
    const itemText = Array.isArray(items.enum) ? `of ${(items.enum as unknown[]).map((v) => code(String(v))).join(', ')}` : typeof items.pattern === 'string' ? `of ${patternText(items.pattern)}` : 'of codes';
    const min = typeof js.minItems === 'number' && js.minItems > 0 ? `, at least ${js.minItems}` : '';
    return `comma list ${itemText}${min}`;
  }
  return typeof js.type === 'string' ? js.type : '';
}

function groupTitle(group: string): string {
  if (group === 'load') return 'Loading and verification';
  if (group === 'suppress') return 'Public suppression';
  const ind = INDICATORS.find((i) => i.paramPrefix === group);
  if (!ind) return group;
  return /^\d/.test(ind.id) ? `Indicator ${ind.id}: ${ind.title}` : ind.title;
}

function parameterTables(): string {
  const profs = profiles();
  const catalog = paramCatalog(INDICATORS);
  const groups = [...new Set(catalog.map((p) => p.group))];
  const L: string[] = [];
  for (const g of groups) {
    L.push(`### \`${g}.*\` — ${groupTitle(g)}`, '');
    const rows = catalog
      .filter((p) => p.group === g)
      .map((p: ParamInfo) => [
        code(p.name),
        p.default === undefined ? '(unset)' : shown(p.default),
        ...profs.map((pr) => (pr.params[p.name] === undefined ? '' : shown(pr.params[p.name]))),
        allowedRange(p.jsonSchema),
        p.stage,
        p.description,
      ]);
    L.push(table(['name', 'default', ...profs.map((p) => `${code(p.id)} value`), 'allowed', 'stage', 'meaning'], rows), '');
  }
  return L.join('\n');
}

function targetTable(): string {
  const profs = profiles();
  const rows: string[][] = [];
  for (const ind of INDICATORS) {
    for (const m of ind.measures) {
      if (!m.targetOp && !m.targetParam && !profs.some((p) => p.targets[m.id] !== undefined)) continue;
      const values = profs.map((p) => {
        if (m.targetParam) {
          const v = p.params[m.targetParam] ?? paramCatalog(INDICATORS).find((x) => x.name === m.targetParam)?.default;
          return v === undefined ? '' : JSON.stringify(v);
        }
        return p.targets[m.id] === undefined ? '' : String(p.targets[m.id]);
      });
      const test = m.targetOp ? `value ${m.targetOp === '>=' ? '≥' : '≤'} target` : 'see the measure';
      rows.push([code(m.id), m.title, test, ...values, m.targetParam ? `parameter ${code(m.targetParam)}` : 'profile `targets`']);
    }
  }
  return table(['measure', 'title', 'met when', ...profs.map((p) => `${code(p.id)} target`), 'set by'], rows);
}

function profileTable(): string {
  return table(
    ['profile', 'title', 'state', 'reporting year', 'file'],
    profiles().map((p) => [code(p.id), p.title, p.state, p.year, code(`src/profiles/${p.id}.json`)]),
  );
}

// ---------------------------------------------------------------------------------------------
// docs/outputs.md

const COLUMN_TYPE: Record<ColumnDef['type'], string> = {
  VARCHAR: 'text',
  BIGINT: 'whole number',
  INTEGER: 'whole number',
  DOUBLE: 'number',
  BOOLEAN: 'true/false',
  DATE: 'date',
};

/** Where an output lands, relative to --out, without `.csv` (the key of OUTPUT_NOTES). */
function outputKey(ind: IndicatorDef, o: OutputDef): string {
  const name = outputName(ind, o);
  if (o.kind === 'table') return `tables/${name}`;
  if (o.kind === 'districts') return `districts/${name}`;
  if (o.kind === 'restricted') return `restricted/${name}`;
  return `${o.kind}/${ind.id}${o.name ? `/${o.name}` : ''}`;
}

function outputFile(ind: IndicatorDef, o: OutputDef): string {
  const name = outputName(ind, o);
  if (o.kind === 'restricted') return `restricted/<district>/${name}.csv`;
  return `${outputKey(ind, o)}.csv`;
}

const ROLE_TEXT: Record<ColumnDef['role'], string> = {
  key: 'row id',
  label: 'the row as the APR labels it',
  count: 'a count',
  total: 'a count other cells are parts of',
  percent: 'percent',
  value: 'a figure',
  flag: 'yes/no',
  text: 'text',
};

function columnMeaning(key: string, kind: OutputDef['kind'], c: ColumnDef): string {
  const note = OUTPUT_NOTES[key]?.columns?.[c.name] ?? (kind === 'districts' ? DISTRICT_NOTES[c.name] : kind === 'restricted' ? RESTRICTED_NOTES[c.name] : undefined);
  const text = note ?? ROLE_TEXT[c.role];
  if (c.role === 'percent' && c.num && c.den) return `${text} = 100 × \`${c.num}\` / \`${c.den}\``;
  if (c.role === 'total' && c.sumOf?.length) return `${text} = ${c.sumOf.map(code).join(' + ')}`;
  return text;
}

function outputSections(kind: 'table' | 'districts' | 'restricted'): string {
  const L: string[] = [];
  for (const ind of INDICATORS) {
    for (const o of ind.outputs.filter((x) => x.kind === kind)) {
      const key = outputKey(ind, o);
      const note = OUTPUT_NOTES[key];
      L.push(`### \`${outputFile(ind, o)}\``, '');
      const facts = [/^\d/.test(ind.id) ? `Indicator ${ind.id}, ${ind.title}.` : `${ind.title}.`];
      if (note?.about) facts.push(note.about);
      if (o.needs?.length) facts.push(`Written only when ${needText(o.needs)} ${o.needs.length > 1 ? 'are' : 'is'} present.`);
      if (o.skipWhenEmpty) facts.push('Not written when it has no rows.');
      L.push(facts.join(' '), '');
      L.push(table(['column', 'type', 'meaning'], outputColumns(o).map((c) => [code(c.name), COLUMN_TYPE[c.type], columnMeaning(key, o.kind, c)])), '');
    }
  }
  return L.join('\n');
}

function indicatorTable(): string {
  return table(
    ['id', 'title', 'what it computes', 'inputs', 'measures', 'triggers'],
    INDICATORS.map((i) => [
      code(i.id),
      i.title,
      i.description,
      i.inputs.length ? needText(i.inputs).replaceAll(' and ', ', ') : '',
      i.measures.map((m) => code(m.id)).join(', '),
      (i.triggers ?? []).map(code).join(', '),
    ]),
  );
}

function summaryRows(): string {
  const rows: string[][] = [];
  for (const ind of INDICATORS) {
    for (const m of ind.measures) {
      const target = m.targetOp ? `value ${m.targetOp === '>=' ? '≥' : '≤'} target` : '';
      const extra = m.needs?.length ? `also needs ${needText(m.needs)}` : '';
      rows.push([code(m.id), code(m.indicator ?? ind.id), m.title, String(m.precision), target, extra]);
    }
  }
  return table(['id', 'indicator', 'title', 'decimals in `display`', 'target met when', 'note'], rows);
}

function trendFiles(): string {
  const ids = INDICATORS.filter((i) => i.trend).map((i) => code(`tables/trend-${i.id}.csv`));
  return [
    `Written for: ${ids.join(', ')}.`,
    '',
    table(['column', 'type', 'meaning'], TREND_COLUMNS.map((c) => [code(c.name), COLUMN_TYPE[c.type], TREND_NOTES[c.name] ?? ROLE_TEXT[c.role]])),
  ].join('\n');
}

function triggerList(): string {
  const rows: string[][] = [];
  for (const ind of INDICATORS) {
    for (const t of ind.triggers ?? []) rows.push([code(t), /^\d/.test(ind.id) ? `Indicator ${ind.id}` : ind.title, TRIGGER_NOTES[t] ?? '']);
  }
  return table(['trigger', 'from', 'fires for a district when'], rows);
}

function warningSources(): string {
  const rows: string[][] = [];
  for (const ind of INDICATORS) {
    for (const o of ind.outputs.filter((x) => x.kind === 'warnings')) {
      rows.push([/^\d/.test(ind.id) ? `Indicator ${ind.id}` : ind.title, OUTPUT_NOTES[outputKey(ind, o)]?.about ?? '']);
    }
  }
  return table(['from', 'checks'], rows);
}

// ---------------------------------------------------------------------------------------------
// Stale notes: a note that names something the code no longer declares.

export function staleNotes(): string[] {
  const out: string[] = [];
  const kinds = new Map(FILE_KINDS.map((k) => [k.id, k]));
  for (const id of Object.keys(FILE_NOTES)) if (!kinds.has(id)) out.push(`FILE_NOTES: no input kind ${id}`);
  for (const k of FILE_KINDS) if (!FILE_NOTES[k.id]?.about) out.push(`FILE_NOTES: input kind ${k.id} has no "about"`);
  for (const [id, fields] of Object.entries(FIELD_NOTES)) {
    const k = kinds.get(id);
    if (!k) out.push(`FIELD_NOTES: no input kind ${id}`);
    else for (const f of Object.keys(fields)) if (!k.fields.some((x) => x.name === f)) out.push(`FIELD_NOTES: ${id} has no field ${f}`);
  }
  const lists = CODE_LISTS as Record<string, readonly string[]>;
  for (const [name, meanings] of Object.entries(CODE_MEANINGS)) {
    const list = lists[name];
    if (!list) out.push(`CODE_MEANINGS: no code list ${name}`);
    else for (const c of Object.keys(meanings)) if (!list.includes(c)) out.push(`CODE_MEANINGS: ${name} has no code ${c}`);
  }
  const outputs = new Map<string, ColumnDef[]>();
  for (const ind of INDICATORS) for (const o of ind.outputs) outputs.set(outputKey(ind, o), outputColumns(o));
  for (const key of outputs.keys()) if (!/^(summary|triggers)\//.test(key) && !OUTPUT_NOTES[key]?.about) out.push(`OUTPUT_NOTES: output ${key} has no "about"`);
  for (const [key, note] of Object.entries(OUTPUT_NOTES)) {
    const cols = outputs.get(key);
    if (!cols) out.push(`OUTPUT_NOTES: no output ${key}`);
    else for (const c of Object.keys(note.columns ?? {})) if (!cols.some((x) => x.name === c)) out.push(`OUTPUT_NOTES: ${key} has no column ${c}`);
  }
  for (const c of Object.keys(DISTRICT_NOTES)) if (!DISTRICT_COLUMNS.some((x) => x.name === c)) out.push(`DISTRICT_NOTES: no common column ${c}`);
  for (const c of Object.keys(RESTRICTED_NOTES)) if (!RESTRICTED_COLUMNS.some((x) => x.name === c) && c !== 'selpa') out.push(`RESTRICTED_NOTES: no common column ${c}`);
  const triggers = new Set(INDICATORS.flatMap((i) => i.triggers ?? []));
  for (const t of Object.keys(TRIGGER_NOTES)) if (!triggers.has(t)) out.push(`TRIGGER_NOTES: no trigger ${t}`);
  for (const t of triggers) if (!TRIGGER_NOTES[t]) out.push(`TRIGGER_NOTES: trigger ${t} has no note`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// NOTES: what the declarations cannot say. Keep each to one plain sentence an analyst can use.

/** Engine checks every file gets (src/load/load.ts). */
const ENGINE_RULES: Omit<DocRule, 'kind'>[] = [
  { code: 'E-CSV', severity: 'error', field: '', message: 'malformed CSV record (too many or too few fields, an unterminated quote) or a NUL byte: rejected at the line where the record starts' },
];

const FILE_NOTES: Record<string, { about: string; missing?: string; alsoReadBy?: string }> = {
  districts: { about: 'One row per district: name, SELPA, county, type', missing: 'the run stops (exit 3)', alsoReadBy: 'every indicator (district names, SELPAs, types)' },
  table_a: { about: 'CASEMIS Table A, student data: one row per student record of a SELPA', missing: 'the measures that need that submission are `not computed: missing <path>`' },
  table_b: { about: 'CASEMIS Table B, services: one row per service of a student', missing: 'the checks E200/E201 are skipped' },
  table_c: { about: 'CASEMIS Table C, discipline: one row per disciplinary action', missing: '4A and 4B are not computed (an absent file is not "no incidents")' },
  table_d: { about: 'CASEMIS Table D, post-secondary follow-up of the students who exited the year before', missing: 'nothing (no indicator reads it)' },
  grad_dropout: { about: 'Graduates, dropouts and enrollment of students with disabilities per district × year × grade' },
  assessment: { about: 'Statewide assessment results of students with disabilities per district × year × subject' },
  cbeds: { about: 'General enrollment (ages 6-22) per district × group' },
  breaks: { about: 'School breaks that extend the Indicator 11 due date', alsoReadBy: 'indicator 11 (due-date extensions)', missing: 'Indicator 11 uses plain calendar days, with no extension' },
  partc_referrals: { about: 'One row per child referred by Part C to Part B (names and birthdate only to link the child to Table A)' },
  parent_survey: { about: 'One row per returned parent survey' },
  survey_distribution: { about: 'Surveys mailed per district', alsoReadBy: '`tables/table-8a.csv` (surveys mailed)', missing: 'the "mailed" cells of Table 8a are empty' },
  ppp_reviews: { about: 'Reviews of policies, procedures and practices (4A, 4B, 9, 10)', missing: 'the potential lists are computed; final 4B, 9 and 10 are `not computed`' },
  findings: { about: 'One row per finding of noncompliance and its correction' },
  cycle: { about: 'The monitoring cycle: which districts are reviewed in which year', missing: 'the trigger `cyclical` is not evaluated' },
  table7: { about: 'Table 7 counts of the reporting year by row id (instead of, or beside, the three case logs)', missing: 'Table 7 is derived from the case logs' },
  complaints: { about: 'Written, signed complaints (Table 7 section A)' },
  mediations: { about: 'Mediation requests (Table 7 section B)' },
  hearings: { about: 'Due process complaints (Table 7 sections C and D)' },
  apr_rubric: { about: 'Indicator 20 scoring rubric, one row per APR indicator', missing: 'Indicator 20 is not computed (it needs both submission files)' },
  tables_618: { about: 'Timeliness and accuracy of the seven 618 tables', missing: 'Indicator 20 is not computed (it needs both submission files)' },
  selpa_submissions: { about: 'December and June submissions of each SELPA: due, submitted, passed verification', alsoReadBy: 'the December unduplication tie-break', missing: 'measure 20B is not computed; the unduplication tie-break skips the on-time step' },
};

const FIELD_NOTES: Record<string, Record<string, string>> = {
  districts: {
    district: '7-digit county-district code, the code DIST_RESI uses',
    name: 'district name printed in every output',
    selpa: 'SELPA the district belongs to',
    county: '2-digit county code',
    type: 'district type; picks the AMO of Table 3c',
    charter: 'charter district',
  },
  table_a: {
    REPT_DATE: '`YYYY-12-01` in a December folder, `YYYY-06-30` in a June folder',
    SELPA_CODE: 'SELPA that submits the record; with STUDENT_ID the record key',
    DIST_SERV: 'district serving the student',
    DIST_RESI: 'district of residence: the district of every indicator',
    SCH_CODE: 'school of attendance (code, or the first 7 letters of its name)',
    STUDENT_ID: 'local student id, unique in the SELPA and period; the only student identifier outputs may show',
    SSID: 'statewide student identifier: never shown',
    SSN: 'social security number: never shown; unique in the file (E107)',
    LAST_NAME: 'with FIRST_NAME, BIRTHDATE and GENDER, used only to unduplicate and to link Part C referrals',
    FIRST_NAME: 'see LAST_NAME',
    BIRTHDATE: 'ages of every indicator',
    ETHNICITY1: 'gives the APR group (4B, 8b, 9, 10)',
    GRADE: 'age/grade plausibility checks',
    DISABILITY1: 'primary disability (8b, 10)',
    DISABILITY2: 'secondary disability; not equal to DISABILITY1 (E192)',
    PLAN_TYPE: '10, 20, 30 = served; 11 and 12 also read 70, 80, 90',
    ENTRY_DATE: 'first entry to special education',
    REFR_DATE: 'referral for initial assessment',
    REFR_BY: 'who referred; required with REFR_DATE (E186)',
    PRNT_CSNT: 'parent consent to the initial assessment (11)',
    INIT_EVAL: 'initial evaluation completed / eligibility IEP held (11, 12)',
    EVLDLAY: 'why the initial evaluation took longer than 60 days (11)',
    TBDDLAY: 'why the IEP came after the third birthday (12)',
    LAST_IEP: 'last IEP meeting (annual IEP trigger)',
    LAST_EVAL: 'last (re)evaluation (triennial trigger)',
    FEDSET_PRS: 'federal setting, ages 3-5 (6)',
    FEDSET_SCH: 'federal setting, ages 6-22 (5)',
    IN_REGCLS: 'percent of the school day inside the regular class (5)',
    TRAN_GOAL1: 'postsecondary goal area (13)',
    SPEC_TRANS: 'the IEP includes transition services (13)',
    EXIT_DATE: 'date the student left special education',
    EXIT_RESON: 'why the student left; required with EXIT_DATE (E153)',
  },
  table_b: { SERVICE: 'service code', PROVIDER: 'provider code', LOCATION: 'location code', DURATION: 'minutes per session' },
  table_c: {
    DIST_RESI: 'if given, the Table A record\'s district is used anyway',
    DSPL_DATE: 'date of the action, inside the school year',
    DSPL_DAYS: 'days removed; blank allowed only for an expulsion',
  },
  grad_dropout: {
    year: 'Indicator 1 needs the data year and the three years before it',
    dropouts: 'reported or adjusted dropouts',
    graduates: 'regular diploma, on grade 12 rows only',
    subgroup: 'default `SWD`; rows of other subgroups are ignored',
  },
  assessment: {
    swd_enrolled: 'AYP subgroup n (the 3A minimum n)',
    enrolled_window: 'enrolled in the testing window (3B denominator)',
    participants: 'tested (3B numerator), ≤ enrolled_window',
    enrolled_fay: 'enrolled the full academic year (3C denominator)',
    proficient_fay: 'of those, proficient or advanced (3C numerator), ≤ enrolled_fay',
    met_participation: 'AYP participation target met by the subgroup in this subject (Table 3a)',
    met_proficiency: 'AYP proficiency target met by the subgroup in this subject (Table 3a)',
    met_all_ayp: 'every AYP target met; the same on both subject rows (3A)',
    regular: 'participants by test condition (Table 3b)',
  },
  cbeds: { year: 'the data year', group: '`FI` and `PI` are added to `AS`; `MR` and `NR` belong to no group' },
  breaks: { district: '`*` = every district', end_date: 'inclusive, not before start_date', school_days: 'school days the break spans; blank = its weekdays' },
  partc_referrals: {
    referral_id: 'unique id of the referral',
    REFR_DATE: 'date the LEA was notified',
    PARTC_ENTRY: 'date the child was referred to Part C',
    DIST_RESI: 'else taken from the linked Table A record',
  },
  parent_survey: { q5: '`Y` or `N`; anything else is "no answer"', ethnicity: 'an APR group or an ethnicity code' },
  ppp_reviews: { noncompliant: 'a district is noncompliant for the indicator when any of its rows says Y', item_no: 'compliance-test item (Table 4a)', findings: 'findings of the item (Table 4a)' },
  findings: { district: 'district or agency', cluster: 'row of Table 15b', corrected_date: 'date correction was verified; blank = not yet' },
  table7: { row: 'a Table 7 row id; an unknown id is W-T7 and ignored' },
  complaints: { due_date: 'default: filed_date + 60 days' },
  mediations: { held: 'blank = pending' },
  hearings: { outcome: '`resolved` = withdrawn, dismissed or settled without a hearing', placement_change: 'expedited hearings only' },
  apr_rubric: { correct_calculation: 'blank for indicators 1 and 2', due_date: 'used on the `APR` row only', submitted_date: 'used on the `APR` row only: on time = submitted ≤ due' },
  tables_618: { timely: 'blank = derived from the dates' },
  selpa_submissions: { period: 'the December or June submission of the reporting year' },
};

const EXIT_REASON: Record<string, string> = {
  '70': 'no longer needs services (returned to general education)',
  '71': 'graduated with a regular diploma',
  '72': 'certificate of completion or other non-diploma credential',
  '73': 'reached maximum age',
  '74': 'moved, known to be continuing',
  '75': 'moved, not known to be continuing',
  '76': 'transferred to another program',
  '77': 'deceased',
  '78': 'dropped out',
  '79': 'parent withdrew the student',
  '81': 'GED',
  '82': 'valid through 2007-12-31 only (W927)',
};
const ETHNICITY: Record<string, string> = {
  '100': 'American Indian or Alaska Native',
  '201': 'Chinese',
  '202': 'Japanese',
  '203': 'Korean',
  '204': 'Vietnamese',
  '205': 'Asian Indian',
  '206': 'Laotian',
  '207': 'Cambodian',
  '208': 'Hmong',
  '299': 'other Asian',
  '301': 'Hawaiian',
  '302': 'Guamanian',
  '303': 'Samoan',
  '304': 'Tahitian',
  '399': 'other Pacific Islander',
  '400': 'Filipino',
  '500': 'Hispanic or Latino',
  '600': 'African American or Black',
  '700': 'White',
  '800': 'two or more races',
  '999': 'declined to state / unknown',
};
const APR_GROUP: Record<string, string> = {
  AI: 'American Indian or Alaska Native',
  AS: 'Asian/Pacific Islander (Filipino included)',
  HI: 'Hispanic or Latino',
  AA: 'African American or Black',
  WH: 'White',
};
const REVIEW: Record<string, string> = { VR: 'verification review', SESR: 'special education self-review', NPS: 'nonpublic school review' };
const SCORE = { '1': 'yes / met', '0': 'no / not met', NA: 'not applicable' };

const CODE_MEANINGS: Record<string, Record<string, string>> = {
  GENDER: { M: 'male', F: 'female' },
  ETHNICITY,
  GRADE: {
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1).padStart(2, '0'), `grade ${i + 1}`])),
    '13': '12+ / transition',
    '14': 'adult / other',
    '15': 'ungraded',
    '16': 'infant',
    '17': 'preschool',
    '18': 'kindergarten',
  },
  PLAN_TYPE: {
    '10': 'IEP (served)',
    '20': 'IFSP (served)',
    '30': 'ISP: parentally placed private-school student with a service plan (served)',
    '70': 'eligible, parent declined services',
    '80': 'eligible, parentally placed, no ISP',
    '90': 'evaluated, not eligible',
  },
  DISABILITY: {
    '210': 'mental retardation (MR)',
    '220': 'hard of hearing (HH)',
    '230': 'deaf (DEAF)',
    '240': 'speech or language impairment (SLI)',
    '250': 'visual impairment (VI)',
    '260': 'emotional disturbance (ED)',
    '270': 'orthopedic impairment (OI)',
    '280': 'other health impairment (OHI)',
    '281': 'established medical disability (EMD, ages 3-4)',
    '290': 'specific learning disability (SLD)',
    '300': 'deaf-blindness (DB)',
    '310': 'multiple disabilities (MD)',
    '320': 'autism (AUT)',
    '330': 'traumatic brain injury (TBI)',
  },
  FEDSET_SCH: {
    '100': 'regular school (with IN_REGCLS: ≥ 80 → 5A, 40-79, < 40 → 5B)',
    '200': 'separate school, public or nonpublic day school (5C)',
    '300': 'residential facility, public or private (5C)',
    '400': 'homebound or hospital (5C)',
    '500': 'correctional facility',
    '600': 'parentally placed in private school',
  },
  FEDSET_PRS: {
    '100': 'early childhood setting',
    '200': 'early childhood special education setting',
    '300': 'home',
    '400': 'part-time early childhood / part-time early childhood special education',
    '500': 'residential facility',
    '600': 'separate school',
    '700': 'itinerant service outside the home',
    '800': 'reverse mainstream setting',
  },
  EVLDLAY: {
    '10': 'parent repeatedly failed or refused to produce the child (excluded by default)',
    '20': 'child enrolled in another public agency before eligibility was determined (excluded by default)',
    '30': 'parent agreed in writing to an extension (counts as in time by default)',
    '40': 'school break of more than five school days (counts as in time by default)',
    '50': 'lack of assessment staff',
    '60': 'scheduling or tracking error',
    '70': 'student illness or missed appointments',
    '90': 'other',
  },
  TBDDLAY: {
    '10': 'parent refusal to provide consent delayed evaluation or initial services (d of Indicator 12)',
    '20': 'Part C referral less than 90 days before the third birthday',
    '30': 'third birthday during a school break; IEP team set the start date',
    '40': 'staff or scheduling delay',
    '50': 'child illness or missed appointments',
    '90': 'other',
  },
  EXIT_RESON: EXIT_REASON,
  // Table D's list is a subset: the meanings of the codes it keeps
  EXIT_RESON_D: Object.fromEntries(CODE_LISTS.EXIT_RESON_D.map((c) => [c, EXIT_REASON[c] ?? ''])),
  TRAN_GOAL: { '10': 'postsecondary education', '20': 'vocational or technical training', '30': 'employment', '40': 'independent living', '90': 'other' },
  GRAD_PLAN: { '10': 'regular diploma', '20': 'certificate of completion', '30': 'undecided' },
  PST_SECPRG: { '10': '2- or 4-year college', '20': 'other postsecondary education or training', '30': 'none', '90': 'unknown' },
  PST_SECEMP: { '10': 'competitive employment', '20': 'other employment', '30': 'not employed', '90': 'unknown' },
  FREQUENCY: { '1': 'daily', '2': 'weekly', '3': 'monthly', '4': 'yearly', '5': 'once' },
  DSPL_TYPE: {
    '10': 'suspension, in-school',
    '20': 'suspension, out-of-school',
    '30': 'expulsion',
    '40': 'removal to an interim alternative setting by school personnel (drugs, weapons, serious bodily injury)',
    '50': 'removal to an interim alternative setting by a hearing officer',
  },
  DSPL_BY: { '10': 'school personnel', '20': 'hearing officer' },
  REASON: { '10': 'drugs', '20': 'weapons', '30': 'serious bodily injury', '40': 'violence or threat without injury', '50': 'defiance / disruption', '90': 'other' },
  DSPL_STAT: { '10': 'services provided during the removal', '20': 'services not provided' },
  APR_GROUP,
  DISTRICT_TYPE: { coe: 'county office of education' },
  GD_GRADE: { '09': 'grade 9', '10': 'grade 10', '11': 'grade 11', '12': 'grade 12', UG: 'ungraded' },
  SUBJECT: { ELA: 'English language arts', MATH: 'mathematics' },
  CBEDS_GROUP: { ...APR_GROUP, FI: 'Filipino (added to AS)', PI: 'Pacific Islander (added to AS)', MR: 'two or more races (no group)', NR: 'not reported (no group)' },
  SURVEY_ETHNICITY: { ...APR_GROUP, ...ETHNICITY },
  FINDING_SOURCE: { ...REVIEW, data: 'data review', complaint: 'complaint investigation', hearing: 'due process hearing', other: 'other' },
  REVIEW_TYPE: REVIEW,
  SCORE,
  SUBMISSION_PERIOD: { dec: 'December 1 count', jun: 'June 30 report' },
};

/** The common columns of every districts/<id>.csv, unless the file's own note says otherwise. */
const DISTRICT_NOTES: Record<string, string> = {
  district: '7-digit county-district code (sorted on it)',
  district_name: 'from `reference/districts.csv`; empty for a district it does not list',
  selpa: 'SELPA of the district, from `reference/districts.csv`',
  numerator: 'the count the value is taken of',
  denominator: 'the count the value is taken over',
  value: 'the district\'s figure for the indicator',
  evaluated: '`true` when the district is measured (it meets the minimum n or has data); a district not evaluated is never flagged',
  flagged: '`true` when the evaluated district fails the indicator\'s test against `threshold`',
  threshold: 'the cut point `value` is compared with',
};

const RESTRICTED_NOTES: Record<string, string> = {
  district: 'district of residence (the folder the file is in)',
  student_id: 'the local STUDENT_ID, the only student identifier in any output',
  selpa: 'SELPA_CODE of the record (STUDENT_ID is unique within it)',
};

const TREND_NOTES: Record<string, string> = {
  year: 'data year `YYYY-YY`',
  id: 'summary measure id',
  numerator: 'as in `summary.csv` for that year',
  denominator: 'as in `summary.csv` for that year',
  value: 'as in `summary.csv` for that year',
};

const TRIGGER_NOTES: Record<string, string> = {
  sd: 'profile `idea-2016`: a (group, category) pair of the LEA is identified, i.e. its ratio exceeded the threshold in `sd.consecutive_years` consecutive years ending at Y without reasonable progress (the row carries the largest identified ratio; the sentence lists every pair and its years)',
  '4A': 'it is discrepant: evaluated (N ≥ `ind4.min_n`) and its suspension/expulsion rate is above the bar of `ind4.bar_method`',
  '4B': 'an ethnic group with at least `ind4b.min_n` students has a rate above the 4A bar (the row names the group with the highest rate)',
  '9': 'it is potentially disproportionate: the disparity index is above `ind9.disparity_benchmark` and the E-formula finds a group over or under',
  '10': 'as 9, for a (group, disability) pair of `ind10.disabilities`',
  '11': 'its percent of evaluations within the timeline is below `sesr.timeline_min` with at least one late or missing evaluation',
  '12': 'its Part C to Part B percent is below `sesr.timeline_min` with at least one late or missing case',
  '13': 'its percent of students 16+ with transition goals and services is below `sesr.transition_min`',
  annual_iep: 'its share of served December records with an overdue annual IEP is above `sesr.overdue_iep_max`',
  triennial: 'its share of served December records with an overdue triennial evaluation is above `sesr.overdue_eval_max`',
  cyclical: '`monitoring/cycle.csv` assigns it to the reporting year',
};

/** Per output (key: its path without `.csv`, `restricted/<name>`, `warnings/<indicator>`): one sentence and column notes. */
const OUTPUT_NOTES: Record<string, { about: string; columns?: Record<string, string> }> = {
  'districts/1': {
    about: 'Graduation rate per district; flagged when it misses the target by every route (rate, one-year gain, two-year gain).',
    columns: {
      numerator: 'grade 12 graduates of the data year',
      denominator: 'graduates + dropouts of the cohort (grade 9 three years before, 10 two years before, 11 the year before, 12 this year)',
      value: 'graduation rate, percent',
      evaluated: '`true` when every year the rate needs is present',
      flagged: '`true` when the rate is below `threshold`, it gained less than 0.1 over the year before, and its two-year mean gained less than 0.2',
      threshold: '`ind1.min_rate`',
      rate_prev_year: 'the rate of the year before (the improvement test)',
      rate_two_years_before: 'the rate two years before (the two-year mean test)',
      missing_years: 'the year and grade rows missing for the rate, when any',
      target_basis: 'how the district met or missed the target: `rate ≥ 83.0`, `improvement ≥ 0.1 over <year>`, `two-year mean improvement ≥ 0.2`, or, when missed, each route and why it failed',
    },
  },
  'districts/2': {
    about: 'One-year dropout rate and four-year derived dropout rate per district.',
    columns: {
      numerator: 'dropouts, grades 9-12 and ungraded',
      denominator: 'enrollment, grades 9-12 and ungraded',
      value: 'one-year dropout rate, percent',
      evaluated: '`true` when enrollment is above 0',
      flagged: '`true` when `four_year_rate` is above `threshold`',
      threshold: 'the profile\'s target for `2.four_year` (`ind2.max_rate`)',
      four_year_rate: '100 × (1 − product over grades 9-12 of (1 − dropouts / enrollment)); empty when a grade is missing',
    },
  },
  'tables/table-2a': {
    about: 'Statewide dropouts per grade and the four-year derived rate (rows `09`-`12`, `UG`, `product`, `4-year rate`).',
    columns: {
      grade: 'grade, or `product` / `4-year rate`',
      enrollment: 'enrollment of the grade',
      dropouts: 'dropouts of the grade',
      rate: 'dropouts / enrollment, a fraction',
      one_minus_rate: '1 − rate (grades 9-12); on the `product` row, the product of the four',
      four_year_rate: 'on the `4-year rate` row: 100 × (1 − product)',
    },
  },
  'districts/3': {
    about: 'Per district: the all-AYP determination (3A), the Table 3a component flags, and per subject participation (3B) and proficiency (3C) with the AMO of its type.',
    columns: {
      numerator: '1 when the district met every AYP objective, else 0',
      denominator: '1 when the district was determined for all AYP (n ≥ `ind3.min_n`), else 0',
      value: '100 or 0; empty when not determined',
      evaluated: '`true` when determined for all AYP',
      flagged: '`true` when determined and not met',
      threshold: 'empty (3A has no district cut point)',
      district_type: 'type from `reference/districts.csv` (picks the AMO)',
      ela_swd_enrolled: 'AYP subgroup n, ELA',
      math_swd_enrolled: 'AYP subgroup n, Math',
      met_participation_ela: 'participation objective met, ELA; empty when not determined',
      met_participation_math: 'participation objective met, Math; empty when not determined',
      met_participation_both: 'participation objectives met in both subjects; empty when not determined',
      met_proficiency_ela: 'proficiency objective met, ELA; empty when not determined',
      met_proficiency_math: 'proficiency objective met, Math; empty when not determined',
      met_proficiency_both: 'proficiency objectives met in both subjects; empty when not determined',
      ela_participants: 'students with IEPs tested, ELA',
      ela_enrolled_window: 'enrolled in the testing window, ELA',
      ela_participation_rate: 'participation rate, ELA',
      math_participants: 'students with IEPs tested, Math',
      math_enrolled_window: 'enrolled in the testing window, Math',
      math_participation_rate: 'participation rate, Math',
      ela_proficient_fay: 'proficient or advanced, enrolled the full year, ELA',
      ela_enrolled_fay: 'enrolled the full academic year, ELA',
      ela_proficiency_rate: 'proficiency rate, ELA',
      ela_amo: 'the ELA AMO of the district type',
      math_proficient_fay: 'proficient or advanced, enrolled the full year, Math',
      math_enrolled_fay: 'enrolled the full academic year, Math',
      math_proficiency_rate: 'proficiency rate, Math',
      math_amo: 'the Math AMO of the district type',
    },
  },
  'tables/table-3a': {
    about: 'Districts meeting each AYP objective of the disability subgroup over the districts measured; the `all_ayp` row is 3A.',
    columns: { component: 'AYP objective (`all_ayp`, `participation_ela`, …)', area: '`Participation`, `Proficiency` or `Overall`', subject: '`ELA`, `Math`, `Both` or `All AYP`', measured: 'districts determined for the objective', met: 'districts that met it' },
  },
  'tables/table-3b': {
    about: 'Participation of students with IEPs by test condition; condition rows are shares of the participants, `total` and `not_tested` shares of the students enrolled in the testing window (the `total` row is 3B).',
    columns: {
      condition: 'test condition (`regular`, `regular_accom`, `modified`, `alternate`, `not_reported`), then `total`, `not_tested`, `enrolled`',
      ela_count: 'students, ELA',
      ela_denominator: 'participants (condition rows) or enrolled in the window (`total`, `not_tested`), ELA',
      math_count: 'students, Math',
      math_denominator: 'as `ela_denominator`, Math',
    },
  },
  'tables/table-3c': {
    about: 'Students with IEPs enrolled the full academic year who scored proficient or advanced, by district type, against that type\'s AMO; the `total` row is 3C.',
    columns: {
      district_type: 'district type, or `total`; `unknown` for districts missing from `reference/districts.csv`',
      ela_proficient: 'proficient or advanced, ELA',
      ela_enrolled_fay: 'enrolled the full academic year, ELA',
      ela_amo: 'AMO of the type, ELA',
      ela_met: 'percent ≥ AMO, ELA',
      math_proficient: 'proficient or advanced, Math',
      math_enrolled_fay: 'enrolled the full academic year, Math',
      math_amo: 'AMO of the type, Math',
      math_met: 'percent ≥ AMO, Math',
    },
  },
  'warnings/3': { about: 'assessment rows whose test-condition counts exceed their participants, and other consistency checks of the data year\'s rows (district codes only)' },
  'districts/4A': {
    about: 'Students with disabilities suspended or expelled more than `ind4.days` days, per district.',
    columns: {
      numerator: 'students whose counted removals sum to more than `ind4.days` days (or with an expulsion of blank days)',
      denominator: 'served June students of the district (N)',
      value: 'rate, percent',
      evaluated: '`true` when N ≥ `ind4.min_n`',
      flagged: '`true` when evaluated and the rate is above the bar (discrepant)',
      threshold: 'the bar of `ind4.bar_method`',
      state_rate: 'statewide rate, percent',
      ratio_to_state: 'district rate / statewide rate',
      bar_method: '`ind4.bar_method`',
    },
  },
  'tables/table-4a': {
    about: 'Noncompliance findings per compliance-test item of the 4A reviews, most findings first.',
    columns: { item_no: 'compliance-test item', findings: 'findings of the item', districts_with_findings: 'districts with at least one finding of the item', districts_reviewed: 'districts reviewed on the item' },
  },
  'restricted/4A': {
    about: 'The students counted in 4A\'s numerator.',
    columns: {
      days_total: 'days of the counted removals in the data year',
      actions: 'counted removals',
      expulsion: 'an expulsion is among them',
      expulsion_days_blank: 'an expulsion with blank DSPL_DAYS (counted as more than the days cut)',
      first_action: 'date of the first counted removal',
      last_action: 'date of the last counted removal',
    },
  },
  'districts/4B': {
    about: 'One row per district × APR group: 4A\'s rate for the group, against 4A\'s bar.',
    columns: {
      numerator: 'students of the group over the days cut',
      denominator: 'served June students of the group',
      value: 'the group\'s rate, percent',
      evaluated: '`true` when the group has at least `ind4b.min_n` students',
      flagged: '`true` when evaluated and the group\'s rate is above the bar',
      threshold: 'the bar of `ind4.bar_method`',
      group: 'APR group (`AI`, `AS`, `HI`, `AA`, `WH`)',
      group_name: 'the group\'s name',
      potential: '`true` on every row of a district where any group is flagged',
      review_noncompliant: 'the district\'s 4B policy review found noncompliance',
    },
  },
  'districts/5': {
    about: 'Served December students aged `ind5.min_age`-`ind5.max_age` per district, by setting (5A, 5B, 5C).',
    columns: {
      numerator: 'students inside the regular class 80% or more of the day (5A)',
      denominator: 'served December students in the age range',
      value: '5A percent',
      evaluated: '`true` when the district has students in the age range',
      flagged: '`true` when any of `flagged_5a`, `flagged_5b`, `flagged_5c` is',
      threshold: 'the profile\'s 5A target',
      flagged_5a: '`true` when 5A (`value`) is below `threshold`',
      flagged_5b: '`true` when `pct_5b` is above `threshold_5b`',
      flagged_5c: '`true` when `pct_5c` is above `threshold_5c`',
      n_5b: 'students inside the regular class less than 40% of the day (5B)',
      pct_5b: '5B percent',
      threshold_5b: 'the profile\'s 5B target',
      n_5c: 'students in separate schools, residential facilities, homebound or hospital (5C)',
      pct_5c: '5C percent',
      threshold_5c: 'the profile\'s 5C target',
    },
  },
  'tables/table-5a': {
    about: 'Served December students in the 5 age range by setting category (`5A`, `40-79`, `5B`, `5C`, `other`, `unknown`, `total`).',
    columns: { category: 'setting category', count: 'students', denominator: 'all served students in the age range' },
  },
  'tables/table-6': {
    about: 'Preschool settings: served December students aged `ind6.min_age`-`ind6.max_age` by FEDSET_PRS.',
    columns: { setting: 'FEDSET_PRS code, or `total`', count: 'students', denominator: 'all served students in the age range' },
  },
  'tables/table-8a': {
    about: 'Parent survey responses statewide; mailed and percent returned are empty without `survey/distribution.csv`.',
    columns: { item: 'row (`mailed`, `returned`, `pct_returned`, `answered_q5`, `yes_q5`, `no_q5`, `pct_yes`)', count: 'surveys (count rows)', numerator: 'on percent rows', denominator: 'on percent rows' },
  },
  'tables/table-8b': {
    about: 'Who returned a survey against the State (December count): a row is flagged when the shares differ by more than `ind8.rep_band` points.',
    columns: {
      section: '`disability` or `ethnicity`',
      category: 'disability code or APR group',
      sample_n: 'returned surveys with the attribute',
      sample_total: 'returned surveys of the section',
      state_n: 'students in the State with the attribute',
      state_total: 'students in the State (with an ethnic group)',
      difference: 'State % − sample % (negative = over-represented in the sample)',
      flagged: '|difference| > `ind8.rep_band`',
      sample_of_state_pct: 'sample as a percent of the State',
    },
  },
  'districts/9': {
    about: 'Disproportionate representation per district: the disparity index test and the E-formula.',
    columns: {
      numerator: 'special education students aged `ind9.min_age`-`ind9.max_age` in the five groups (N)',
      denominator: 'general enrollment in the five groups',
      value: 'the disparity index, points',
      evaluated: '`true` when the district\'s special education count is above `ind9.min_se`',
      flagged: '`true` when potentially disproportionate (the DI test fails and a group is over or under)',
      threshold: '`ind9.disparity_benchmark`',
      disparity_index: 'highest − lowest group risk, points',
      di_benchmark: '`ind9.disparity_benchmark`',
      di_fails: 'the disparity index is above the benchmark',
      over_groups: 'groups the E-formula finds over-represented',
      under_groups: 'groups the E-formula finds under-represented',
    },
  },
  'tables/table-9a': {
    about: 'Statewide general enrollment and special education per group, the risk and the disparity index.',
    columns: {
      group: 'APR group, or `total`',
      general_enrollment: 'general enrollment',
      special_education: 'served December students of every age',
      risk: '100 × special education / general enrollment',
      di_position: '`highest` or `lowest` risk',
      disparity_index: 'highest − lowest risk (on the total row)',
    },
  },
  'tables/table-9b': {
    about: 'Statewide E-formula per group: A = share of general enrollment, P = share of special education, bounds A ± k × √(A(100 − A)/N).',
    columns: {
      general_enrollment: 'general enrollment of the group',
      general_enrollment_total: 'general enrollment, five groups',
      ge_percent: 'A',
      special_education: 'special education of the group',
      special_education_total: 'N',
      se_percent: 'P',
      k: '`ind9.k`',
      e_min: 'lower bound',
      e_max: 'upper bound',
      over_represented: 'P > upper bound',
      under_represented: 'P < lower bound',
    },
  },
  'districts/10': {
    about: 'One row per district × disability of `ind10.disabilities`: 9\'s disparity index test with this disability\'s (group, disability) pairs.',
    columns: {
      numerator: 'special education students with this disability, five groups',
      denominator: 'general enrollment, five groups',
      value: 'the disparity index (9\'s), points',
      evaluated: 'as in 9',
      flagged: '`true` when evaluated, the DI test fails and a pair of this disability is over or under',
      threshold: '`ind9.disparity_benchmark`',
      disparity_index: 'as in 9',
      di_benchmark: '`ind9.disparity_benchmark`',
      di_fails: 'as in 9',
      over_groups: 'groups over-represented in this disability',
      under_groups: 'groups under-represented in this disability',
      disability: 'DISABILITY1 code',
    },
  },
  'tables/table-10a': { about: 'The statewide disparity index, as Table 9a.', columns: { group: 'APR group, or `total`', general_enrollment: 'general enrollment', special_education: 'special education', risk: '100 × special education / general enrollment', di_position: '`highest` or `lowest` risk', disparity_index: 'highest − lowest risk' } },
  'tables/table-10b': {
    about: 'Statewide E-formula per disability × group: P = the group\'s share of the disability, A = its share of the base (`ind10.a_base`).',
    columns: {
      disability_label: 'disability name',
      label: 'group name',
      special_education: 'students of the group with the disability',
      disability_total: 'students with the disability, five groups (N)',
      se_percent: 'P',
      base_count: 'the group in the base',
      base_total: 'the base, five groups',
      base_percent: 'A',
      a_base: '`ind10.a_base`',
      k: '`ind10.k`',
      e_min: 'lower bound',
      e_max: 'upper bound',
      over_represented: 'P > upper bound',
      under_represented: 'P < lower bound',
    },
  },
  'districts/11': {
    about: 'Initial evaluations within the timeline per district; flagged as trigger 11.',
    columns: {
      numerator: 'b: evaluated within the timeline (on time, or late with a state-timeline EVLDLAY code)',
      denominator: 'a: consents received less the excluded',
      value: 'b / a, percent',
      evaluated: '`true` when a > 0',
      flagged: '`true` when the percent is below `threshold` with at least one late or missing evaluation',
      threshold: '`sesr.timeline_min`',
      consents: 'parent consents of the data year',
      excluded: 'consents with an EVLDLAY code of `ind11.exclude_codes`',
      on_time: 'evaluated by the due date',
      state_timeline: 'late, with an EVLDLAY code of `ind11.state_timeline_codes`',
      late: 'evaluated after the due date otherwise',
      not_evaluated: 'no evaluation by the June report, due date passed',
    },
  },
  'tables/table-11a': { about: 'a (consents received less the excluded), b (evaluated within the timeline) and b / a, then the rows that break them down.', columns: { item: 'row id', count: 'consents (count rows)', numerator: 'b on the percent row', denominator: 'a on the percent row' } },
  'tables/table-11b': {
    about: 'Late evaluations by days beyond the due date (percent of all late), then consents not evaluated and the late ones by EVLDLAY reason.',
    columns: { section: '`days_beyond`, `not_evaluated` or `reason`', category: 'days range, or EVLDLAY code (`blank` when none was given)', count: 'consents', denominator: 'all late evaluations (on the `days_beyond` rows only)' },
  },
  'restricted/11': {
    about: 'Consents evaluated late or not evaluated by the June report.',
    columns: {
      prnt_csnt: 'parent consent date',
      due_date: 'due date after school-break extensions',
      init_eval: 'evaluation date (empty when not evaluated)',
      days_late: 'days after the due date (to the June report date when not evaluated)',
      evldlay: 'EVLDLAY code given',
      status: '`late` or `not evaluated`',
    },
  },
  'districts/12': {
    about: 'Part C to Part B transition per district (the referral\'s DIST_RESI, else the linked record\'s); flagged as trigger 12.',
    columns: {
      numerator: 'c: IEP developed by the third birthday',
      denominator: 'a − b − d (− e when `ind12.exclude_late_referrals`)',
      value: 'c / denominator, percent',
      evaluated: '`true` when the denominator is above 0',
      flagged: '`true` when the percent is below `threshold` with at least one late or missing case',
      threshold: '`sesr.timeline_min`',
      a: 'children referred by Part C with a third birthday in the data year',
      b: 'found not eligible before the third birthday',
      d: 'parent refusal delayed the evaluation or services (`ind12.refusal_codes`)',
      e: 'referred to Part C late (only when `ind12.exclude_late_referrals`)',
      late: 'linked children counted against the percent',
      unlinked: 'referrals with no matching June Table A record (counted against the percent)',
    },
  },
  'tables/table-12a': { about: 'The measurement items a-e and the percent c / (a − b − d [− e]).', columns: { item: 'row id (`a` … `e`, `percent`)', count: 'children (count rows)', numerator: 'c on the percent row', denominator: 'a − b − d [− e] on the percent row' } },
  'tables/table-12b': {
    about: 'Children in a and in none of b-e: eligible children by days after the third birthday, then the other linked and the unlinked referrals; percent of a.',
    columns: { row: 'days range or category', days_min: 'first day of the range', days_max: 'last day of the range (empty: no limit)', count: 'children', denominator: 'a' },
  },
  'restricted/12': {
    about: 'Linked children counted against the Indicator 12 percent (no birthdate and no exact day count: the delay is given as a range).',
    columns: {
      referral_id: 'the referral of `partc/referrals.csv`',
      plan_type: 'PLAN_TYPE of the June record',
      status: '`iep_late`, `not_eligible_late` or `no_iep`',
      days_after_range: 'days after the third birthday, as a Table 12b range',
      tbddlay: 'TBDDLAY code given',
    },
  },
  'districts/13': {
    about: 'Served June students aged `ind13.min_age`+ with transition goals and services, per district; flagged as trigger 13.',
    columns: {
      numerator: 'students with TRAN_GOAL1 and SPEC_TRANS = Y',
      denominator: 'served June students aged `ind13.min_age` or more',
      value: 'percent',
      evaluated: '`true` when the denominator is above 0',
      flagged: '`true` when the percent is below `threshold`',
      threshold: '`sesr.transition_min`',
      lacking: 'denominator − numerator',
    },
  },
  'restricted/13': { about: 'Served June records aged `ind13.min_age`+ without TRAN_GOAL1 or without SPEC_TRANS = Y.', columns: { has_goal: 'TRAN_GOAL1 given', spec_trans: 'SPEC_TRANS as given' } },
  'tables/table-15a': { about: 'a (findings notified in the findings year), b (corrected within `ind15.correction_days`), b / a, then a − b split into corrected later and not yet corrected.', columns: { item: 'row id', count: 'findings (count rows)', numerator: 'b on the percent row', denominator: 'a on the percent row' } },
  'tables/table-15b': {
    about: 'Every cluster of indicators × general supervision component, then totals per component and overall (cluster `total`).',
    columns: {
      cluster: 'cluster of indicators, or `total`',
      component: '`monitoring`, `dispute` or `total`',
      component_label: 'component name',
      districts: 'LEAs issued findings (distinct on total rows, not a sum)',
      findings: 'findings (a)',
      corrected: 'corrected within one year (b)',
      percent: 'b / a',
    },
  },
  'tables/table-7': {
    about: 'Every row of Table 7 (dispute resolution) in order, with its count and where the count came from.',
    columns: { row: 'Table 7 row id (`1`, `1.1`, `1.1a`, …)', section: 'section A (written, signed complaints), B (mediation requests), C (due process complaints) or D (expedited due process complaints)', count: 'cases', source: '`table7` = `dispute/table7.csv`, `derived` = the case logs, empty = neither gave it' },
  },
  'warnings/dispute': { about: 'Table 7 sums and bounds (`W-T7-CHECK`) and, with `table7.csv` and a case log both given, rows where they differ (`W-T7`)' },
  'tables/table-20a': {
    about: 'The Indicator 20 rubric: the APR section (one row per indicator, timely points, totals), the 618 section (one row per table, totals) and the score.',
    columns: {
      section: '`APR`, `618` or `20`',
      item: 'indicator, table number, or `subtotal` / `timely` / `total`',
      valid_reliable: 'rubric score (`1`, `0`, `NA`)',
      correct_calculation: 'rubric score',
      timely: '618 score',
      complete: '618 score',
      passed_edit: '618 score',
      responded_notes: '618 score',
      due_date: 'due date (APR timely row, 618 rows)',
      submitted_date: 'submission date',
      on_time: 'submitted ≤ due',
      points: 'points',
      max_points: 'maximum points',
      percent: 'points / maximum',
    },
  },
  'warnings/20': { about: 'the rubric\'s APR row (the timely points) missing or without a due date' },
  'districts/sd': {
    about:
      'Profile `idea-2016` only. One row per district of `reference/districts.csv` × year of the window (Y−m+1 .. Y) × category (table order: `ID_ALL`, `ID_ID`, `ID_SLD`, `ID_ED`, `ID_SLI`, `ID_OHI`, `ID_AUT`, `PL_LT40`, `PL_SEP`, `DS_OSS_LE10`, `DS_OSS_GT10`, `DS_ISS_LE10`, `DS_ISS_GT10`, `DS_TOTAL`) × federal group (`HI7`, `AM7`, `AS7`, `BL7`, `PI7`, `WH7`, `MU7`). Counts and the comparison are exact; "exceeds" is decided in integers (n_g × N_c × 100 > 100·threshold × N_g × n_c). The last seven columns are filled on year-Y rows only. See docs/significant-disproportionality.md.',
    columns: {
      numerator: 'n_g: the group\'s children in the category',
      denominator: 'N_g: the group\'s denominator (enrollment for identification, served December records aged 6-21 for placement, the discipline base)',
      value: 'the ratio used (RR or ARR) in full precision; empty when NC',
      evaluated: '`true` when a ratio was calculated (RR or ARR)',
      flagged: '`true` when the ratio is above the threshold in that year',
      threshold: 'the threshold of the category (`sd.threshold` or `sd.threshold.<category>`)',
      year: 'data year',
      category: 'one of the 14 categories',
      group: 'federal race/ethnicity group',
      risk: 'risk = 100 × n_g / N_g (percent)',
      comp_scope: '`LEA` (the LEA\'s other groups) or `State` (the State\'s other groups, this LEA included); empty for group_absent / group_small',
      comp_numerator: 'n_c: the comparison\'s numerator',
      comp_denominator: 'N_c: the comparison\'s denominator',
      comp_risk: 'comparison risk = 100 × n_c / N_c',
      method: '`RR`, `ARR` or `NC`',
      method_reason: 'why the alternate risk ratio was used (or attempted): `comparison_small` or `zero_comparison_risk`',
      nc_reason: 'why no ratio: `group_absent`, `group_small`, `zero_comparison_risk`, `state_comparison_small`, `zero_state_risk`, or `no_data` (the year lacks the family\'s inputs)',
      years_exceeded: 'consecutive years ending at Y above the threshold (an NC year breaks the run)',
      years_available: 'consecutive years ending at Y whose inputs for the category\'s family exist (within the window)',
      history: '`complete`, `reduced` (K lowered to the years available) or `insufficient_years` (`sd.short_history=wait`)',
      persistent: 'years_exceeded reaches K (`sd.consecutive_years`, or the years available under `reduce`)',
      progress: 'reasonable progress (`sd.progress_rule`): `yes`, `no`, or `n/a` (rule off, or an NC year among the last three)',
      identified: 'persistent and no reasonable progress',
      display: 'the ratio to 2 decimals (half away from zero), or `NC`',
    },
  },
  'tables/table-sd': {
    about: 'Profile `idea-2016` only. One row per category × group for year Y: the State risk over every loaded record, then the LEAs of `reference/districts.csv` by method and NC reason, exceeding, persistent, exempted by reasonable progress and identified.',
    columns: {
      category: 'one of the 14 categories',
      group: 'federal race/ethnicity group',
      group_name: 'the group\'s name',
      state_numerator: 'the State\'s n for the group',
      state_denominator: 'the State\'s N for the group',
      leas: 'LEAs of reference/districts.csv',
      rr: 'LEAs with a risk ratio',
      arr: 'LEAs with an alternate risk ratio',
      nc_group_absent: 'LEAs without the group (N = 0) or without the year\'s inputs',
      nc_group_small: 'NC group_small',
      nc_zero_comparison_risk: 'NC zero_comparison_risk',
      nc_state_comparison_small: 'NC state_comparison_small',
      nc_zero_state_risk: 'NC zero_state_risk',
      exceeding: 'LEAs above the threshold in Y',
      persistent: 'LEAs above it for K consecutive years',
      exempted_by_progress: 'persistent LEAs exempted by reasonable progress',
      identified: 'LEAs identified for the pair',
    },
  },
  'notes/sd': { about: 'run.json `modules.sd`: `standards` (threshold, cell size, n-size per category), `years_used` per family of categories, `rationale_notes` for values above the presumptively reasonable 10 / 30' },
  'warnings/sd': { about: '`W-SD-MR`: enrollment rows `MR` of a year before 2009-10 (then "multiple or no response"), counted as two or more races' },
  'districts/self-review': {
    about: 'The record checks behind the self-review triggers `annual_iep`, `triennial` and `cyclical`.',
    columns: {
      numerator: 'served December records with an overdue annual IEP',
      denominator: 'served December records',
      value: 'overdue annual IEP share, percent',
      evaluated: '`true` when the district has served records or is in the monitoring cycle',
      flagged: '`true` when any of the three triggers fires',
      threshold: '`sesr.overdue_iep_max`',
      overdue_eval: 'records with an overdue triennial evaluation',
      overdue_eval_pct: 'overdue triennial share, percent',
      overdue_eval_max: '`sesr.overdue_eval_max`',
      cyclical: '`monitoring/cycle.csv` assigns the district to the reporting year',
      review_types: 'review types the cycle assigns',
    },
  },
  'restricted/annual_iep': {
    about: 'Served December records whose annual IEP is overdue.',
    columns: { reference_date: 'EXIT_DATE, else REPT_DATE', last_date: 'LAST_IEP', due_date: 'LAST_IEP + 1 year', days_overdue: 'days from the due date to the reference date' },
  },
  'restricted/triennial': {
    about: 'Served December records whose triennial evaluation is overdue.',
    columns: { reference_date: 'EXIT_DATE, else REPT_DATE', last_date: 'LAST_EVAL', due_date: 'LAST_EVAL + 3 years', days_overdue: 'days from the due date to the reference date' },
  },
};
