// The workbook's pure parts: sheet names Excel accepts, and the cell kind of each column.
import { describe, expect, it } from 'vitest';
import { cellKind, sheetName } from '../src/write/xlsx.js';

describe('sheetName', () => {
  it('cuts to 31 characters, drops the characters Excel refuses, and keeps names unique ignoring case', () => {
    const taken = new Set<string>();
    const long = 'districts-a-very-long-output-name-indeed';
    const a = sheetName(long, taken);
    const b = sheetName(long, taken);
    const c = sheetName(long.toUpperCase(), taken);
    expect(a).toBe('districts-a-very-long-output-na');
    expect(b).toBe('districts-a-very-long-output-~2');
    expect(c).toBe('DISTRICTS-A-VERY-LONG-OUTPUT-~3');
    expect(sheetName('tables/x:y*z?[1]', taken)).toBe('tables_x_y_z__1_');
    expect(sheetName("'quoted'", taken)).toBe('quoted');
    expect(sheetName('History', taken)).toBe('history_');
    expect(sheetName('', taken)).toBe('sheet');
  });
});

describe('cellKind', () => {
  it('key, label and text columns are text whatever their type; otherwise numbers, booleans, and text for the rest', () => {
    expect(cellKind('VARCHAR', 'key')).toBe('text');
    expect(cellKind('INTEGER', 'key')).toBe('text');
    expect(cellKind('BIGINT', 'label')).toBe('text');
    expect(cellKind('BIGINT', 'count')).toBe('number');
    expect(cellKind('DOUBLE')).toBe('number');
    expect(cellKind('DECIMAL(18,3)')).toBe('number');
    expect(cellKind('BOOLEAN', 'flag')).toBe('boolean');
    expect(cellKind('DATE')).toBe('text');
    expect(cellKind('VARCHAR', 'count')).toBe('text');
  });
});
