/**
 * @module Text that goes into a mail header (Subject, display names). A CR or LF there would end
 * the header and start another (`Bcc:` injection); names are refused with line breaks at the API,
 * and this makes sure of it for whatever reaches a header, old rows included.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
const breaks = /[\x00-\x1f\x7f\u0085\u2028\u2029]+/g;

/**
 * One line, at most `max` characters (whole code points), control characters as spaces.
 *
 * @example
 * headerText('Cut\r\nBcc: x@example.com'); // 'Cut Bcc: x@example.com'
 */
export function headerText(value: string, max = 200): string {
  const line = value.replace(breaks, ' ').replace(/ {2,}/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}
