/**
 * @module Picks the words of a message: the language asked for (by its primary subtag, `pt-BR` →
 * `pt`), else the fallback (the business's), else English.
 */
import { de } from './de.js';
import { en, type MailWords, type Vars } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { pt } from './pt.js';

export type { MailWords, Vars };

/** The languages mail is written in. */
export const mailLanguages: Record<string, MailWords> = { en, es, de, fr, pt };

const primary = (tag: string) => tag.toLowerCase().split('-')[0] ?? '';

/**
 * The tag to write in (`lang` on the HTML) and its words: the first of `tags` whose language is
 * shipped, else English.
 *
 * @example
 * mailWordsFor(['it', 'pt-PT']); // { locale: 'pt-PT', words: pt }
 */
export function mailWordsFor(tags: (string | null | undefined)[]): { locale: string; words: MailWords } {
  for (const tag of tags) {
    const words = tag ? mailLanguages[primary(tag)] : undefined;
    if (tag && words) return { locale: tag, words };
  }
  return { locale: 'en', words: en };
}
