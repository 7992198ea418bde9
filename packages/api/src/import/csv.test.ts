import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, withHeader } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and names each record’s line', () => {
    const text = '\uFEFFsku,name\r\nA-1,"Helmet, ""pro"""\r\n\r\nB-2,"two\nlines"\nC-3,plain';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['sku', 'name'] },
      { line: 2, fields: ['A-1', 'Helmet, "pro"'] },
      { line: 4, fields: ['B-2', 'two\nlines'] },
      { line: 6, fields: ['C-3', 'plain'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseCsv('x,26" tube').map((r) => r.fields)).toEqual([['x', '26" tube']]);
  });

  it('keeps empty fields and a trailing empty field', () => {
    expect(parseCsv('a,,c,\n').map((r) => r.fields)).toEqual([['a', '', 'c', '']]);
  });

  it('reports unclosed quotes and stray quotes with their line', () => {
    expect(() => parseCsv('a,b\n"open,c')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n"open,c')).toThrow(/line 2/);
    expect(() => parseCsv('"a"b')).toThrow(/after a closing quote/);
  });

  it('maps rows by normalised header names', () => {
    const { columns, rows } = withHeader(parseCsv('SKU,Low Stock_Threshold\n A ,3,extra'));
    expect(columns).toEqual(['sku', 'lowstockthreshold']);
    expect(rows).toEqual([{ line: 2, values: { sku: 'A', lowstockthreshold: '3' }, extra: true }]);
  });
});
