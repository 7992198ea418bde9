/**
 * @module The console's words: one file per language (`en.ts` now). Screens read `t.…`; adding a
 * language is a file of the same shape and one line here.
 */
import { en, type Strings } from './en.js';

export type { Strings };

const languages: Record<string, Strings> = { en };

/** The strings of the browser's language when there is a file for it, else English. */
export const t: Strings = languages[navigator.language.slice(0, 2)] ?? en;
