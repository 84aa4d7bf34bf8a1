import { existsSync, readFileSync } from 'node:fs';
import { quoteIdent, quoteLiteral } from '../db.js';
import type { FieldSpec, FileKind } from './schema.js';

export interface Rule {
  code: string;
  severity: 'error' | 'warning';
  field: string;
  message: string;
  /** SQL boolean over one typed row; TRUE = the row breaks the rule. */
  predicate: string;
  source: string;
}

const RULES_DIR = new URL('../../sql/rules/', import.meta.url);

/** Parses `sql/rules/<kind>.sql` (format in sql/rules/README.md). */
export function parseRuleFile(text: string, source: string): Rule[] {
  const rules: Rule[] = [];
  let current: Rule | undefined;
  const body: string[] = [];
  const flush = (): void => {
    if (current) {
      // Block comments go too: an apostrophe in one would unbalance the statement's quotes for the parameter scan.
      current.predicate = body.join('\n').replace(/\/\*[\s\S]*?\*\//g, '').trim().replace(/;\s*$/, '');
      if (!current.predicate) throw new Error(`${source}: rule ${current.code} has no predicate`);
      rules.push(current);
    }
    body.length = 0;
  };
  for (const line of text.split(/\r?\n/)) {
    const head = /^--\s*@rule\s+(\S+)\s+(error|warning)\s+(\S+)\s*$/.exec(line);
    if (head) {
      flush();
      current = { code: head[1]!, severity: head[2] as Rule['severity'], field: head[3]!, message: '', predicate: '', source };
      continue;
    }
    const msg = /^--\s*@message\s+(.*)$/.exec(line);
    if (msg && current) {
      current.message = msg[1]!.trim();
      continue;
    }
    if (/^\s*--/.test(line) || !current) continue;
    body.push(line.replace(/--.*$/, ''));
  }
  flush();
  return rules;
}

export function loadRuleFile(kind: FileKind): Rule[] {
  const url = new URL(`${kind.id}.sql`, RULES_DIR);
  if (!existsSync(url)) return [];
  return parseRuleFile(readFileSync(url, 'utf8'), `sql/rules/${kind.id}.sql`);
}

const TYPE_LABEL: Record<FieldSpec['type'], string> = {
  text: 'text',
  code: 'code',
  date: 'date (YYYY-MM-DD, MM/DD/YYYY or MMDDYYYY)',
  integer: 'whole number',
  decimal: 'number',
  yesno: 'Y/N value',
};

/** The checks every field spec implies: type, code list, pattern, range, required. */
export function genericRules(kind: FileKind, codeLists: Record<string, readonly string[]>): Rule[] {
  const rules: Rule[] = [];
  const source = `src/load/schemas (${kind.id})`;
  for (const f of kind.fields) {
    const raw = quoteIdent(`${f.name}__raw`);
    const typed = quoteIdent(f.name);
    const bad = f.code ?? (f.type === 'date' ? 'E-DATE' : f.type === 'integer' || f.type === 'decimal' ? 'E-TYPE' : 'E-CODE');
    if (f.type !== 'text' && f.type !== 'code') {
      rules.push({
        code: bad,
        severity: f.warnOnly ? 'warning' : 'error',
        field: f.name,
        message: `${f.name} is not a valid ${TYPE_LABEL[f.type]}${f.warnOnly ? '; it is read as blank' : ''}`,
        predicate: `${raw} IS NOT NULL AND ${typed} IS NULL`,
        source,
      });
    }
    if (f.codes) {
      const list = codeLists[f.codes];
      if (!list) throw new Error(`${kind.id}.${f.name}: unknown code list ${f.codes}`);
      rules.push({
        code: f.code ?? 'E-CODE',
        severity: 'error',
        field: f.name,
        message: `${f.name} is not one of the ${f.codes} codes`,
        predicate: `${raw} IS NOT NULL AND ${raw} NOT IN (${list.map(quoteLiteral).join(', ')})`,
        source,
      });
    }
    if (f.pattern) {
      rules.push({
        code: f.code ?? 'E-CODE',
        severity: 'error',
        field: f.name,
        message: `${f.name} is not in the expected format`,
        predicate: `${raw} IS NOT NULL AND NOT regexp_full_match(${raw}, ${quoteLiteral(f.pattern)})`,
        source,
      });
    }
    if (f.min !== undefined || f.max !== undefined) {
      const conds: string[] = [];
      if (f.min !== undefined) conds.push(`${typed} < ${Number(f.min)}`);
      if (f.max !== undefined) conds.push(`${typed} > ${Number(f.max)}`);
      rules.push({
        code: f.code ?? 'E-RANGE',
        severity: 'error',
        field: f.name,
        message: `${f.name} is outside ${f.min ?? '…'}..${f.max ?? '…'}`,
        predicate: `${typed} IS NOT NULL AND (${conds.join(' OR ')})`,
        source,
      });
    }
    if (f.req === 'R' || f.req === 'S') {
      rules.push({
        code: f.reqCode ?? f.code ?? 'E-REQ',
        severity: 'error',
        field: f.name,
        message: f.req === 'S' ? `${f.name} is required for a served record` : `${f.name} is required`,
        predicate: f.req === 'S' ? `${raw} IS NULL AND served` : `${raw} IS NULL`,
        source,
      });
    }
  }
  if (kind.periodCode) {
    rules.push({
      code: kind.periodCode,
      severity: 'error',
      field: 'REPT_DATE',
      message: 'REPT_DATE does not match the submission folder',
      predicate: `"REPT_DATE" IS NOT NULL AND "REPT_DATE" <> _rept_expected`,
      source,
    });
  }
  return rules;
}
