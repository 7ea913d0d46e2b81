import { ReportDocument, ReportFormat, ReportSink } from '../document/report-document';
import { renderCsv } from './csv-renderer';
import { renderHtml } from './html-renderer';
import { renderJson } from './json-renderer';
import { renderMarkdown } from './markdown-renderer';
import { renderPdf } from './pdf-renderer';

const RENDERERS: Record<ReportFormat, (doc: ReportDocument, sink: ReportSink) => Promise<void>> = {
  json: renderJson,
  csv: renderCsv,
  markdown: renderMarkdown,
  html: renderHtml,
  pdf: renderPdf,
};

/**
 * Writes `doc` to `sink` in `format`, consuming the blocks (and a table's rows) as they arrive, so
 * memory stays bounded however long the report is. Resolves once everything has been written.
 */
export function renderReport(doc: ReportDocument, format: ReportFormat, sink: ReportSink): Promise<void> {
  return RENDERERS[format](doc, sink);
}
