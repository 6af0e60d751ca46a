/**
 * The languages of the human-facing reports (text, HTML, Markdown) and the CLI's messages: English and
 * Simplified Chinese. `--lang zh-CN|en`, by default from the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE).
 * Machine formats (JSON, SARIF, CSV headers) do not change with the language.
 *
 * Each catalog has every message (the type of the Chinese one is the English one's), so a missing
 * translation is a compile error. Status labels in English come from src/model/status.ts.
 */
import type { Status } from '../../model/index.js';
import { en, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
export type { Messages };

/** Read --lang: `zh-CN`, `zh`, `zh_CN`, `en`, `en-US` …; undefined when it is neither language. */
export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase().replace('_', '-');
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh.')) return 'zh-CN';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en.') || v === 'c' || v === 'posix' || v.startsWith('c.')) return 'en';
  return undefined;
}

/** The language the environment asks for: the first locale variable set (POSIX order); English otherwise. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return parseLang(v) ?? 'en';
  }
  const first = env.LANGUAGE?.split(':')[0];
  return (first && parseLang(first)) || 'en';
}

export function messages(lang: Lang | undefined): Messages {
  return lang === 'zh-CN' ? zhCN : en;
}

/** A status as a reader sees it, in the language. */
export function statusLabel(m: Messages, s: Status): string {
  return m.status[s];
}
