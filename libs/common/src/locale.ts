/**
 * The two languages tadoru writes reports and explanations in, and the one place where dates and
 * numbers are written the way each language writes them (2019年8月26日 and 7,983名; 26 August 2019
 * and 7,983 people). Formatting is fixed to UTC and to these locales so that the same input gives
 * the same text on every machine.
 */
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

const DATE_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  ja: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};
const TIME_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }),
  ja: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }),
};
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB'),
  ja: new Intl.NumberFormat('ja-JP'),
};

/** `2019-08-26` (or a full ISO timestamp) as `26 August 2019` / `2019年8月26日`. */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return DATE_FORMATS[lang].format(date);
}

/** An ISO timestamp with its time of day, in UTC. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return TIME_FORMATS[lang].format(date);
}

export function formatNumber(n: number, lang: Lang): string {
  return NUMBER_FORMATS[lang].format(n);
}

/** A count of people: `7,983 people` / `7,983名` (`1 person` in English). */
export function formatPeople(n: number, lang: Lang): string {
  if (lang === 'ja') return `${formatNumber(n, lang)}名`;
  return `${formatNumber(n, lang)} ${n === 1 ? 'person' : 'people'}`;
}

/** A text in both languages, picked by `lang`. */
export interface Localized {
  en: string;
  ja: string;
}

export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}
