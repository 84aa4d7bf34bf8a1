import { describe, expect, it } from 'vitest';
import { parseRuleFile } from './rules.js';

describe('parseRuleFile', () => {
  it('reads code, severity, field, message and the predicate up to the next rule', () => {
    const rules = parseRuleFile(
      ['/* note */', '-- @rule E114 error BIRTHDATE', '-- @message BIRTHDATE is after REPT_DATE', 'BIRTHDATE > REPT_DATE', '', '-- @rule W909 warning LAST_IEP', '-- @message late', 'LAST_IEP < REPT_DATE -- trailing comment', '  AND true;'].join('\n'),
      'x.sql',
    );
    expect(rules.map((r) => [r.code, r.severity, r.field, r.message, r.predicate])).toEqual([
      ['E114', 'error', 'BIRTHDATE', 'BIRTHDATE is after REPT_DATE', 'BIRTHDATE > REPT_DATE'],
      ['W909', 'warning', 'LAST_IEP', 'late', 'LAST_IEP < REPT_DATE \n  AND true'],
    ]);
  });
});
