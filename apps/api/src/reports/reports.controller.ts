import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Requires } from '@tadoru/auth';
import { DomainError, InvalidInputError } from '@tadoru/common';
import { CONTENT_TYPES, FILE_EXTENSIONS, renderReport, ReportsService } from '@tadoru/reports';
import { REPORT_QUERY_PARAMETERS } from './report-request';

const HTTP_STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, UNAUTHENTICATED: 401, FORBIDDEN: 403, UNAVAILABLE: 503 };

/**
 * `GET /reports/<kind>?map=…&format=pdf&lang=ja…`: a report as a file, for DPOs and auditors (the
 * `downloadUrl` of the GraphQL `report` query). Errors before the first byte are JSON with the same
 * codes as GraphQL; the file name says map, kind, version and language.
 */
@Controller('reports')
export class ReportsController {
  private readonly logger = new Logger('Reports');

  constructor(private readonly reports: ReportsService) {}

  @Get(':kind')
  @Requires('reports')
  async download(@Param('kind') kind: string, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    try {
      const request = this.reports.check({ kind, ...this.parameters(query) });
      const doc = await this.reports.build(request);
      const ext = FILE_EXTENSIONS[request.format];
      const name = `${request.map}-${request.kind}-v${doc.header.version}-${request.lang}.${ext}`;
      res.status(200);
      res.setHeader('Content-Type', CONTENT_TYPES[request.format]);
      res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.setHeader('Cache-Control', 'no-store');
      await renderReport(doc, request.format, { write: (chunk) => writeTo(res, chunk) });
      res.end();
    } catch (error) {
      if (res.headersSent) {
        // Mid-stream: the status is sent; cut the connection so the client sees an incomplete file, not a complete-looking one.
        this.logger.error(error instanceof Error ? error.message : String(error));
        res.destroy();
        return;
      }
      if (error instanceof DomainError) {
        const body: Record<string, unknown> = { code: error.code, message: error.message };
        if (error instanceof InvalidInputError) body.problems = error.problems;
        res.status(HTTP_STATUS[error.code] ?? 500).json({ error: body });
        return;
      }
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'internal error' } });
    }
  }

  /** Only the known parameters, each given once, as strings (a repeated one is refused naming it). */
  private parameters(query: Record<string, unknown>) {
    const problems: Array<{ path: string; message: string }> = [];
    const value = (name: string): string | undefined => {
      const v = query[name];
      if (v === undefined) return undefined;
      if (typeof v !== 'string') {
        problems.push({ path: name, message: 'must be given once, as text' });
        return undefined;
      }
      return v;
    };
    for (const name of Object.keys(query)) {
      if (!(REPORT_QUERY_PARAMETERS as readonly string[]).includes(name)) problems.push({ path: name, message: `is not a report parameter (expected ${REPORT_QUERY_PARAMETERS.join(', ')})` });
    }
    const version = value('version');
    if (version !== undefined && !/^\d+$/.test(version)) problems.push({ path: 'version', message: `must be a version (1 or more), got "${version}"` });
    const params = {
      map: value('map') ?? '',
      format: value('format') ?? 'pdf',
      lang: value('lang'),
      person: value('person'),
      system: value('system'),
      since: value('since'),
      version: version !== undefined && /^\d+$/.test(version) ? Number(version) : undefined,
      asOf: value('asOf'),
    };
    if (problems.length > 0) throw new InvalidInputError(problems);
    return params;
  }
}

function writeTo(res: Response, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    res.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}
