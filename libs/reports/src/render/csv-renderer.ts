import { formatCell, headerLines } from '../document/format-cell';
import { ReportDocument, ReportSink } from '../document/report-document';
import { renderWord } from './render-words';
import { TextWriter } from './text-writer';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Every table of the report, in order, for spreadsheet programs: UTF-8 with a byte-order mark (so
 * Excel reads Japanese), CRLF line ends, RFC 4180 quoting. Each table is a row with its title, the
 * row of column labels, then its rows as a reader sees them (formatCell); a blank line separates
 * tables. The file opens with the report's own details (title, map, version, recorded, as-of) as a
 * two-column table, so a CSV handed on still says what it was built from; facts blocks are
 * two-column tables too. A table or facts block without a title is named by the heading above it,
 * else by its key.
 */
export async function renderCsv(doc: ReportDocument, sink: ReportSink): Promise<void> {
  const { lang } = doc.header;
  const out = new TextWriter(sink);
  const twoColumns = [renderWord('item', lang), renderWord('value', lang)];
  await out.write(BOM);
  await out.write(csvLine([doc.header.title]));
  await out.write(csvLine(twoColumns));
  await out.write(csvLine([renderWord('title', lang), doc.header.title]));
  for (const line of headerLines(doc.header, lang)) await out.write(csvLine([line.label, line.value]));
  let lastHeading: string | null = null;
  for await (const block of doc.blocks) {
    if (block.type === 'heading') lastHeading = block.text;
    if (block.type === 'facts') {
      await out.write(CRLF);
      await out.write(csvLine([lastHeading ?? block.key]));
      await out.write(csvLine(twoColumns));
      for (const fact of block.facts) await out.write(csvLine([fact.label, formatCell(fact.value, fact.kind, lang)]));
    } else if (block.type === 'table') {
      await out.write(CRLF);
      await out.write(csvLine([block.title ?? lastHeading ?? block.key]));
      await out.write(csvLine(block.columns.map((column) => column.label)));
      for await (const row of block.rows) {
        await out.write(csvLine(block.columns.map((column) => formatCell(row[column.key] ?? null, column.kind, lang))));
      }
    }
  }
  await out.flush();
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or CR) gets a leading
 * apostrophe, which the program shows as text; then RFC 4180 quoting.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
