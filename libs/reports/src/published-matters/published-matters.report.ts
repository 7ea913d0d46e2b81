import { Injectable } from '@nestjs/common';
import { ReportBlock, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';

/** `published-matters`: not built yet (placeholder so that every kind is registered). */
@Injectable()
export class PublishedMattersReport implements ReportBuilder {
  readonly kind = 'published-matters' as const;
  readonly title = { en: 'Matters to publish on retained personal data (APPI Art. 32)', ja: '保有個人データに関する事項の公表（個人情報保護法第32条）' };
  readonly requires: readonly ReportOption[] = [];

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, _progress: ReportProgress): AsyncIterable<ReportBlock> {
    yield { type: 'paragraph', text: input.lang === 'ja' ? 'この報告はまだ作成できません。' : 'This report cannot be built yet.' };
  }
}
