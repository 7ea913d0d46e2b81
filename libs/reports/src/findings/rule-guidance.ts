import { Lang, Localized } from '@tadoru/common';
import { RuleDefinition, Severity } from '@tadoru/rules';

/**
 * What a regulator-facing report says about each rule beyond its file's header: the title and the
 * citation in Japanese as the statutes are cited, and what would cure a finding (from the rule
 * catalogue, shared/spec/rules.md). The header's citation stays the English one; a rule added to the
 * catalogue without an entry here is reported with its header's texts and a plain "no cure written".
 */
export interface RuleGuidance {
  titleJa: string;
  citationJa: string;
  cure: Localized;
}

export const RULE_GUIDANCE: Readonly<Record<string, RuleGuidance>> = {
  'APPI-18-1': {
    titleJa: '取得時の利用目的を超えた個人情報の取扱い',
    citationJa: '個人情報保護法第18条第1項［旧第16条第1項］',
    cure: {
      en: 'Obtain the people’s prior consent to the new use, or stop using the data beyond the purposes notified when it was collected (a change of purpose that Art. 17(2) allows must be notified or published first).',
      ja: '新たな利用について本人の同意をあらかじめ得るか、取得時に通知した利用目的の範囲を超える取扱いをやめる（第17条第2項の範囲内の利用目的の変更であれば、あらかじめ本人に通知し又は公表する）。',
    },
  },
  'APPI-20-2': {
    titleJa: '本人の同意のない要配慮個人情報の取得',
    citationJa: '個人情報保護法第20条第2項［旧第17条第2項］',
    cure: {
      en: 'Obtain the people’s prior consent before collecting the special care-required information, or stop collecting it and delete what was collected without consent.',
      ja: '要配慮個人情報を取得する前に本人の同意を得るか、取得をやめ、同意なく取得したものを削除する。',
    },
  },
  'APPI-21-1': {
    titleJa: '利用目的の通知又は公表がない',
    citationJa: '個人情報保護法第21条第1項［旧第18条第1項］、第17条第1項［旧第15条第1項］',
    cure: {
      en: 'State the purpose in the organization’s notice (privacy policy) and notify the people or publish it before the data is used for it; until then, stop the use.',
      ja: '当該利用目的を通知（プライバシーポリシー）に明記して本人に通知し又は公表する。それまでは当該目的での利用をやめる。',
    },
  },
  'APPI-27-1': {
    titleJa: '本人の同意のない第三者提供',
    citationJa: '個人情報保護法第27条第1項［旧第23条第1項］（グループ会社も第三者に当たる）',
    cure: {
      en: 'Obtain the people’s prior consent to the provision, or stop the provision.',
      ja: '提供について本人の同意をあらかじめ得るか、提供をやめる。',
    },
  },
  'APPI-27-2': {
    titleJa: '認められないオプトアウトによる第三者提供',
    citationJa: '個人情報保護法第27条第2項～第4項［旧第23条第2項～第4項］',
    cure: {
      en: 'Stop the opt-out provision and obtain the people’s consent instead; opt-out needs a filing with the PPC and may never carry special care-required data or data itself obtained by opt-out.',
      ja: 'オプトアウトによる提供をやめ、本人の同意を得る。オプトアウトによる提供には個人情報保護委員会への届出が必要であり、要配慮個人情報及びオプトアウトにより取得した個人データは対象にできない。',
    },
  },
  'APPI-27-5-1': {
    titleJa: '委託の範囲を超えた委託データの取扱い',
    citationJa: '個人情報保護法第27条第5項第1号［旧第23条第5項第1号］、個人情報保護委員会ガイドラインQ&A（委託）',
    cure: {
      en: 'Stop matching the entrusted data with data the contractor holds itself or received from other clients, or treat the transfer as a third-party provision and obtain the people’s consent.',
      ja: '委託先における自ら取得したデータ又は他の委託元のデータとの突合をやめるか、第三者提供として本人の同意を得る。',
    },
  },
  'APPI-27-5-3': {
    titleJa: '共同利用の範囲外での共有',
    citationJa: '個人情報保護法第27条第5項第3号［旧第23条第5項第3号］',
    cure: {
      en: 'Complete the joint use declaration (items, users, purposes, responsible manager), make it known to the people in advance and keep the sharing within it; share anything beyond it only with consent.',
      ja: '共同利用する項目、共同利用者の範囲、利用目的及び管理責任者をあらかじめ本人に通知し又は容易に知り得る状態に置き、その範囲内で共有する。範囲外の共有は本人の同意を得て行う。',
    },
  },
  'APPI-28-1': {
    titleJa: '同意又は基準適合体制のない外国にある第三者への提供',
    citationJa: '個人情報保護法第28条第1項［旧第24条］、施行規則第15条・第16条',
    cure: {
      en: 'Obtain consent to the provision abroad after giving the information Art. 28(2) requires (the country and its regime), or bind the recipient by contract to equivalent measures; otherwise stop the provision.',
      ja: '第28条第2項の情報（提供先の国名及びその制度等）を提供した上で外国にある第三者への提供について本人の同意を得るか、契約等により提供先に基準適合体制を整備させる。いずれもできなければ提供をやめる。',
    },
  },
  'APPI-29': {
    titleJa: '第三者提供記録の未作成',
    citationJa: '個人情報保護法第29条［旧第25条］、施行規則第19条～第21条',
    cure: {
      en: 'Record each provision (recipient, the people concerned, the items, and the consent) as PPC Rules 19–21 require, and keep the records for the retention period (1 or 3 years).',
      ja: '施行規則第19条～第21条に従い、提供ごとに記録（提供先、本人、項目及び本人の同意）を作成し、保存期間（1年又は3年）保存する。',
    },
  },
  'APPI-31-1': {
    titleJa: '本人の同意が確認されていない個人関連情報の提供',
    citationJa: '個人情報保護法第31条第1項［2020年改正で新設。リクナビ事案への直接の対応］',
    cure: {
      en: 'Before providing, confirm that the recipient has obtained the people’s consent to acquire the data as personal data (and record the confirmation), or stop the provision.',
      ja: '提供前に、提供先が本人から個人データとして取得することを認める旨の同意を得ていることを確認し（確認記録を作成する）、確認できなければ提供をやめる。',
    },
  },
  'APPI-35': {
    titleJa: '同意撤回後の提供の継続',
    citationJa: '個人情報保護法第35条［旧第30条］',
    cure: {
      en: 'Stop the provision for the people who withdrew their consent.',
      ja: '同意を撤回した本人について、当該同意に基づく提供を停止する。',
    },
  },
  'APPI-41-6': {
    titleJa: '仮名加工情報の第三者提供',
    citationJa: '個人情報保護法第41条第6項［2020年改正で新設］',
    cure: {
      en: 'Stop providing the pseudonymized information to third parties; it may be passed on only by entrustment, succession or joint use.',
      ja: '仮名加工情報の第三者提供をやめる（委託、事業承継又は共同利用による場合に限り取り扱わせることができる）。',
    },
  },
  'ESA-5-5-PROFILE': {
    titleJa: '求職者のプロファイリング結果の求人者への提供',
    citationJa: '職業安定法第5条の5［旧第5条の4］及び求職者等の個人情報の取扱いに関する指針、東京労働局の指導（2019年9月6日）',
    cure: {
      en: 'Stop giving employers predictions or scores made from job seekers’ behaviour (consent does not cure it); collect, keep and use job seekers’ information only within the purposes clarified to them.',
      ja: '求職者の行動履歴等から推計した評価等の求人者への提供をやめる（本人の同意があっても是正されない）。求職者の個人情報は、明示した目的の範囲内でのみ収集、保管及び使用する。',
    },
  },
};

export const SEVERITY_LABELS: Record<Severity, Localized> = {
  critical: { en: 'critical', ja: '重大' },
  high: { en: 'high', ja: '高' },
  medium: { en: 'medium', ja: '中' },
  low: { en: 'low', ja: '低' },
};

export const TARGET_KIND_LABELS: Record<string, Localized> = {
  flow: { en: 'Flow', ja: 'フロー' },
  derivation: { en: 'Derivation', ja: '加工' },
  collection: { en: 'Collection', ja: '取得' },
  notice: { en: 'Notice', ja: '通知' },
  organization: { en: 'Organization', ja: '組織' },
};

/** What the square brackets of a citation mean, once per report. */
export const CITATION_NOTE: Localized = {
  en: 'Article numbers are those in force since 1 April 2022 (APPI) and 1 October 2022 (Employment Security Act). The numbers in square brackets are the article numbers before those amendments, which the regulators cited in the 2019 Rikunabi decisions; "new" marks a provision that had no earlier number.',
  ja: '条番号は、個人情報保護法については2022年4月1日、職業安定法については2022年10月1日に施行された改正後のものである。［ ］内は改正前の条番号であり、2019年のリクナビ事案における勧告・指導ではこちらが用いられている。「新設」は改正前に相当する条文がないことを示す。',
};

export function ruleTitle(rule: Pick<RuleDefinition, 'id' | 'title'>, lang: Lang): string {
  return lang === 'ja' ? (RULE_GUIDANCE[rule.id]?.titleJa ?? rule.title) : rule.title;
}

export function ruleCitation(rule: Pick<RuleDefinition, 'id' | 'citation'>, lang: Lang): string {
  return lang === 'ja' ? (RULE_GUIDANCE[rule.id]?.citationJa ?? rule.citation) : rule.citation;
}

export function ruleCure(ruleId: string, lang: Lang): string {
  const cure = RULE_GUIDANCE[ruleId]?.cure;
  if (cure) return cure[lang];
  return lang === 'ja' ? '是正方法は未記載（規則の説明を参照）。' : 'No cure is written for this rule yet (see its explanation).';
}
