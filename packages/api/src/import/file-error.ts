/**
 * @module The one error for a whole import file that cannot be used (not UTF-8, a line or row over
 * the size limit, an unclosed quote, missing columns): nothing is written, and the message names
 * the line when there is one.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    message: string,
    /** 1-based line in the file, when the problem has one. */
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}
