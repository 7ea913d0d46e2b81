import { formatDate, formatDateTime, formatNumber, formatPeople, Lang } from '@tadoru/common';
import { localizeCitation } from './citations';
import { CellKind, CellValue, isMissing, ReportHeader } from './report-document';

/** Words every report uses, in both languages. */
export const REPORT_WORDS = {
  missing: { en: 'missing (required)', ja: '未記載（必須）' },
  missingBy: { en: 'missing (required by {by})', ja: '未記載（{by}により必須）' },
  none: { en: '—', ja: '—' },
  yes: { en: 'yes', ja: 'はい' },
  no: { en: 'no', ja: 'いいえ' },
  map: { en: 'Map', ja: 'データマップ' },
  version: { en: 'Version', ja: 'バージョン' },
  recorded: { en: 'Version recorded', ja: 'バージョン記録日時' },
  by: { en: 'by', ja: '記録者' },
  asOf: { en: 'As of', ja: '基準日' },
  asOfNone: { en: 'every flow in force (no date)', ja: '基準日なし（すべてのフロー）' },
  page: { en: 'Page {page} of {pages}', ja: '{page} / {pages} ページ' },
  listSeparator: { en: ', ', ja: '、' },
} as const;

export function word(name: keyof typeof REPORT_WORDS, lang: Lang, values: Record<string, string | number> = {}): string {
  return REPORT_WORDS[name][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** A cell's value as a reader sees it in `lang`; the same in every format but JSON (which keeps it raw). */
export function formatCell(value: CellValue, kind: CellKind, lang: Lang): string {
  if (value === null || value === undefined) return word('none', lang);
  if (isMissing(value)) return value.requiredBy ? word('missingBy', lang, { by: localizeCitation(value.requiredBy, lang) }) : word('missing', lang);
  if (Array.isArray(value)) return value.length === 0 ? word('none', lang) : value.join(word('listSeparator', lang));
  if (typeof value === 'boolean') return word(value ? 'yes' : 'no', lang);
  if (typeof value === 'number') return kind === 'people' ? formatPeople(value, lang) : formatNumber(value, lang);
  if (kind === 'date') return formatDate(value, lang);
  if (kind === 'datetime') return formatDateTime(value, lang);
  return value;
}

/** The lines every format prints under the title: map, version (when and by whom), as-of date. */
export function headerLines(header: ReportHeader, lang: Lang): Array<{ label: string; value: string }> {
  const recorded = header.versionRecordedAt ? `${formatDateTime(header.versionRecordedAt, lang)}${header.versionActor ? ` (${word('by', lang)}: ${header.versionActor})` : ''}` : word('none', lang);
  const lines = [
    { label: word('map', lang), value: header.map },
    { label: word('version', lang), value: String(header.version) },
    { label: word('recorded', lang), value: recorded },
    { label: word('asOf', lang), value: header.asOf ? formatDate(header.asOf, lang) : word('asOfNone', lang) },
  ];
  for (const { label, value } of header.scope) lines.push({ label, value });
  return lines;
}
