import { Args, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '@tadoru/auth';
import { renderReport, ReportsService } from '@tadoru/reports';
import { ReportArgs } from './report.args';
import { downloadPath } from './report-request';
import { ReportType } from './report.type';

/** A report as JSON, and where to download it in another format. */
@Resolver()
export class ReportResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => ReportType, {
    description:
      'Builds a regulator-facing report of one version of a map (the current one, or `version` from its history) and returns it as JSON with a download URL for the requested format (PDF by default). Missing options a kind needs (`person`, `system`, `since`) are BAD_USER_INPUT naming them.',
  })
  @Requires('reports')
  async report(@Args() args: ReportArgs): Promise<ReportType> {
    const request = this.reports.check({ ...args, format: 'json' });
    const doc = await this.reports.build(request);
    const chunks: string[] = [];
    await renderReport(doc, 'json', { write: (chunk) => void chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) });
    const { header } = doc;
    return {
      kind: header.kind,
      title: header.title,
      lang: header.lang,
      map: header.map,
      version: header.version,
      versionRecordedAt: header.versionRecordedAt,
      asOf: header.asOf,
      json: chunks.join(''),
      downloadUrl: downloadPath({ ...args, format: args.format ?? 'pdf', version: header.version }),
    };
  }
}
