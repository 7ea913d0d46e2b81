import { ReportDocument, ReportFormat, ReportSink } from '../document/report-document';

/** Placeholder until the renderers land: JSON of the header only. */
export async function renderReport(doc: ReportDocument, format: ReportFormat, sink: ReportSink): Promise<void> {
  void format;
  for await (const block of doc.blocks) void block;
  await sink.write(JSON.stringify({ report: doc.header }, null, 2));
}
