import { Lang } from '@tadoru/common';

/**
 * A citation as the kinds write it (`APPI Art. 32(1)(i)`, `APPI Rules 24(1)(ii)`, `Order Art. 10(i)`,
 * `GDPR Art. 30(1)(a)`) in the report's language: Japanese cites statutes by 条・項・号
 * (個人情報保護法第32条第1項第1号). Text that is not such a citation is returned as it is.
 */
const LAWS: Array<{ pattern: RegExp; ja: string }> = [
  { pattern: /APPI Rules?\s+/y, ja: '個人情報保護法施行規則' },
  { pattern: /APPI Order Art\.\s*|Order Art\.\s*/y, ja: '個人情報保護法施行令' },
  { pattern: /APPI Art(?:s)?\.\s*/y, ja: '個人情報保護法' },
  { pattern: /ESA Art\.\s*/y, ja: '職業安定法' },
  { pattern: /GDPR Art\.\s*/y, ja: 'GDPR' },
];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };

export function localizeCitation(text: string, lang: Lang): string {
  if (lang !== 'ja') return text;
  return text.replace(/(APPI Rules?|APPI Order Art\.|Order Art\.|APPI Arts?\.|ESA Art\.|GDPR Art\.)\s*(\d+(?:-\d+)*)((?:\([0-9a-z]+\))*)/g, (whole: string) => citationJa(whole) ?? whole);
}

function citationJa(citation: string): string | undefined {
  for (const law of LAWS) {
    law.pattern.lastIndex = 0;
    const head = law.pattern.exec(citation);
    if (!head) continue;
    const rest = /^(\d+(?:-\d+)*)((?:\([0-9a-z]+\))*)$/.exec(citation.slice(head[0].length));
    if (!rest) return undefined;
    const gdpr = law.ja === 'GDPR';
    const [article, ...branches] = rest[1].split('-');
    let out = `${law.ja}第${article}条${branches.map((b) => `の${b}`).join('')}`;
    for (const [, part] of rest[2].matchAll(/\(([0-9a-z]+)\)/g)) {
      if (/^\d+$/.test(part)) out += `第${part}項`;
      else if (!gdpr && ROMAN[part]) out += `第${ROMAN[part]}号`;
      else out += `(${part})`;
    }
    return out;
  }
  return undefined;
}
