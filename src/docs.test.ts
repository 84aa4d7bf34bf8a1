import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowedRange, blockEnd, blockStart, DOCS, refreshDoc, staleNotes } from './docs.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');
const DOC_FILES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** `## heading` / `### heading` → the text up to the next heading. */
function sections(md: string): { heading: string; body: string }[] {
  const out: { heading: string; body: string }[] = [];
  for (const part of md.split(/^(?=#{2,4} )/m)) {
    const nl = part.indexOf('\n');
    if (/^#{2,4} /.test(part)) out.push({ heading: part.slice(0, nl < 0 ? undefined : nl), body: part });
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

describe('docs/ are what the code says', () => {
  it.each(DOCS.map((d) => [d.path, d] as const))('%s is up to date (run `npm run docs` after changing a schema, rule, indicator or parameter)', (path, doc) => {
    const text = read(path);
    expect(refreshDoc(doc, text)).toBe(text);
  });

  it('no note names a column, code, output or trigger the code no longer has', () => {
    expect(staleNotes()).toEqual([]);
  });

  it('a doc that lost a generated block, or names an unknown one, is an error, not a silent gap', () => {
    const doc = { path: 'x.md', blocks: { a: () => 'A' } };
    expect(refreshDoc(doc, `intro\n${blockStart('a')}\nold\n${blockEnd('a')}\nend`)).toBe(`intro\n${blockStart('a')}\n\nA\n\n${blockEnd('a')}\nend`);
    expect(() => refreshDoc(doc, 'intro only')).toThrow(/lacks the generated block\(s\) a/);
    expect(() => refreshDoc(doc, `${blockStart('a')}\n${blockEnd('a')}\n${blockStart('b')}\n${blockEnd('b')}`)).toThrow(/unknown generated block "b"/);
  });
});

describe('what the generated docs say (hand-checked against the schemas, rules and parameters)', () => {
  const inputs = read('docs/inputs.md');
  const params = read('docs/parameters.md');
  const outputs = read('docs/outputs.md');

  it('inputs.md: every file, column, code list and verification code', () => {
    // a row rule of sql/rules/table_a.sql, a field check of the schema, a set rule with a computed message
    expect(inputs).toContain('| `E114` | error | `BIRTHDATE` | BIRTHDATE is after REPT_DATE. |');
    expect(inputs).toContain('| `E134` | error | `DISABILITY1` | DISABILITY1 is required for a served record |');
    expect(inputs).toContain('| `E105` | error | `STUDENT_ID` | duplicate student: same SELPA_CODE and STUDENT_ID as line … (of … when in another file) |');
    // E200 is declared with Table B's set rules but rejects Table A rows: it is listed under Table A
    const tableA = sections(inputs).find((s) => s.heading === '### `casemis/<YYYY-MM>/table_a.csv` (CASEMIS)')!.body;
    expect(tableA).toContain('| `E200` | warning | `STUDENT_ID` | served student has no services record in Table B |');
    expect(tableA).toContain('| `DISABILITY1`, `DISABILIT1` | code | on a served record | [DISABILITY](#disability) list | `E134` |');
    expect(tableA).toContain('| `SSN` | text | no (column may be absent) | 9 digits | `E106` | yes |');
    // a code list in full, with meanings (no `… (26)` truncation)
    expect(inputs).toContain('| `281` | established medical disability (EMD, ages 3-4) |');
    expect(inputs).toContain('| `400` | Filipino | `AS` |');
    const survey = sections(inputs).find((s) => s.heading === '### SURVEY_ETHNICITY')!.body;
    expect(survey).toContain('| `999` |');
    const districts = sections(inputs).find((s) => s.heading === '### `reference/districts.csv`')!.body;
    expect(districts).toContain('| `E-DUP` | error | `district` | duplicate key district: the first row is kept, later rows are rejected and name its line |');
    for (const path of ['reference/districts.csv', 'casemis/<YYYY-MM>/table_d.csv', 'submissions/selpa_submissions.csv', 'dispute/hearings.csv']) {
      expect(inputs).toContain(`### \`${path}\``);
    }
  });

  it('parameters.md: default, profile value, a range a person reads, stage and meaning', () => {
    // columns: default, then the value of each profile (ca-ffy2008, idea-2016) where it differs
    expect(params).toContain('| `ind5.min_age` | `6` |  |  | whole number 0 to 22 | count | Youngest age (on the December count date) in the population |');
    expect(params).toContain('| `ind1.data_year_offset` | `0` | `-1` | `-1` | whole number -1 to 0 | load |');
    expect(params).toContain('| `suppress.min_cell` | `10` |  |  | whole number ≥ 0 | load |');
    expect(params).toContain('| `ind4.dspl_types` | `10,20,30` |  |  | comma list of codes | count |');
    expect(params).toContain('| `load.undup_rule` | `keep_one` |  |  | `keep_one` or `drop_all` | load |');
    expect(params).toContain('| `sd.threshold` | `3` |  |  | number > 0 | decide |');
    expect(params).toContain('| `sd.threshold.DS_TOTAL` | (unset) |  |  | number > 0 | decide |');
    expect(params).not.toContain('9007199254740991');
    expect(params).toContain('| `5A` | Removed from regular class less than 21% of the day | value ≥ target | 62 | 62 | profile `targets` |');
    expect(params).toContain('| `1` | Graduation rate, students with disabilities | value ≥ target | 83 | 83 | parameter `ind1.min_rate` |');
  });

  it('allowed ranges: no machine limits, exclusive bounds, lists', () => {
    expect(allowedRange({ type: 'integer', minimum: 0, maximum: 9007199254740991 })).toBe('whole number ≥ 0');
    expect(allowedRange({ type: 'number', exclusiveMinimum: 0 })).toBe('number > 0');
    expect(allowedRange({ type: 'number' })).toBe('any number');
    expect(allowedRange({ type: 'array', items: { type: 'string', pattern: '^[0-9]{3}$' }, minItems: 1 })).toBe('comma list of 3 digits, at least 1');
  });

  it('outputs.md: the words an analyst must not guess', () => {
    for (const word of ['`evaluated`', '`flagged`', '`threshold`', '`value`', '`*`', '`NA`', '`NC`', '`target_basis`', '`files_written`', '`ignored_files`']) {
      expect(outputs).toContain(word);
    }
    const d5 = sections(outputs).find((s) => s.heading === '### `districts/5.csv`')!.body;
    expect(d5).toContain('| `pct_5b` | number | 5B percent = 100 × `n_5b` / `denominator` |');
    expect(outputs).toContain('### `restricted/<district>/annual_iep.csv`');
  });
});

describe('the documentation travels with the repository', () => {
  it('README points to the three docs, and no longer carries the long generated reference', () => {
    const readme = read('README.md');
    for (const doc of ['docs/inputs.md', 'docs/outputs.md', 'docs/parameters.md']) expect(readme).toContain(`](${doc})`);
    expect(readme).not.toContain('<!-- reference: generated');
    expect(readme.split('\n').length).toBeLessThan(250);
  });

  it.each(DOC_FILES)('%s links only to files inside the repository', (file) => {
    const text = read(file);
    expect(text).not.toContain('../shared');
    // the contract files live outside the repository: a doc names what is in it instead
    expect(text).not.toMatch(/\b(DATA-CONTRACT|INDICATORS|OUTPUTS|SEED-FIGURES)\.md\b/);
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!.split('#')[0]!;
      if (!target || /^[a-z]+:/i.test(target)) continue;
      const abs = resolve(dirname(join(ROOT, file)), target);
      expect(relative(ROOT, abs).split(sep)[0], `${file} links ${m[1]}`).not.toBe('..');
      expect(existsSync(abs), `${file} links ${m[1]}, which does not exist`).toBe(true);
    }
  });

  it('outputs.md describes every file and column of the golden runs (test/golden/<case>/)', () => {
    const secs = sections(read('docs/outputs.md'));
    const golden = join(ROOT, 'test', 'golden');
    const problems: string[] = [];
    for (const kase of readdirSync(golden)) {
      const dir = join(golden, kase);
      for (const abs of walk(dir)) {
        let rel = relative(dir, abs).split(sep).join('/');
        const text = readFileSync(abs, 'utf8');
        rel = rel.replace(/^public\//, '');
        if (rel.endsWith('.json') && rel !== 'run.json' && existsSync(abs.replace(/\.json$/, '.csv'))) continue;
        const shown = rel
          .replace(/^tables\/trend-[^/]+\.csv$/, 'tables/trend-<id>.csv')
          .replace(/^load\/by-selpa\/[^/]+\.csv$/, 'load/by-selpa/<SELPA_CODE>.csv')
          .replace(/^restricted\/[^/]+\//, 'restricted/<district>/');
        const sec = secs.find((s) => s.heading.includes(`\`${shown}\``));
        if (!sec) {
          problems.push(`${kase}/${rel}: no section of docs/outputs.md has \`${shown}\` in its heading`);
          continue;
        }
        // by-selpa files are documented as "the lines of rejects.csv, same columns"
        const colSec = shown.startsWith('load/by-selpa/') ? (secs.find((s) => s.heading.includes('`load/rejects.csv`')) ?? sec) : sec;
        const columns = rel === 'run.json' ? Object.keys(JSON.parse(text) as object) : rel.endsWith('.csv') ? text.split(/\r?\n/)[0]!.split(',') : [];
        for (const c of columns) if (!colSec.body.includes(`\`${c}\``)) problems.push(`${kase}/${rel}: column \`${c}\` is not described under ${colSec.heading}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
