import { Lang, Localized } from '@tadoru/common';

/**
 * The map format's enumerations as a person or a regulator reads them, in both languages, with the
 * terms the APPI uses (shared/spec/data-map.md §Enumerations). Unknown values are shown as they are.
 */
const BASES: Record<string, Localized> = {
  INTERNAL: { en: 'within the same organization', ja: '同一法人内の移転' },
  CONSENT: { en: 'the person’s consent', ja: '本人の同意' },
  ENTRUSTMENT: { en: 'entrustment (APPI Art. 27(5)(i))', ja: '委託（第27条第5項第1号）' },
  SHARED_USE: { en: 'joint use (APPI Art. 27(5)(iii))', ja: '共同利用（第27条第5項第3号）' },
  SUCCESSION: { en: 'business succession (APPI Art. 27(5)(ii))', ja: '事業の承継（第27条第5項第2号）' },
  OPT_OUT: { en: 'opt-out (APPI Art. 27(2))', ja: 'オプトアウト（第27条第2項）' },
  LAW: { en: 'an exception under APPI Art. 27(1) (laws and regulations etc.)', ja: '法令に基づく場合等（第27条第1項各号）' },
  NOT_PERSONAL: { en: 'none: the sender claims nothing personal is provided', ja: 'なし（提供元は個人データの提供に当たらないと主張）' },
};

const CLASSES: Record<string, Localized> = {
  PERSONAL: { en: 'personal data', ja: '個人データ' },
  SPECIAL_CARE: { en: 'special care-required personal information', ja: '要配慮個人情報' },
  PERSONALLY_REFERABLE: { en: 'personally referable information', ja: '個人関連情報' },
  PSEUDONYMIZED: { en: 'pseudonymized information', ja: '仮名加工情報' },
  ANONYMIZED: { en: 'anonymized information', ja: '匿名加工情報' },
  STATISTICAL: { en: 'statistical information', ja: '統計情報' },
};

const METHODS: Record<string, Localized> = {
  DIRECT: { en: 'directly from the person', ja: '本人から直接取得' },
  AUTOMATIC: { en: 'automatically (tags, cookies, logs)', ja: '自動的に取得（タグ、クッキー、ログ等）' },
  THIRD_PARTY: { en: 'from another business', ja: '第三者から取得' },
  PUBLIC: { en: 'from published sources', ja: '公開情報から取得' },
};

export function basisLabel(basis: string, lang: Lang): string {
  return BASES[basis]?.[lang] ?? basis;
}

export function classLabel(cls: string, lang: Lang): string {
  return CLASSES[cls]?.[lang] ?? cls;
}

export function methodLabel(method: string, lang: Lang): string {
  return METHODS[method]?.[lang] ?? method;
}
