import { parse } from 'csv-parse/sync';
import { LANGS, Lang } from '@tadoru/common';
import { ReportDocument, ReportFormat, REPORT_FORMATS, ReportSink } from '../document/report-document';
import { extractPdfText as extractPdf } from '../../../../test/support/pdf-text';
import { renderReport } from './render-report';
import { FINDING_COLUMNS, LEDGER_COLUMNS, sampleFindingRows, sampleLedgerRow, sampleReport, SAMPLE_LEDGER_ROWS } from './fixtures/sample-report';

async function render(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink: ReportSink = { write: (chunk) => void chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk)) };
  await renderReport(doc, format, sink);
  return Buffer.concat(chunks);
}

const rendered = new Map<string, Buffer>();
async function sample(lang: Lang, format: ReportFormat): Promise<Buffer> {
  const key = `${lang}:${format}`;
  if (!rendered.has(key)) rendered.set(key, await render(sampleReport(lang), format));
  return rendered.get(key)!;
}

const rawLedger = Array.from({ length: SAMPLE_LEDGER_ROWS }, (_, i) => sampleLedgerRow(i));

describe.each(LANGS)('renderReport (%s)', (lang) => {
  const ja = lang === 'ja';

  it('JSON: the header, facts as an object, tables as their raw rows, diagrams as {title, svg, alt}', async () => {
    const text = (await sample(lang, 'json')).toString('utf8');
    expect(text.startsWith('{\n  "report": {\n    "kind": "findings"')).toBe(true);
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['report', 'finding', 'evidence-path', 'findings', 'empty', 'ledger', 'overview']);
    expect(json.report).toEqual(sampleReport(lang).header);
    expect(json.finding).toEqual({
      rule: 'appi-27-third-party-no-consent',
      people: 7983,
      decided: '2019-08-26',
      special: false,
      recipientAddress: { missing: true, requiredBy: 'APPI Rules 20(1)(ii)' },
      categories: ['内定辞退率', 'browsing-history'],
    });
    expect(json.findings).toEqual(sampleFindingRows(lang));
    expect(json.empty).toEqual([]);
    expect(json.ledger).toHaveLength(SAMPLE_LEDGER_ROWS);
    expect(json.ledger).toEqual(rawLedger);
    expect(Object.keys(json['evidence-path'])).toEqual(['title', 'svg', 'alt']);
    expect(json['evidence-path'].svg).toMatch(/^<svg /);
    // Keys of every row follow the column order.
    expect(Object.keys(json.ledger[0])).toEqual(LEDGER_COLUMNS(lang).map((column) => column.key));
  });

  it('CSV: one BOM, CRLF, every table with its title and labels, formatted cells, formulas neutralised', async () => {
    const bytes = await sample(lang, 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.indexOf(Buffer.from([0xef, 0xbb, 0xbf]), 3)).toBe(-1);
    const text = bytes.toString('utf8');
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(true); // only inside the quoted multi-line cell
    const records: string[][] = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false });
    expect(records[0]).toEqual([ja ? '指摘事項報告書（rikunabi-2019）' : 'Findings report: rikunabi-2019']);
    const tableAt = (title: string) => records.findIndex((record) => record.length === 1 && record[0] === title);

    const findingsAt = tableAt(ja ? '重大度別の指摘事項' : 'Findings by severity');
    expect(records[findingsAt + 1]).toEqual(FINDING_COLUMNS(lang).map((column) => column.label));
    const [first, second, third] = records.slice(findingsAt + 2, findingsAt + 5);
    expect(first[3]).toBe(ja ? '7,983名' : '7,983 people');
    expect(first[4]).toBe(ja ? '2019年3月1日' : '1 March 2019');
    expect(first[6]).toBe(ja ? 'トヨタ自動車株式会社、株式会社アイ・エス・ビー、Client | Pipe Co.' : 'トヨタ自動車株式会社, 株式会社アイ・エス・ビー, Client | Pipe Co.');
    expect(first[7]).toContain('\n');
    expect(second[7]).toBe(ja ? '未記載（個人情報保護委員会規則第20条第1項第2号により必須）' : 'missing (required by APPI Rules 20(1)(ii))');
    expect(third[1]).toBe(`'=HYPERLINK("evil.example","click")`);
    expect(third[2]).toBe(`'+1-2`);
    expect(third[6]).toBe(`'@attacker`);
    expect(third[7]).toBe(`'-5 <script>alert("x")</script>`);

    const factsAt = tableAt(ja ? '概要' : 'Summary');
    expect(records[factsAt + 2]).toEqual([ja ? 'ルール' : 'Rule', 'appi-27-third-party-no-consent']);
    expect(records[factsAt + 3]).toEqual([ja ? '対象者数' : 'People affected', ja ? '7,983名' : '7,983 people']);
    expect(records[factsAt + 4][1]).toBe(ja ? '2019年8月26日' : '26 August 2019');

    const ledgerAt = tableAt(ja ? '提供記録' : 'Provisions');
    const ledger = records.slice(ledgerAt + 2, ledgerAt + 2 + SAMPLE_LEDGER_ROWS);
    expect(ledger).toHaveLength(SAMPLE_LEDGER_ROWS);
    expect(ledger.every((record) => record.length === LEDGER_COLUMNS(lang).length)).toBe(true);
    expect(ledger[3][2]).toBe('株式会社クライアント3');
    expect(records[ledgerAt + 2 + SAMPLE_LEDGER_ROWS]).toBeUndefined();
  });

  it('Markdown: title, header lines, escaped pipes and markup, diagrams as text', async () => {
    const text = (await sample(lang, 'markdown')).toString('utf8');
    expect(text.startsWith(`# ${ja ? '指摘事項報告書（rikunabi-2019）' : 'Findings report: rikunabi-2019'}\n`)).toBe(true);
    expect(text).toContain(ja ? '- **バージョン:** 7' : '- **Version:** 7');
    expect(text).toContain('Client \\| Pipe Co.');
    expect(text).not.toContain('<script>');
    expect(text).toContain('\\<script\\>');
    expect(text).not.toContain('<svg');
    expect(text).toContain(ja ? '図そのものは本報告書のHTML版' : 'The drawing itself is in the HTML and PDF versions');
    const findingRow = text.split('\n').find((line) => line.startsWith('| appi-27-third-party-no-consent'))!;
    // Eight columns: nine unescaped pipes, the cell's line break as <br>.
    expect(findingRow.replace(/\\\|/g, '').split('|')).toHaveLength(10);
    expect(findingRow).toContain('<br>');
    expect(text.split('\n').filter((line) => line.startsWith('| provision-'))).toHaveLength(SAMPLE_LEDGER_ROWS);
  });

  it('HTML: self-contained, escaped, with the key facts, the diagrams inline and print rules', async () => {
    const html = (await sample(lang, 'html')).toString('utf8');
    expect(html.startsWith('<!doctype html>\n<html lang="' + lang + '">')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\bsrc=|<link\b|@import|url\(/i);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(ja ? '7,983名' : '7,983 people');
    expect(html).toContain(ja ? '2019年8月26日' : '26 August 2019');
    expect(html).toContain('<td class="missing"><span>');
    expect(html.match(/<svg role="img"/g)).toHaveLength(2);
    expect(html).toContain('<thead>');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('<div class="page-break"></div>');
    expect(html).toMatch(/font-family: "Noto Sans JP".*"Hiragino Sans".*"Yu Gothic".*sans-serif/);
    expect(html.match(/<tr><td>provision-/g)).toHaveLength(SAMPLE_LEDGER_ROWS);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('PDF: real Japanese text, the running header and a page number on every page, fixed info', async () => {
    const bytes = await sample(lang, 'pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const result = extractPdf(bytes);
    const text = result.text;
    expect(text).toContain(ja ? '指摘事項報告書（rikunabi-2019）' : 'Findings report: rikunabi-2019');
    expect(text).toContain(ja ? '2019年8月26日' : '26 August 2019');
    expect(text).toContain(ja ? '7,983名' : '7,983 people');
    expect(text).toContain(ja ? '未記載（個人情報保護法施行規則第20条第1項第2号により必須）' : 'missing (required by APPI Rules 20(1)(ii))');
    expect(text).toContain('provision-01999');
    expect(result.pages.length).toBeGreaterThan(20);
    for (const page of result.pages) {
      expect(page.text).toContain(ja ? 'rikunabi-2019 · バージョン 7 (2019年8月26日)' : 'rikunabi-2019 · Version 7 (26 August 2019)');
      expect(page.text).toContain(ja ? `${page.num} ページ` : `Page ${page.num}`);
    }
    expect(result.info.Title).toBe(ja ? '指摘事項報告書（rikunabi-2019）' : 'Findings report: rikunabi-2019');
    expect(result.info.Creator).toBe('tadoru');
    expect(result.created).toBe('2019-08-26T09:30:00.000Z');
  });

  it('gives the same bytes when rendered twice', async () => {
    for (const format of REPORT_FORMATS) {
      const again = await render(sampleReport(lang), format);
      expect(again.equals(await sample(lang, format))).toBe(true);
    }
  });
});

describe('streaming', () => {
  it('writes a long table while its rows are still arriving', async () => {
    for (const format of REPORT_FORMATS) {
      let produced = 0;
      let producedAtFirstWrite = -1;
      const total = 3000;
      async function* rows() {
        for (let i = 0; i < total; i++) {
          produced++;
          if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
          yield sampleLedgerRow(i);
        }
      }
      const doc = sampleReport('en');
      doc.blocks = (async function* () {
        yield { type: 'table' as const, key: 'ledger', columns: LEDGER_COLUMNS('en'), rows: rows() };
      })();
      await renderReport(doc, format, {
        write: () => {
          if (producedAtFirstWrite < 0 && produced > 0) producedAtFirstWrite = produced;
        },
      });
      expect(produced).toBe(total);
      expect(producedAtFirstWrite).toBeGreaterThan(0);
      expect(producedAtFirstWrite).toBeLessThan(total);
    }
  });
});

describe('tables too wide for a page', () => {
  const columns = Array.from({ length: 12 }, (_, i) => ({ key: `c${i}`, label: `Item ${i}`, kind: 'text' as const }));
  const rows = [Object.fromEntries(columns.map((c, i) => [c.key, i === 5 ? null : `value ${c.key}`])), Object.fromEntries(columns.map((c) => [c.key, `second ${c.key}`]))];
  const wide = (): ReportDocument => {
    const doc = sampleReport('en');
    doc.blocks = (async function* () {
      yield { type: 'table' as const, key: 'records', title: 'Records', columns, rows };
    })();
    return doc;
  };

  it('print as one record per row in PDF and HTML (title from the first column, one line per item with a value)', async () => {
    const text = extractPdf(await render(wide(), 'pdf')).text.replace(/\s+/g, ' ');
    expect(text).toContain('1. Item 0: value c0');
    expect(text).toContain('2. Item 0: second c0');
    expect(text).toContain('Item 11 value c11');
    const html = (await render(wide(), 'html')).toString('utf8');
    expect(html.match(/<table class="facts record">/g)).toHaveLength(2);
    expect(html).toContain('<caption>1. Item 0: value c0</caption>');
    // The empty item of the first record has no line; the second record has it.
    expect(html.match(/<th scope="row">Item 5<\/th>/g)).toHaveLength(1);
  });

  it('stay tables in CSV, JSON and Markdown', async () => {
    const csv = (await render(wide(), 'csv')).toString('utf8');
    expect(csv).toContain(columns.map((c) => c.label).join(','));
    const json = JSON.parse((await render(wide(), 'json')).toString('utf8'));
    expect(json.records).toHaveLength(2);
    expect((await render(wide(), 'markdown')).toString('utf8')).toContain('| Item 0 | Item 1 |');
  });
});
