import { describe, expect, it } from 'vitest';
import { type DecodeOptions, decodeText, importEncoding } from './decode.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

async function decode(chunks: Iterable<Uint8Array>, options?: DecodeOptions): Promise<string> {
  let text = '';
  for await (const piece of decodeText(chunks, options)) text += piece;
  return text;
}

/** Every byte its own chunk: characters and CRLFs cut across chunks. */
const bytewise = (data: Uint8Array) => [...data].map((byte) => Uint8Array.of(byte));

describe('decodeText', () => {
  it('decodes UTF-8 whole or cut anywhere, dropping a BOM', async () => {
    const data = bytes([0xef, 0xbb, 0xbf], 'sku,name\r\nCAFE,Café crème 🥐\n');
    expect(await decode([data])).toBe('sku,name\r\nCAFE,Café crème 🥐\n');
    expect(await decode(bytewise(data))).toBe('sku,name\r\nCAFE,Café crème 🥐\n');
  });

  it('refuses Latin-1 bytes as UTF-8, naming the line and what to do', async () => {
    const latin1 = bytes('sku,name\r\nA,plain\r\n\r\nCAFE,Caf', [0xe9], ' cr', [0xe8], 'me\r\n');
    for (const chunks of [[latin1], bytewise(latin1)]) {
      const error = await decode(chunks).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ImportFileError', line: 4 });
      expect((error as Error).message).toMatch(/^line 4: the file is not UTF-8 text\. Save it as UTF-8/);
      expect((error as Error).message).toContain('--encoding windows-1252');
    }
  });

  it('names the line of a bad byte in a later chunk, and of a character cut off at the end', async () => {
    const first = bytes('a\nb\n');
    const second = bytes('c\rd\n', [0xc3, 0xa9], '\n', [0xc3], '\n');
    await expect(decode([first, second])).rejects.toMatchObject({ line: 6 });
    // A character begun in one chunk and broken in the next.
    await expect(decode([bytes('a\nb', [0xe2, 0x82]), bytes('x\n')])).rejects.toMatchObject({ line: 2 });
    await expect(decode([bytes('a\nb\n', [0xe2, 0x82])])).rejects.toMatchObject({ line: 3 });
  });

  it('reads Windows-1252 (Latin-1) when asked to', async () => {
    const data = bytes('CAFE,Caf', [0xe9], ' cr', [0xe8], 'me ', [0x80], '5\n');
    expect(await decode([data], { encoding: 'windows-1252' })).toBe('CAFE,Café crème €5\n');
    expect(['latin1', 'ISO-8859-1', 'cp1252', 'windows-1252'].map(importEncoding)).toEqual(
      Array(4).fill('windows-1252'),
    );
    expect(importEncoding('utf8')).toBe('utf-8');
    expect(importEncoding('ebcdic')).toBeUndefined();
  });

  it('refuses a line longer than the limit, with its line, without reading on', async () => {
    expect(await decode([bytes('ab\n', 'x'.repeat(10), '\r\n')], { maxLineBytes: 10 })).toHaveLength(15);
    let chunksRead = 0;
    function* endless() {
      yield bytes('sku,name\r\nA,"');
      for (;;) {
        chunksRead++;
        yield bytes('x'.repeat(4));
      }
    }
    await expect(decode(endless(), { maxLineBytes: 10 })).rejects.toThrow(
      /^line 2: the line is longer than 10 bytes/,
    );
    expect(chunksRead).toBeLessThan(5);
  });
});
