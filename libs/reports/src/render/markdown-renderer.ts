import { formatCell, headerLines } from '../document/format-cell';
import { CellValue, isMissing, ReportDocument, ReportSink } from '../document/report-document';
import { renderWord } from './render-words';
import { TextWriter } from './text-writer';

/**
 * GitHub-flavoured Markdown: the title, the header lines, then the blocks. Headings sit one level
 * under the title; notes and warnings are block quotes; facts and tables are pipe tables with `|`
 * and line breaks escaped; a missing required item is bold. Diagrams cannot be embedded reliably
 * in a Markdown file, so they are given as their text alternative with a note saying where the
 * drawing is. Text is escaped so that nothing in the data becomes markup (or raw HTML).
 */
export async function renderMarkdown(doc: ReportDocument, sink: ReportSink): Promise<void> {
  const { lang } = doc.header;
  const out = new TextWriter(sink);
  await out.write(`# ${inline(doc.header.title)}\n\n`);
  for (const line of headerLines(doc.header, lang)) await out.write(`- **${inline(line.label)}:** ${inline(line.value)}\n`);
  for await (const block of doc.blocks) {
    switch (block.type) {
      case 'heading':
        await out.write(`\n${'#'.repeat(block.level + 1)} ${inline(block.text)}\n`);
        break;
      case 'paragraph': {
        const text = paragraph(block.text);
        if (block.tone === 'warning') await out.write(`\n> **${renderWord('warning', lang)}:** ${text.replace(/\n/g, '\n> ')}\n`);
        else if (block.tone === 'note') await out.write(`\n> ${text.replace(/\n/g, '\n> ')}\n`);
        else await out.write(`\n${text}\n`);
        break;
      }
      case 'list':
        await out.write('\n');
        for (const item of block.items) await out.write(`- ${inline(item).replace(/\n/g, '\n  ')}\n`);
        break;
      case 'facts':
        await out.write(`\n| ${cell(renderWord('item', lang))} | ${cell(renderWord('value', lang))} |\n| --- | --- |\n`);
        for (const fact of block.facts) await out.write(`| ${cell(fact.label)} | ${valueCell(fact.value, formatCell(fact.value, fact.kind, lang))} |\n`);
        break;
      case 'table': {
        if (block.title) await out.write(`\n**${inline(block.title)}**\n`);
        await out.write(`\n| ${block.columns.map((column) => cell(column.label)).join(' | ')} |\n`);
        await out.write(`|${block.columns.map(() => ' --- ').join('|')}|\n`);
        let empty = true;
        for await (const row of block.rows) {
          empty = false;
          const cells = block.columns.map((column) => {
            const value = row[column.key] ?? null;
            return valueCell(value, formatCell(value, column.kind, lang));
          });
          await out.write(`| ${cells.join(' | ')} |\n`);
        }
        if (empty) await out.write(`\n_${inline(renderWord('noRows', lang))}_\n`);
        break;
      }
      case 'diagram':
        await out.write(`\n**${inline(renderWord('diagram', lang))}: ${inline(block.title)}**\n\n${paragraph(block.alt)}\n\n_${inline(renderWord('diagramNote', lang))}_\n`);
        break;
      case 'page-break':
        break;
    }
  }
  await out.flush();
}

/** Backslash-escapes what Markdown would read as emphasis, code, links or HTML. */
export function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/\r\n?/g, '\n');
}

/** A paragraph keeps its line breaks (as hard breaks), and its first character is not read as a list or heading marker. */
function paragraph(text: string): string {
  return inline(text)
    .split('\n')
    .map((line) => line.replace(/^(\s*)([-+])(\s)/, '$1\\$2$3').replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4'))
    .join('  \n');
}

/** A pipe-table cell: one line, pipes escaped (inline() already did), line breaks as <br>. */
export function cell(text: string): string {
  return inline(text).replace(/\n/g, '<br>');
}

function valueCell(value: CellValue, text: string): string {
  return isMissing(value) ? `**${cell(text)}**` : cell(text);
}
