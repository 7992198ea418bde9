/**
 * @module The one layout every message uses, as HTML and as plain text. The HTML is simple on
 * purpose: one column, real headings and a table of facts with row headers (read well by screen
 * readers), inline styles only (mail clients drop style sheets), and no text or background colours
 * except the button's — so a dark-mode client's own colours apply and nothing turns unreadable.
 */

export interface Letter {
  /** BCP 47 tag of the words, for `lang`. */
  lang: string;
  subject: string;
  heading: string;
  intro: string;
  /** Label and value pairs; values may span lines. */
  facts: [string, string][];
  /** Paragraphs after the facts. */
  notes: string[];
  action?: { label: string; url: string } | undefined;
  footer: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/\r\n|\r|\n/g, '<br>');

const font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export function letterHtml(letter: Letter): string {
  const facts = letter.facts
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:6px 16px 6px 0;font-weight:600">${escapeHtml(label)}</th>` +
        `<td style="vertical-align:top;padding:6px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const action = letter.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(letter.action.url)}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:#1d4ed8;color:#ffffff;font-weight:600;text-decoration:none">${escapeHtml(letter.action.label)}</a></p>`
    : '';
  const notes = letter.notes.map((n) => `<p style="margin:16px 0">${escapeHtml(n)}</p>`).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(letter.lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(letter.subject)}</title></head>
<body style="margin:0;padding:0">
<div role="article" aria-roledescription="email" aria-label="${escapeHtml(letter.subject)}" lang="${escapeHtml(letter.lang)}" style="max-width:560px;margin:0 auto;padding:24px 16px;${font};font-size:16px;line-height:1.5">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(letter.heading)}</h1>
<p style="margin:0 0 16px">${escapeHtml(letter.intro)}</p>
<table style="border-collapse:collapse;margin:0 0 8px"><tbody>
${facts}
</tbody></table>
${action}
${notes}
<p style="margin:32px 0 0;font-size:14px">${escapeHtml(letter.footer)}</p>
</div></body></html>
`;
}

export function letterText(letter: Letter): string {
  const width = Math.max(0, ...letter.facts.map(([label]) => label.length));
  const facts = letter.facts.map(([label, value]) => {
    const [first = '', ...rest] = value.split(/\r\n|\r|\n/);
    const indent = ' '.repeat(width + 2);
    return [`${`${label}:`.padEnd(width + 2)}${first}`, ...rest.map((line) => indent + line)].join('\n');
  });
  const parts = [letter.heading, letter.intro, facts.join('\n')];
  if (letter.action) parts.push(`${letter.action.label}:\n${letter.action.url}`);
  parts.push(...letter.notes, `-- \n${letter.footer}`);
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
