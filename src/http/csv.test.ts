import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('CSV', () => {
  it('writes a header line and a line per row, each ended by CRLF', () => {
    expect(toCsv(['a', 'b'], [{ a: 1, b: 'x' }, { b: 'y', a: 2 }])).toBe('a,b\r\n1,x\r\n2,y\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it('leaves null and missing values empty', () => {
    expect(toCsv(['a', 'b', 'c'], [{ a: null, c: 0 }])).toBe('a,b,c\r\n,,0\r\n');
  });

  it('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
    expect(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere'].map(csvField)).toEqual(['"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\rhere"']);
  });

  it('writes numbers and booleans as they are, negative numbers too', () => {
    expect([-0.25, 1500.5, true, false].map(csvField)).toEqual(['-0.25', '1500.5', 'true', 'false']);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@sum', 'web'].map(csvField)).toEqual(['"\'=HYPERLINK(""x"")"', "'+1", "'-2", "'@sum", 'web']);
  });
});
