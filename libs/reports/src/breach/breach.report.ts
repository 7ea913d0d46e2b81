import { Injectable } from '@nestjs/common';
import { ReportBlock, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';

/** `breach`: not built yet (placeholder so that every kind is registered). */
@Injectable()
export class BreachReport implements ReportBuilder {
  readonly kind = 'breach' as const;
  readonly title = { en: 'Breach scope', ja: '漏えい等の影響範囲' };
  readonly requires: readonly ReportOption[] = ['system', 'since'];

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, _progress: ReportProgress): AsyncIterable<ReportBlock> {
    yield { type: 'paragraph', text: input.lang === 'ja' ? 'この報告はまだ作成できません。' : 'This report cannot be built yet.' };
  }
}
