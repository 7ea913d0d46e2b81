import { formatDate } from '@tadoru/common';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { formatCell, headerLines, word } from '../document/format-cell';
import { CellKind, CellValue, Column, isMissing, ReportBlock, ReportDocument, ReportHeader, ReportSink, Row } from '../document/report-document';
import { printsAsRecords, recordItems } from './wide-tables';
import { renderWord } from './render-words';

/**
 * PDF with pdfkit alone (no system packages): Noto Sans JP regular and bold embedded (pdfkit
 * subsets them), so Japanese is real, searchable text. A4; every page carries the title, map,
 * version and version date at the top and its number at the bottom ("Page N", no total, so pages
 * are written out as they fill instead of being held until the end). Tables wrap their cells,
 * repeat the header row after a page break and never split a row that fits on a page; their column
 * widths come from the first rows' content. The document's info (Title, Creator, CreationDate =
 * when the version was recorded) is fixed by the input, so the same input gives the same text.
 */

type Doc = PDFKit.PDFDocument;
type FontName = 'body' | 'bold';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 58, bottom: 54, left: 46, right: 46 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const COLOURS = { text: '#1c2529', muted: '#546e7a', rule: '#b0bec5', headFill: '#e3e8eb', factFill: '#f0f3f5', missing: '#b00020', noteBar: '#90a4ae' };
const CELL_PAD = { x: 4, y: 3 };
/** Rows read ahead to size a table's columns. */
const SAMPLE_ROWS = 40;

let fonts: { regular: Buffer; bold: Buffer } | null = null;

function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const root = dirname(require.resolve('@expo-google-fonts/noto-sans-jp/index.js'));
    fonts = {
      regular: readFileSync(join(root, '400Regular', 'NotoSansJP_400Regular.ttf')),
      bold: readFileSync(join(root, '700Bold', 'NotoSansJP_700Bold.ttf')),
    };
  }
  return fonts;
}

export async function renderPdf(report: ReportDocument, sink: ReportSink): Promise<void> {
  const writer = new PdfWriter(report.header, sink);
  await writer.render(report.blocks);
}

interface TextStyle {
  font: FontName;
  size: number;
  color: string;
}

interface TableCell {
  text: string;
  missing: boolean;
  numeric: boolean;
}

class PdfWriter {
  private readonly doc: Doc;
  private readonly pending: Buffer[] = [];
  private readonly ended: Promise<void>;
  private pageNumber = 0;
  private style: TextStyle = { font: 'body', size: 10, color: COLOURS.text };
  private readonly lang: ReportHeader['lang'];

  constructor(
    private readonly header: ReportHeader,
    private readonly sink: ReportSink,
  ) {
    this.lang = header.lang;
    const recorded = header.versionRecordedAt ? new Date(header.versionRecordedAt) : new Date(0);
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      autoFirstPage: false,
      bufferPages: false,
      lang: header.lang === 'ja' ? 'ja-JP' : 'en-GB',
      displayTitle: true,
      info: {
        Title: header.title,
        Subject: `${header.map} v${header.version}`,
        Creator: 'tadoru',
        Producer: 'tadoru (pdfkit)',
        CreationDate: Number.isNaN(recorded.getTime()) ? new Date(0) : recorded,
      },
    });
    const { regular, bold } = loadFonts();
    this.doc.registerFont('body', regular);
    this.doc.registerFont('bold', bold);
    this.doc.on('data', (chunk: Buffer) => this.pending.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    // Every page, including those pdfkit opens itself while a long paragraph flows on.
    this.doc.on('pageAdded', () => this.decoratePage());
  }

  async render(blocks: AsyncIterable<ReportBlock>): Promise<void> {
    this.doc.addPage();
    this.titleBlock();
    for await (const block of blocks) {
      await this.block(block);
      await this.flush();
    }
    this.doc.end();
    await this.ended;
    await this.flush();
  }

  private async flush(): Promise<void> {
    // pdfkit pushes its output on the next tick; give it one, then hand everything to the sink.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) await this.sink.write(this.pending.shift()!);
  }

  private decoratePage(): void {
    this.pageNumber++;
    const doc = this.doc;
    const saved = this.style;
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the margins: pdfkit would otherwise start a new page for text below maxY.
    doc.page.margins.bottom = 0;
    const versionDate = this.header.versionRecordedAt ? ` (${formatDate(this.header.versionRecordedAt, this.lang)})` : '';
    const right = `${this.header.map} · ${word('version', this.lang)} ${this.header.version}${versionDate}`;
    this.setStyle({ font: 'body', size: 7.5, color: COLOURS.muted });
    const rightWidth = Math.min(doc.widthOfString(right) + 2, CONTENT_WIDTH * 0.55);
    doc.text(right, MARGIN.left + CONTENT_WIDTH - rightWidth, 26, { width: rightWidth, align: 'right', height: 10, ellipsis: true, lineBreak: false });
    this.setStyle({ font: 'bold', size: 7.5, color: COLOURS.muted });
    doc.text(this.header.title, MARGIN.left, 26, { width: CONTENT_WIDTH - rightWidth - 14, height: 10, ellipsis: true, lineBreak: false });
    doc.moveTo(MARGIN.left, 40).lineTo(MARGIN.left + CONTENT_WIDTH, 40).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
    this.setStyle({ font: 'body', size: 8, color: COLOURS.muted });
    doc.text(renderWord('page', this.lang, { page: this.pageNumber }), MARGIN.left, PAGE.height - 34, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
    this.setStyle(saved);
    doc.x = MARGIN.left;
    doc.y = MARGIN.top;
  }

  private setStyle(style: TextStyle): void {
    this.style = style;
    this.doc.font(style.font).fontSize(style.size).fillColor(style.color);
  }

  private get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` still fits below the cursor (or the page is still empty). */
  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > MARGIN.top + 1) this.doc.addPage();
  }

  private titleBlock(): void {
    const doc = this.doc;
    this.setStyle({ font: 'bold', size: 18, color: COLOURS.text });
    doc.text(this.header.title, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.y += 6;
    const lines = headerLines(this.header, this.lang).map((line) => ({ label: line.label, cell: { text: line.value, missing: false, numeric: false } }));
    this.factRows(lines);
    doc.y += 8;
  }

  private async block(block: ReportBlock): Promise<void> {
    const doc = this.doc;
    switch (block.type) {
      case 'heading': {
        const size = block.level === 1 ? 14.5 : block.level === 2 ? 12.5 : 11;
        this.setStyle({ font: 'bold', size, color: COLOURS.text });
        const height = doc.heightOfString(block.text, { width: CONTENT_WIDTH });
        // Keep a heading with at least a few lines of what follows it.
        this.ensureSpace(height + 110);
        doc.y += block.level === 1 ? 10 : 6;
        doc.text(block.text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
        if (block.level === 1) {
          doc.moveTo(MARGIN.left, doc.y + 1).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y + 1).lineWidth(0.8).strokeColor(COLOURS.rule).stroke();
          doc.y += 3;
        }
        doc.y += 4;
        break;
      }
      case 'paragraph':
        this.paragraph(block.text, block.tone ?? 'normal');
        break;
      case 'list':
        this.list(block.items);
        break;
      case 'facts':
        this.factRows(block.facts.map((fact) => ({ label: fact.label, cell: { ...this.cell(fact.value, fact.kind), numeric: false } })));
        doc.y += 8;
        break;
      case 'table':
        await this.table(block.title, block.columns, block.rows);
        break;
      case 'diagram':
        this.diagram(block);
        break;
      case 'page-break':
        if (doc.y > MARGIN.top + 1) doc.addPage();
        break;
    }
  }

  private paragraph(text: string, tone: 'normal' | 'note' | 'warning'): void {
    const doc = this.doc;
    const indent = tone === 'normal' ? 0 : 10;
    const label = tone === 'warning' ? `${renderWord('warning', this.lang)}: ` : '';
    this.setStyle({ font: 'body', size: 10, color: tone === 'note' ? '#37474f' : COLOURS.text });
    const width = CONTENT_WIDTH - indent;
    const height = doc.heightOfString(label + text, { width, lineGap: 1.5 });
    this.ensureSpace(Math.min(height, 3 * 16));
    const top = doc.y;
    if (label) {
      this.setStyle({ font: 'bold', size: 10, color: COLOURS.missing });
      doc.text(label, MARGIN.left + indent, top, { width, continued: true, lineGap: 1.5 });
      this.setStyle({ font: 'body', size: 10, color: COLOURS.text });
      doc.text(text, { width, lineGap: 1.5 });
    } else {
      doc.text(text, MARGIN.left + indent, top, { width, lineGap: 1.5 });
    }
    // The bar beside a note or warning, when the paragraph stayed on one page.
    if (indent > 0 && doc.y > top) {
      doc.rect(MARGIN.left, top, 3, doc.y - top).fill(tone === 'warning' ? COLOURS.missing : COLOURS.noteBar);
      this.setStyle(this.style);
    }
    doc.y += 6;
  }

  private list(items: string[]): void {
    const doc = this.doc;
    this.setStyle({ font: 'body', size: 10, color: COLOURS.text });
    for (const item of items) {
      const height = doc.heightOfString(item, { width: CONTENT_WIDTH - 14 });
      this.ensureSpace(Math.min(height, 32));
      const top = doc.y;
      doc.text('•', MARGIN.left + 2, top, { width: 10, lineBreak: false });
      doc.text(item, MARGIN.left + 14, top, { width: CONTENT_WIDTH - 14, lineGap: 1 });
      doc.y += 2;
    }
    doc.y += 4;
  }

  private cell(value: CellValue, kind: CellKind): TableCell {
    return { text: formatCell(value, kind, this.lang), missing: isMissing(value), numeric: (kind === 'number' || kind === 'people') && typeof value === 'number' };
  }

  /** A facts block: label and value side by side, each row kept whole. */
  private factRows(rows: Array<{ label: string; cell: TableCell }>): void {
    const doc = this.doc;
    const labelWidth = Math.round(CONTENT_WIDTH * 0.3);
    const widths = [labelWidth, CONTENT_WIDTH - labelWidth];
    for (const row of rows) {
      const cells = [{ text: row.label, missing: false, numeric: false }, row.cell];
      const height = this.rowHeight(cells, widths, 9, [true, false]);
      this.ensureSpace(height);
      const top = doc.y;
      doc.rect(MARGIN.left, top, labelWidth, height).fill(COLOURS.factFill);
      this.drawRow(cells, widths, top, height, 9, [true, false]);
      doc.y = top + height;
    }
  }

  private async table(title: string | undefined, columns: Column[], rows: Iterable<Row> | AsyncIterable<Row>): Promise<void> {
    if (printsAsRecords(columns)) return this.records(title, columns, rows);
    const doc = this.doc;
    const size = columns.length <= 5 ? 8.5 : columns.length <= 8 ? 7.5 : 6.5;
    const iterator = Symbol.asyncIterator in rows ? (rows as AsyncIterable<Row>)[Symbol.asyncIterator]() : toAsync(rows as Iterable<Row>);
    const sample: TableCell[][] = [];
    let done = false;
    while (sample.length < SAMPLE_ROWS) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      sample.push(columns.map((column) => this.cell(next.value[column.key] ?? null, column.kind)));
    }
    const head: TableCell[] = columns.map((column) => ({ text: column.label, missing: false, numeric: column.kind === 'number' || column.kind === 'people' }));
    const short = columns.map((column) => column.kind !== 'text' && column.kind !== 'list');
    const widths = this.columnWidths(head, sample, size, short);
    const headHeight = this.rowHeight(head, widths, size, head.map(() => true));
    this.setStyle({ font: 'bold', size: 10, color: COLOURS.text });
    const titleHeight = title ? doc.heightOfString(title, { width: CONTENT_WIDTH }) + 4 : 0;
    const firstHeight = sample.length > 0 ? this.rowHeight(sample[0], widths, size, []) : 16;
    this.ensureSpace(titleHeight + headHeight + firstHeight);
    if (title) {
      this.setStyle({ font: 'bold', size: 10, color: COLOURS.text });
      doc.text(title, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
      doc.y += 4;
    }
    const drawHead = () => {
      const top = doc.y;
      doc.rect(MARGIN.left, top, CONTENT_WIDTH, headHeight).fill(COLOURS.headFill);
      this.drawRow(head, widths, top, headHeight, size, head.map(() => true));
      doc.y = top + headHeight;
    };
    drawHead();
    const maxRowHeight = this.bottom - MARGIN.top - headHeight;
    const drawBody = (cells: TableCell[]) => {
      const height = Math.min(this.rowHeight(cells, widths, size, []), maxRowHeight);
      if (doc.y + height > this.bottom) {
        doc.addPage();
        drawHead();
      }
      const top = doc.y;
      this.drawRow(cells, widths, top, height, size, []);
      doc.y = top + height;
    };
    for (const cells of sample) drawBody(cells);
    if (sample.length === 0) drawBody([{ text: renderWord('noRows', this.lang), missing: false, numeric: false }, ...columns.slice(1).map(() => ({ text: '', missing: false, numeric: false }))]);
    let count = 0;
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      drawBody(columns.map((column) => this.cell(next.value[column.key] ?? null, column.kind)));
      // Hand finished pages to the sink as the table grows.
      if (++count % 200 === 0) await this.flush();
    }
    doc.x = MARGIN.left;
    doc.y += 10;
  }

  /** A table too wide for the page: each row as a record, its first column the record's title. */
  private async records(title: string | undefined, columns: Column[], rows: Iterable<Row> | AsyncIterable<Row>): Promise<void> {
    const doc = this.doc;
    if (title) {
      this.setStyle({ font: 'bold', size: 10, color: COLOURS.text });
      this.ensureSpace(40);
      doc.text(title, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
      doc.y += 4;
    }
    let count = 0;
    for await (const row of rows) {
      const first = columns[0];
      const heading = `${++count}. ${first.label}: ${this.cell(row[first.key] ?? null, first.kind).text}`;
      this.setStyle({ font: 'bold', size: 9, color: COLOURS.text });
      this.ensureSpace(doc.heightOfString(heading, { width: CONTENT_WIDTH }) + 40);
      doc.rect(MARGIN.left, doc.y, CONTENT_WIDTH, 1).fill(COLOURS.headFill);
      doc.y += 3;
      this.setStyle({ font: 'bold', size: 9, color: COLOURS.text });
      doc.text(heading, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
      doc.y += 2;
      this.factRows(recordItems(columns, row).map(({ column, value }) => ({ label: column.label, cell: { ...this.cell(value, column.kind), numeric: false } })));
      doc.y += 8;
      if (count % 100 === 0) await this.flush();
    }
    if (count === 0) this.paragraph(renderWord('noRows', this.lang), 'note');
    doc.x = MARGIN.left;
    doc.y += 4;
  }

  /**
   * Each column gets its content's natural width when everything fits; otherwise the space is
   * shared in proportion to it, but no column is squeezed below its longest word (up to a limit),
   * so short codes and dates stay on one line and long texts wrap.
   */
  private columnWidths(head: TableCell[], sample: TableCell[][], size: number, short: boolean[]): number[] {
    const doc = this.doc;
    const pad = 2 * CELL_PAD.x;
    const natural = head.map(() => 0);
    const minimum = head.map(() => 0);
    const measure = (cell: TableCell, column: number, bold: boolean) => {
      this.setStyle({ font: bold || cell.missing ? 'bold' : 'body', size, color: COLOURS.text });
      for (const line of cell.text.split('\n')) natural[column] = Math.max(natural[column], Math.min(doc.widthOfString(line), CONTENT_WIDTH * 0.6) + pad);
      for (const token of cell.text.split(/[\s\u3000]+|(?<=[\u3000-\u9fff\uff00-\uffef])/)) {
        if (token) minimum[column] = Math.max(minimum[column], Math.min(doc.widthOfString(token), 70) + pad);
      }
    };
    for (const row of sample) row.forEach((cell, column) => measure(cell, column, false));
    // Dates, counts and flags stay on one line (their header may wrap instead).
    short.forEach((isShort, column) => {
      if (isShort) minimum[column] = Math.max(minimum[column], Math.min(natural[column], 96));
    });
    head.forEach((cell, column) => measure(cell, column, true));
    const totalNatural = natural.reduce((a, b) => a + b, 0);
    if (totalNatural <= CONTENT_WIDTH) return natural.map((width) => (width * CONTENT_WIDTH) / totalNatural);
    // Narrow columns (dates, counts, codes) keep their natural width as long as it is under a fair
    // share of what is left; the wide ones share the rest in proportion, never under their longest word.
    const widths: number[] = natural.map(() => 0);
    const open = new Set(natural.map((_, i) => i));
    let left = CONTENT_WIDTH;
    for (;;) {
      const fair = left / open.size;
      const narrow = [...open].filter((i) => natural[i] <= fair);
      if (narrow.length === 0 || narrow.length === open.size) break;
      for (const i of narrow) {
        widths[i] = natural[i];
        left -= natural[i];
        open.delete(i);
      }
    }
    const openNatural = [...open].reduce((sum, i) => sum + natural[i], 0);
    for (const i of open) widths[i] = Math.max(minimum[i], (natural[i] * left) / openNatural);
    // Floors can overshoot the page: take the excess back from the open columns above their floor.
    const total = widths.reduce((a, b) => a + b, 0);
    if (total > CONTENT_WIDTH) {
      const slack = [...open].reduce((sum, i) => sum + widths[i] - minimum[i], 0);
      const scale = slack > 0 ? Math.max(0, 1 - (total - CONTENT_WIDTH) / slack) : 0;
      for (const i of open) widths[i] = minimum[i] + (widths[i] - minimum[i]) * scale;
      const after = widths.reduce((a, b) => a + b, 0);
      if (after > CONTENT_WIDTH) widths.forEach((width, i) => (widths[i] = (width * CONTENT_WIDTH) / after));
    }
    return widths;
  }

  private rowHeight(cells: TableCell[], widths: number[], size: number, bold: boolean[]): number {
    const doc = this.doc;
    let height = 0;
    cells.forEach((cell, i) => {
      this.setStyle({ font: bold[i] || cell.missing ? 'bold' : 'body', size, color: COLOURS.text });
      const width = widths[i] - 2 * CELL_PAD.x;
      // Fast path for the common one-line cell, with a margin so it never disagrees with the wrapper.
      const single = !cell.text.includes('\n') && doc.widthOfString(cell.text) <= width - 2;
      height = Math.max(height, single ? doc.currentLineHeight(true) : doc.heightOfString(cell.text, { width }));
    });
    return Math.ceil(height + 2 * CELL_PAD.y);
  }

  private drawRow(cells: TableCell[], widths: number[], top: number, height: number, size: number, bold: boolean[]): void {
    const doc = this.doc;
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      this.setStyle({ font: bold[i] || cell.missing ? 'bold' : 'body', size, color: cell.missing ? COLOURS.missing : COLOURS.text });
      const width = widths[i] - 2 * CELL_PAD.x;
      // A one-line cell skips pdfkit's line wrapper, by far the slowest part of a long table.
      const single = !cell.text.includes('\n') && doc.widthOfString(cell.text) <= width - 2;
      if (single) doc.text(cell.text, x + CELL_PAD.x, top + CELL_PAD.y, { width, lineBreak: false, align: cell.numeric ? 'right' : 'left' });
      else doc.text(cell.text, x + CELL_PAD.x, top + CELL_PAD.y, { width, height: height - 2 * CELL_PAD.y + 1, ellipsis: true, align: cell.numeric ? 'right' : 'left' });
      if (cell.missing) {
        // Dashed frame: still marked when printed in greyscale.
        doc.save().rect(x + 1.5, top + 1.5, widths[i] - 3, height - 3).dash(2, { space: 1.5 }).lineWidth(0.8).strokeColor(COLOURS.missing).stroke().undash().restore();
      }
      x += widths[i];
    });
    doc.save().lineWidth(0.5).strokeColor(COLOURS.rule);
    doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).stroke();
    x = MARGIN.left;
    for (let i = 0; i < widths.length - 1; i++) {
      x += widths[i];
      doc.moveTo(x, top).lineTo(x, top + height).stroke();
    }
    doc.restore();
    this.setStyle(this.style);
  }

  private diagram(block: Extract<ReportBlock, { type: 'diagram' }>): void {
    const doc = this.doc;
    this.setStyle({ font: 'bold', size: 10, color: COLOURS.text });
    const titleHeight = doc.heightOfString(block.title, { width: CONTENT_WIDTH }) + 4;
    const bodyHeight = this.bottom - MARGIN.top;
    let scale = Math.min(1, CONTENT_WIDTH / block.width);
    if (block.height * scale > bodyHeight - titleHeight - 20) scale = (bodyHeight - titleHeight - 20) / block.height;
    const width = block.width * scale;
    const height = block.height * scale;
    this.ensureSpace(titleHeight + height);
    doc.text(block.title, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.y += 4;
    const top = doc.y;
    SVGtoPDF(doc as unknown as typeof PDFDocument, block.svg, MARGIN.left, top, {
      width,
      height,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (_family, bold) => (bold ? 'bold' : 'body'),
      warningCallback: () => undefined,
    });
    doc.x = MARGIN.left;
    doc.y = top + height + 4;
    this.setStyle({ font: 'body', size: 8, color: COLOURS.muted });
    doc.text(block.alt, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.y += 10;
  }
}

async function* toAsyncGenerator<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

function toAsync<T>(items: Iterable<T>): AsyncIterator<T> {
  return toAsyncGenerator(items);
}
