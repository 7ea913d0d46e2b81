import { CellValue, Column, isMissing, ReportDocument, ReportSink, Row } from '../document/report-document';
import { TextWriter } from './text-writer';

/**
 * `{ "report": <header>, <block key>: <facts object | array of rows | {title, svg, alt}>, … }`, pretty
 * printed with two spaces and written block by block (a table row by row). Values stay raw: ISO
 * dates, plain numbers, booleans, arrays, and `{"missing": true, "requiredBy": …}` for a required
 * item the map lacks. Text blocks (headings, paragraphs, lists) and page breaks are for readers and
 * are left out. A row holds exactly its table's column keys, in column order (null when absent).
 * Should two blocks share a key, the later one is written as `<key>_2`, `<key>_3`… so the document
 * stays valid JSON with no value lost.
 */
export async function renderJson(doc: ReportDocument, sink: ReportSink): Promise<void> {
  const out = new TextWriter(sink);
  const used = new Map<string, number>([['report', 1]]);
  const uniqueKey = (key: string) => {
    const count = (used.get(key) ?? 0) + 1;
    used.set(key, count);
    return count === 1 ? key : `${key}_${count}`;
  };
  await out.write(`{\n  "report": ${indent(JSON.stringify(doc.header, null, 2), 2)}`);
  for await (const block of doc.blocks) {
    if (block.type === 'facts') {
      const facts: Record<string, unknown> = {};
      for (const fact of block.facts) facts[fact.key] = rawValue(fact.value);
      await out.write(`,\n  ${JSON.stringify(uniqueKey(block.key))}: ${indent(JSON.stringify(facts, null, 2), 2)}`);
    } else if (block.type === 'diagram') {
      const diagram = { title: block.title, svg: block.svg, alt: block.alt };
      await out.write(`,\n  ${JSON.stringify(uniqueKey(block.key))}: ${indent(JSON.stringify(diagram, null, 2), 2)}`);
    } else if (block.type === 'table') {
      await out.write(`,\n  ${JSON.stringify(uniqueKey(block.key))}: [`);
      let first = true;
      for await (const row of block.rows) {
        await out.write(`${first ? '' : ','}\n    ${indent(JSON.stringify(rawRow(row, block.columns), null, 2), 4)}`);
        first = false;
      }
      await out.write(first ? ']' : '\n  ]');
    }
  }
  await out.write('\n}\n');
  await out.flush();
}

function rawRow(row: Row, columns: Column[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const column of columns) raw[column.key] = rawValue(row[column.key]);
  return raw;
}

function rawValue(value: CellValue | undefined): unknown {
  if (value === undefined || value === null) return null;
  if (isMissing(value)) return value.requiredBy === undefined ? { missing: true } : { missing: true, requiredBy: value.requiredBy };
  return value;
}

function indent(json: string, spaces: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}
