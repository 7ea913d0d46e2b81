import { spawnSync } from 'node:child_process';

export interface PdfText {
  pages: Array<{ num: number; text: string }>;
  text: string;
  info: Record<string, string>;
  created: string | null;
}

/**
 * The text of a PDF as a reader's tools extract it (pdf-parse 2, on pdf.js). pdf-parse loads pdf.js's
 * worker with a dynamic import, which jest's CommonJS sandbox refuses; so the text is extracted by a
 * plain Node process reading the PDF from stdin.
 */
export function extractPdfText(bytes: Buffer): PdfText {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const text = await parser.getText();
      const info = await parser.getInfo();
      await parser.destroy();
      const created = info.getDateNode().CreationDate;
      process.stdout.write(JSON.stringify({ pages: text.pages, text: text.text, info: info.info, created: created ? created.toISOString() : null }));
    });`;
  const result = spawnSync(process.execPath, ['-e', script], { input: bytes, cwd: __dirname, maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdf-parse failed: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString('utf8')) as PdfText;
}
