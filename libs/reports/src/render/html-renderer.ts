import { formatCell, headerLines } from '../document/format-cell';
import { CellKind, CellValue, isMissing, ReportBlock, ReportDocument, ReportHeader, ReportSink } from '../document/report-document';
import { renderWord } from './render-words';
import { TextWriter } from './text-writer';
import { printsAsRecords, recordItems } from './wide-tables';

/**
 * One self-contained printable page: inline CSS only and nothing fetched from anywhere (no fonts,
 * scripts or images), so the file opens the same offline, in an archive or attached to a letter.
 * Print: A4 with margins, the title and page number in the page margins where the browser supports
 * CSS page-margin boxes, table headers repeated on each page, rows never split, page breaks where
 * the report asks. A missing required item is red, bold and framed with a dashed line, so it still
 * stands out in greyscale.
 */
export async function renderHtml(doc: ReportDocument, sink: ReportSink): Promise<void> {
  const { header } = doc;
  const { lang } = header;
  const out = new TextWriter(sink);
  await out.write(`<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="tadoru">\n`);
  await out.write(`<title>${escapeHtml(header.title)}</title>\n<style>\n${stylesheet(header)}</style>\n</head>\n<body>\n`);
  await out.write(`<header class="report-header">\n<h1>${escapeHtml(header.title)}</h1>\n<dl>\n`);
  for (const line of headerLines(header, lang)) await out.write(`<dt>${escapeHtml(line.label)}</dt><dd>${escapeHtml(line.value)}</dd>\n`);
  await out.write('</dl>\n</header>\n<main>\n');
  for await (const block of doc.blocks) {
    switch (block.type) {
      case 'heading':
        await out.write(`<h${block.level + 1}>${escapeHtml(block.text)}</h${block.level + 1}>\n`);
        break;
      case 'paragraph': {
        const tone = block.tone ?? 'normal';
        const label = tone === 'warning' ? `<strong>${escapeHtml(renderWord('warning', lang))}:</strong> ` : '';
        await out.write(`<p class="${tone}">${label}${escapeHtml(block.text)}</p>\n`);
        break;
      }
      case 'list':
        await out.write(`<ul>\n${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>\n`);
        break;
      case 'facts':
        await out.write(`<table class="facts" data-key="${escapeHtml(block.key)}">\n<tbody>\n`);
        for (const fact of block.facts) await out.write(`<tr><th scope="row">${escapeHtml(fact.label)}</th>${valueCell(fact.value, fact.kind, lang, false)}</tr>\n`);
        await out.write('</tbody>\n</table>\n');
        break;
      case 'table': {
        if (printsAsRecords(block.columns)) {
          await writeRecords(out, block, lang);
          break;
        }
        await out.write(`<table class="data" data-key="${escapeHtml(block.key)}">\n`);
        if (block.title) await out.write(`<caption>${escapeHtml(block.title)}</caption>\n`);
        await out.write(`<thead>\n<tr>${block.columns.map((column) => `<th scope="col"${numeric(column.kind) ? ' class="num"' : ''}>${escapeHtml(column.label)}</th>`).join('')}</tr>\n</thead>\n<tbody>\n`);
        let empty = true;
        for await (const row of block.rows) {
          empty = false;
          await out.write(`<tr>${block.columns.map((column) => valueCell(row[column.key] ?? null, column.kind, lang)).join('')}</tr>\n`);
        }
        if (empty) await out.write(`<tr><td class="empty" colspan="${block.columns.length}">${escapeHtml(renderWord('noRows', lang))}</td></tr>\n`);
        await out.write('</tbody>\n</table>\n');
        break;
      }
      case 'diagram':
        await out.write(`<figure class="diagram" data-key="${escapeHtml(block.key)}">\n<figcaption>${escapeHtml(block.title)}</figcaption>\n`);
        await out.write(`${inlineSvg(block.svg, block.alt)}\n<p class="alt">${escapeHtml(block.alt)}</p>\n</figure>\n`);
        break;
      case 'page-break':
        await out.write('<div class="page-break"></div>\n');
        break;
    }
  }
  await out.write('</main>\n</body>\n</html>\n');
  await out.flush();
}

/** A table too wide for a printed page: each row as a record (a titled two-column table). */
async function writeRecords(out: TextWriter, block: Extract<ReportBlock, { type: 'table' }>, lang: ReportHeader['lang']): Promise<void> {
  await out.write(`<section class="records" data-key="${escapeHtml(block.key)}">\n`);
  if (block.title) await out.write(`<h4>${escapeHtml(block.title)}</h4>\n`);
  const [first] = block.columns;
  let count = 0;
  for await (const row of block.rows) {
    count++;
    await out.write(`<table class="facts record">\n<caption>${count}. ${escapeHtml(first.label)}: ${escapeHtml(formatCell(row[first.key] ?? null, first.kind, lang))}</caption>\n<tbody>\n`);
    for (const { column, value } of recordItems(block.columns, row)) await out.write(`<tr><th scope="row">${escapeHtml(column.label)}</th>${valueCell(value, column.kind, lang, false)}</tr>\n`);
    await out.write('</tbody>\n</table>\n');
  }
  if (count === 0) await out.write(`<p class="note">${escapeHtml(renderWord('noRows', lang))}</p>\n`);
  await out.write('</section>\n');
}

/** A table cell; counts are right-aligned in tables (not in facts), and short values never wrap. */
function valueCell(value: CellValue, kind: CellKind, lang: ReportHeader['lang'], inTable = true): string {
  const text = escapeHtml(formatCell(value, kind, lang));
  if (isMissing(value)) return `<td class="missing"><span>${text}</span></td>`;
  if (numeric(kind) && typeof value === 'number') return inTable ? `<td class="num">${text}</td>` : `<td class="short">${text}</td>`;
  return kind === 'date' || kind === 'datetime' || kind === 'flag' ? `<td class="short">${text}</td>` : `<td>${text}</td>`;
}

function numeric(kind: CellKind): boolean {
  return kind === 'number' || kind === 'people';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The diagram's SVG inline in the page. HTML needs no namespace declarations (and a page checked for
 * outside references should not show one); anything that could run or fetch — scripts, event
 * handlers, foreign objects, links that are not to the drawing itself — is dropped.
 */
export function inlineSvg(svg: string, alt: string): string {
  const cleaned = svg
    .replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script[\s\S]*?<\/script\s*>|<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\s+on\w+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\s+(xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '')
    .trim();
  return cleaned.replace(/^<svg\b/i, `<svg role="img" aria-label="${escapeHtml(alt)}"`);
}

/** A CSS string literal that cannot end the <style> element or the string early. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function stylesheet(header: ReportHeader): string {
  const running = `${header.title} — ${header.map} v${header.version}`;
  const page = header.lang === 'ja' ? '" ページ"' : '';
  const pagePrefix = header.lang === 'ja' ? '' : '"Page " ';
  return `:root { color-scheme: light; }
html { font-family: "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", YuGothic, Meiryo, sans-serif; color: #1c2529; background: #fff; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; font-size: 14px; line-height: 1.6; }
h1 { font-size: 24px; margin: 0 0 8px; line-height: 1.35; }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 3px; border-bottom: 2px solid #cfd8dc; }
h3 { font-size: 16px; margin: 22px 0 6px; }
h4 { font-size: 14px; margin: 18px 0 6px; }
h2, h3, h4, caption, figcaption { break-after: avoid; page-break-after: avoid; }
.report-header { border: 1px solid #b0bec5; border-radius: 6px; padding: 14px 18px; background: #f5f7f8; }
.report-header dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
.report-header dt { font-weight: bold; color: #455a64; }
.report-header dd { margin: 0; }
p { margin: 8px 0; white-space: pre-line; }
p.note { color: #37474f; border-left: 4px solid #90a4ae; padding: 2px 10px; background: #f5f7f8; }
p.warning { border-left: 4px solid #b00020; padding: 2px 10px; background: #fdf0f0; }
ul { margin: 6px 0 10px; padding-left: 24px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 12.5px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #b0bec5; padding: 4px 7px; vertical-align: top; text-align: left; white-space: pre-line; overflow-wrap: anywhere; }
thead th { background: #e3e8eb; }
table.facts th { width: 30%; background: #f0f3f5; font-weight: bold; }
table.record { margin: 6px 0 14px; break-inside: avoid; page-break-inside: avoid; }
table.record caption { border-top: 2px solid #b0bec5; padding-top: 6px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.short { white-space: nowrap; overflow-wrap: normal; }
td.missing span { color: #b00020; font-weight: bold; border: 1.5px dashed #b00020; padding: 0 4px; }
td.empty { color: #607d8b; font-style: italic; }
figure.diagram { margin: 12px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figure.diagram figcaption { font-weight: bold; margin-bottom: 6px; }
figure.diagram svg { display: block; max-width: 100%; height: auto; border: 1px solid #cfd8dc; }
figure.diagram p.alt { font-size: 12px; color: #455a64; }
.page-break { height: 0; }
@page { size: A4; margin: 16mm 13mm 18mm;
  @top-left { content: ${cssString(running)}; font-size: 8pt; color: #546e7a; }
  @bottom-right { content: ${pagePrefix}counter(page)${page ? ` ${page}` : ''}; font-size: 8pt; color: #546e7a; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  .page-break { break-before: page; page-break-before: always; }
  .report-header { background: none; }
}
`;
}
