import { Injectable } from '@nestjs/common';
import { ReportBlock, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';

/** `disclosure`: not built yet (placeholder so that every kind is registered). */
@Injectable()
export class DisclosureReport implements ReportBuilder {
  readonly kind = 'disclosure' as const;
  readonly title = { en: 'Disclosure to the person', ja: '本人への開示' };
  readonly requires: readonly ReportOption[] = ['person'];

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, _progress: ReportProgress): AsyncIterable<ReportBlock> {
    yield { type: 'paragraph', text: input.lang === 'ja' ? 'この報告はまだ作成できません。' : 'This report cannot be built yet.' };
  }
}
