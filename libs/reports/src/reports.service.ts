import { Inject, Injectable } from '@nestjs/common';
import { MapDirectoryService, PinnedMap } from '@tadoru/catalog';
import { checkAsOf, InvalidInputError, isIsoDate, isLang, Lang, LANGS, NotFoundError, Problem } from '@tadoru/common';
import { HistoryService } from '@tadoru/store';
import { REPORT_FORMATS, REPORT_KINDS, ReportDocument, ReportFormat, ReportHeader, ReportKindName } from './document/report-document';
import { REPORT_BUILDERS, ReportBuilder, ReportInput, ReportOption, ReportProgress } from './document/report-kind';

/** A report as a user asks for it (the command's flags, the GraphQL arguments), not yet checked. */
export interface ReportRequest {
  kind: string;
  map: string;
  lang?: string | null;
  format?: string | null;
  person?: string | null;
  system?: string | null;
  since?: string | null;
  /** A past version from the history; absent: the current version. */
  version?: number | null;
  asOf?: string | null;
}

/** A request that passed every check: what a report is built from. */
export interface CheckedReportRequest {
  kind: ReportKindName;
  map: string;
  lang: Lang;
  format: ReportFormat;
  person: string | null;
  system: string | null;
  since: string | null;
  version: number | null;
  asOf: string | null;
}

const OPTION_FLAGS: Record<ReportOption, string> = { person: 'person', system: 'system', since: 'since' };

/**
 * Builds the report documents of every kind: checks the request (every problem at once, each naming
 * its field), pins the map version it is built from (the current one, or a past one rebuilt from the
 * history), and hands the kind its input. The same request on the same version gives the same
 * document, which is what makes a report handed to a regulator reproducible.
 */
@Injectable()
export class ReportsService {
  private readonly builders: Map<ReportKindName, ReportBuilder>;

  constructor(
    @Inject(REPORT_BUILDERS) builders: ReportBuilder[],
    private readonly directory: MapDirectoryService,
    private readonly history: HistoryService,
  ) {
    this.builders = new Map(builders.map((b) => [b.kind, b]));
  }

  /** Every kind with its title and the options it needs, for help text and the GraphQL schema. */
  kinds(): Array<Pick<ReportBuilder, 'kind' | 'title' | 'requires'>> {
    return REPORT_KINDS.map((kind) => this.builder(kind));
  }

  check(request: ReportRequest): CheckedReportRequest {
    const problems: Problem[] = [];
    const kind = request.kind as ReportKindName;
    if (!REPORT_KINDS.includes(kind)) problems.push({ path: 'kind', message: `must be one of ${REPORT_KINDS.join(', ')}, got "${request.kind}"` });
    if (!request.map) problems.push({ path: 'map', message: 'is required' });
    const lang = request.lang ?? 'en';
    if (!isLang(lang)) problems.push({ path: 'lang', message: `must be one of ${LANGS.join(', ')}, got "${lang}"` });
    const format = (request.format ?? 'json') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) problems.push({ path: 'format', message: `must be one of ${REPORT_FORMATS.join(', ')}, got "${request.format}"` });
    const version = request.version ?? null;
    if (version !== null && (!Number.isInteger(version) || version < 1)) problems.push({ path: 'version', message: `must be a version (1 or more), got ${version}` });
    const asOf = checkAsOf(request.asOf, problems, 'asOf');
    const since = request.since ?? null;
    if (since !== null && !isIsoDate(since)) problems.push({ path: 'since', message: `must be a date YYYY-MM-DD, got "${since}"` });
    const given: Record<ReportOption, string | null> = { person: request.person ?? null, system: request.system ?? null, since };
    if (REPORT_KINDS.includes(kind)) {
      const builder = this.builder(kind);
      for (const option of builder.requires) {
        if (!given[option]) problems.push({ path: OPTION_FLAGS[option], message: `is required for a ${kind} report` });
      }
      for (const option of Object.keys(given) as ReportOption[]) {
        if (given[option] && !builder.requires.includes(option)) problems.push({ path: OPTION_FLAGS[option], message: `is not used by a ${kind} report (it takes ${builder.requires.map((o) => OPTION_FLAGS[o]).join(', ') || 'no such option'})` });
      }
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
    return { kind, map: request.map, lang: lang as Lang, format, person: given.person, system: given.system, since, version, asOf };
  }

  /**
   * The document of a checked request. Its blocks are produced as they are read: a renderer that
   * consumes them streams the report out without holding it whole.
   */
  async build(request: CheckedReportRequest, progress: ReportProgress = () => undefined): Promise<ReportDocument> {
    const builder = this.builder(request.kind);
    const map = await this.pin(request.map, request.version);
    const input: ReportInput = { map, version: map.version, lang: request.lang, asOf: request.asOf, person: request.person, system: request.system, since: request.since };
    const recorded = await this.recorded(request.map, map.version);
    const header: ReportHeader = {
      kind: request.kind,
      title: builder.title[request.lang],
      lang: request.lang,
      map: request.map,
      version: map.version,
      versionRecordedAt: recorded?.at ?? null,
      versionActor: recorded?.actor ?? null,
      asOf: request.asOf,
      scope: builder.scope(input),
    };
    return { header, blocks: builder.build(input, progress) };
  }

  private async pin(map: string, version: number | null): Promise<PinnedMap> {
    if (version === null) return this.directory.pin(map);
    return this.history.pinVersion(map, version);
  }

  /** When the version was written and by whom; null for a version written before history was kept. */
  private async recorded(map: string, version: number): Promise<{ at: string; actor: string } | null> {
    try {
      const record = await this.history.record(map, version);
      return { at: record.at, actor: record.actor.name };
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  private builder(kind: ReportKindName): ReportBuilder {
    const builder = this.builders.get(kind);
    if (!builder) throw new Error(`no report builder is registered for "${kind}"`);
    return builder;
  }
}
