import { Injectable } from '@nestjs/common';
import { ReportBlock, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';

/** `findings`: not built yet (placeholder so that every kind is registered). */
@Injectable()
export class FindingsReport implements ReportBuilder {
  readonly kind = 'findings' as const;
  readonly title = { en: 'Findings report', ja: '指摘事項報告書' };
  readonly requires: readonly ReportOption[] = [];

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, _progress: ReportProgress): AsyncIterable<ReportBlock> {
    yield { type: 'paragraph', text: input.lang === 'ja' ? 'この報告はまだ作成できません。' : 'This report cannot be built yet.' };
  }
}
