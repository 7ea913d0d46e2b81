import { Injectable } from '@nestjs/common';
import { ReportBlock, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';

/** `ledger`: not built yet (placeholder so that every kind is registered). */
@Injectable()
export class LedgerReport implements ReportBuilder {
  readonly kind = 'ledger' as const;
  readonly title = { en: 'Third-party provision and receipt ledger', ja: '第三者提供・受領記録簿' };
  readonly requires: readonly ReportOption[] = [];

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, _progress: ReportProgress): AsyncIterable<ReportBlock> {
    yield { type: 'paragraph', text: input.lang === 'ja' ? 'この報告はまだ作成できません。' : 'This report cannot be built yet.' };
  }
}
