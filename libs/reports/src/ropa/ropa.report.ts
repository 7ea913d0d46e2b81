import { Injectable } from '@nestjs/common';
import { ReportBlock, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';

/** `ropa`: not built yet (placeholder so that every kind is registered). */
@Injectable()
export class RopaReport implements ReportBuilder {
  readonly kind = 'ropa' as const;
  readonly title = { en: 'Record of processing activities (GDPR Art. 30)', ja: '処理活動の記録（GDPR第30条）' };
  readonly requires: readonly ReportOption[] = [];

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, _progress: ReportProgress): AsyncIterable<ReportBlock> {
    yield { type: 'paragraph', text: input.lang === 'ja' ? 'この報告はまだ作成できません。' : 'This report cannot be built yet.' };
  }
}
