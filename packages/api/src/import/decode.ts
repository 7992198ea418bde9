/**
 * @module Bytes of an import file to text, a chunk at a time so memory stays bounded whatever the
 * file holds: UTF-8 is decoded strictly (a Latin-1 export would otherwise turn into U+FFFD without
 * a word), Windows-1252 only when asked for, a UTF-8 BOM is dropped, and a line longer than the
 * limit stops the read. Every refusal names the line.
 */
import { ImportFileError } from './file-error.js';

export type ImportEncoding = 'utf-8' | 'windows-1252';

/** `--encoding` names accepted; Latin-1 is read as its superset Windows-1252, as browsers do. */
const encodingNames: Record<string, ImportEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

export const encodingChoices = 'utf-8, windows-1252 (or latin1, iso-8859-1)';

export function importEncoding(name: string): ImportEncoding | undefined {
  return encodingNames[name.toLowerCase()];
}

/** The longest line (bytes between line breaks) a file may hold. */
export const maxLineBytes = 1024 * 1024;

export interface DecodeOptions {
  encoding?: ImportEncoding;
  maxLineBytes?: number;
}

const notUtf8 = (line: number) =>
  new ImportFileError(
    'the file is not UTF-8 text. Save it as UTF-8 (in Excel: "CSV UTF-8"), or pass ' +
      '--encoding windows-1252 if it comes from a Windows or Latin-1 (ISO-8859-1) export',
    line,
  );

/** Yields the text of `chunks`; throws `ImportFileError` naming the line of the first problem. */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: DecodeOptions = {},
): AsyncGenerator<string> {
  const encoding = options.encoding ?? 'utf-8';
  const decoder = new TextDecoder(encoding, { fatal: true });
  const lines = new LineCounter(options.maxLineBytes ?? maxLineBytes);
  // Bytes of a UTF-8 character cut by the end of the previous chunk, held inside the decoder.
  let carried: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      lines.count(chunk.subarray(0, firstInvalidByte(carried, chunk)));
      throw notUtf8(lines.line);
    }
    lines.count(chunk);
    if (encoding === 'utf-8') carried = unfinishedCharacter(concat(carried, chunk.subarray(-3)));
    if (text !== '') yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw notUtf8(lines.line);
  }
  if (rest !== '') yield rest;
}

/** Counts lines (CRLF, LF or CR ends one) and refuses one longer than the limit. */
class LineCounter {
  line = 1;
  private length = 0;
  private afterCr = false;

  constructor(private readonly maxLength: number) {}

  count(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (byte === 0x0a || byte === 0x0d) {
        if (byte === 0x0d || !this.afterCr) this.line++;
        this.afterCr = byte === 0x0d;
        this.length = 0;
      } else {
        this.afterCr = false;
        if (++this.length > this.maxLength)
          throw new ImportFileError(
            `the line is longer than ${this.maxLength.toLocaleString('en')} bytes, the most a line may hold`,
            this.line,
          );
      }
    }
  }
}

/**
 * Index in `chunk` of the byte where strict decoding fails (0 when the characters carried over
 * from the previous chunk are the problem). A prefix that decodes in streaming mode stays valid
 * when cut shorter, so a binary search over prefixes finds it with ~17 decodes of the chunk.
 */
function firstInvalidByte(carried: Uint8Array, chunk: Uint8Array): number {
  const bytes = concat(carried, chunk);
  const decodes = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >>> 1;
    if (decodes(middle)) valid = middle;
    else invalid = middle;
  }
  return Math.max(0, invalid - 1 - carried.length);
}

/** The trailing bytes of `bytes` that start a UTF-8 character without finishing it. */
function unfinishedCharacter(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the lead byte is further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.slice(bytes.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
