/**
 * @module What every component needs from its element: the messages and the language tag.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type Messages } from '../i18n/en.js';

export interface Env {
  t: Messages;
  lang: string;
}

export const EnvContext = createContext<Env>({ t: en, lang: 'en' });

export const useEnv = (): Env => useContext(EnvContext);
