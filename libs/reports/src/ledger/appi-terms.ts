import { Lang, Localized } from '@tadoru/common';
import { Basis, CollectionMethod, DataClass } from '@tadoru/map';

/**
 * The legal terms the ledger, the record of processing activities and the published matters share,
 * in both languages as the law writes them (個人情報の保護に関する法律 and its Enforcement Rules; GDPR).
 */
export const BASIS_TERMS: Record<Basis, Localized> = {
  CONSENT: { en: "Person's consent (APPI Art. 27(1))", ja: '本人の同意（法第27条第1項）' },
  OPT_OUT: { en: 'Opt-out provision (APPI Art. 27(2))', ja: 'オプトアウトによる提供（法第27条第2項）' },
  LAW: { en: 'Legal exception (APPI Art. 27(1) items)', ja: '法令に基づく場合等（法第27条第1項各号）' },
  NOT_PERSONAL: { en: 'Claimed not to be personal data', ja: '個人データに該当しないとの主張' },
  ENTRUSTMENT: { en: 'Entrustment (APPI Art. 27(5)(i))', ja: '委託（法第27条第5項第1号）' },
  SUCCESSION: { en: 'Business succession (APPI Art. 27(5)(ii))', ja: '事業の承継（法第27条第5項第2号）' },
  SHARED_USE: { en: 'Joint use (APPI Art. 27(5)(iii))', ja: '共同利用（法第27条第5項第3号）' },
  INTERNAL: { en: 'Internal use (same organization)', ja: '社内利用（同一法人内）' },
};

export const METHOD_TERMS: Record<CollectionMethod, Localized> = {
  DIRECT: { en: 'directly from the person', ja: '本人から直接取得' },
  AUTOMATIC: { en: 'automatically (tags, cookies, logs)', ja: '自動取得（タグ・クッキー・ログ）' },
  THIRD_PARTY: { en: 'from another business', ja: '第三者から取得' },
  PUBLIC: { en: 'from published sources', ja: '公開情報から取得' },
};

export const CLASS_TERMS: Record<DataClass, Localized> = {
  PERSONAL: { en: 'personal data', ja: '個人データ' },
  SPECIAL_CARE: { en: 'special care-required personal information', ja: '要配慮個人情報' },
  PERSONALLY_REFERABLE: { en: 'personally referable information', ja: '個人関連情報' },
  PSEUDONYMIZED: { en: 'pseudonymised information', ja: '仮名加工情報' },
  ANONYMIZED: { en: 'anonymised information', ja: '匿名加工情報' },
  STATISTICAL: { en: 'statistical information', ja: '統計情報' },
};

/** Classes that are personal data under APPI (what Arts. 27-30 are about). */
export const PERSONAL_CLASSES: readonly string[] = ['PERSONAL', 'SPECIAL_CARE'];

/**
 * Countries whose recipients are not "third parties in a foreign country" under APPI Art. 28(1): Japan,
 * and the EEA and the United Kingdom (PPC Rules 15, the adequacy decision). The same list as
 * cypher/rules/appi-28-1.cypher, which decides the finding; the ledger needs it to know when the Art.
 * 27(5) exemptions (entrustment, succession, joint use) stop applying.
 */
export const APPI_ADEQUATE_COUNTRIES: ReadonlySet<string> = new Set([
  'JP', 'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IS', 'IE',
  'IT', 'LV', 'LI', 'LT', 'LU', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'GB',
]);

/** An organization as a reader names it: its Japanese name in Japanese when the map has one. */
export function organizationName(org: { id: string; name?: string | null; nameJa?: string | null } | undefined, id: string, lang: Lang): string {
  if (!org) return id;
  if (lang === 'ja' && org.nameJa) return org.nameJa;
  return org.name ?? id;
}

/** "Name (id)"-free list separator joins belong to formatCell; this only picks a text by language. */
export function term(text: Localized, lang: Lang): string {
  return text[lang];
}

/** True when an interval [validFrom, validTo] holds on `asOf` (no date: always); data-map.md's "as of". */
export function inForce(element: { validFrom?: string | null; validTo?: string | null }, asOf: string | null): boolean {
  if (!asOf) return true;
  return (!element.validFrom || element.validFrom <= asOf) && (!element.validTo || element.validTo >= asOf);
}
