import { Finding } from './finding';

/** The finding as a paragraph: what happened, the law, the way the data came, and who is affected. */
export function explainFinding(f: Finding, language: 'en' | 'ja'): string {
  const steps = f.pathSteps.map((s) => {
    if (s.kind === 'COLLECTION') return language === 'en' ? `collected at ${s.fromSystem} (${s.toCategory})` : `${s.fromSystem} で取得（${s.toCategory}）`;
    if (s.kind === 'DERIVATION') return language === 'en' ? `turned into ${s.toCategory} by derivation ${s.via} at ${s.toSystem}` : `${s.toSystem} の加工 ${s.via} により ${s.toCategory} を生成`;
    return language === 'en' ? `sent by flow ${s.via} from ${s.fromSystem} to ${s.toSystem}` : `フロー ${s.via} で ${s.fromSystem} から ${s.toSystem} へ`;
  });
  if (language === 'en') {
    const people = f.affectedPeople !== null ? ` People affected: ${f.affectedPeople.toLocaleString('en-US')}.` : '';
    return `${f.message} ${f.explanation.en} (${f.citation}) The data was ${steps.join(', then ')}.${people}`;
  }
  const people = f.affectedPeople !== null ? `対象者：${f.affectedPeople.toLocaleString('en-US')} 人。` : '';
  return `${f.messageJa} ${f.explanation.ja}（${f.citation}）データの経路：${steps.join('、')}。${people}`;
}
