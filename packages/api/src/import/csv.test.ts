import { describe, expect, it } from 'vitest';
import { type CsvRecord, normaliseHeader, readCsv, toRow } from './csv.js';

async function read(chunks: Iterable<string>, options?: { maxRowBytes?: number }): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const chunk of readCsv(chunks, options)) records.push(...chunk);
  return records;
}

/** The records of `text` fed whole and fed one character at a time, which must agree. */
async function parsed(text: string): Promise<CsvRecord[]> {
  const whole = await read([text]);
  expect(await read([...text])).toEqual(whole);
  return whole;
}

const fieldsOf = async (text: string) => (await parsed(text)).map((r) => r.fields);

describe('readCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and names each record’s line', async () => {
    const text = '\uFEFFsku,name\r\nA-1,"Helmet, ""pro"""\r\n\r\nB-2,"two\nlines"\nC-3,plain';
    expect(await parsed(text)).toEqual([
      { line: 1, fields: ['sku', 'name'] },
      { line: 2, fields: ['A-1', 'Helmet, "pro"'] },
      { line: 4, fields: ['B-2', 'two\nlines'] },
      { line: 6, fields: ['C-3', 'plain'] },
    ]);
  });

  it('counts a CRLF or CR inside quotes as one line, and blank lines between records', async () => {
    const crlf = 'a,b\r\n"x\r\ny",z\r\n\r\n\r\nq,r\r\n';
    expect((await parsed(crlf)).map((r) => r.line)).toEqual([1, 2, 6]);
    const cr = 'a,b\r"x\ry",z\r\rq,r';
    expect((await parsed(cr)).map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps a quote inside an unquoted field, or after a closing quote, as text', async () => {
    expect(await fieldsOf('x,26" tube')).toEqual([['x', '26" tube']]);
    expect(await fieldsOf('"a"b,c')).toEqual([['"a"b', 'c']]);
  });

  it('keeps empty fields and a trailing empty field', async () => {
    expect(await fieldsOf('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('reports an unclosed quote with the line it opens on', async () => {
    await expect(read(['a,b\n\n"open,c\nd,e'])).rejects.toThrow(/^line 3: a quoted field is never closed$/);
  });

  it('refuses a row over the size limit with the line it starts on, without reading on', async () => {
    let chunksRead = 0;
    function* unclosed() {
      yield 'sku,name\n\nA,"';
      for (;;) {
        chunksRead++;
        yield 'lorem ipsum\n'.repeat(10);
      }
    }
    await expect(read(unclosed(), { maxRowBytes: 1000 })).rejects.toThrow(
      /^line 3: the row is longer than 1,000 bytes/,
    );
    expect(chunksRead).toBeLessThan(20);
    expect(await fieldsOf(`a,"${'x'.repeat(990)}"`)).toHaveLength(1);
  });
});

describe('toRow', () => {
  it('maps a record by normalised header names and flags fields beyond the header', () => {
    const columns = ['SKU', 'Low Stock_Threshold'].map(normaliseHeader);
    expect(columns).toEqual(['sku', 'lowstockthreshold']);
    expect(toRow(columns, { line: 2, fields: [' A ', '3', 'extra'] })).toEqual({
      line: 2,
      values: { sku: 'A', lowstockthreshold: '3' },
      extra: true,
    });
    expect(toRow(columns, { line: 3, fields: ['B'] }).values).toEqual({ sku: 'B', lowstockthreshold: '' });
  });
});
