import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '@tadoru/common';
import { REPORT_FORMATS, FILE_EXTENSIONS } from '../document/report-document';
import { renderReport } from './render-report';
import { sampleReport } from './fixtures/sample-report';

/**
 * Not a check by itself: with TADORU_RENDER_CHECK=<dir> it writes the sample report in every format
 * and language to that folder, to be looked at (pdftoppm, a headless browser) before a renderer
 * change is committed. Skipped otherwise.
 */
const dir = process.env.TADORU_RENDER_CHECK;
(dir ? it : it.skip)('writes the sample report for looking at', async () => {
  mkdirSync(dir!, { recursive: true });
  for (const lang of LANGS) {
    for (const format of REPORT_FORMATS) {
      const chunks: Buffer[] = [];
      await renderReport(sampleReport(lang, 120), format, { write: (chunk) => void chunks.push(Buffer.from(chunk)) });
      writeFileSync(join(dir!, `sample-${lang}.${FILE_EXTENSIONS[format]}`), Buffer.concat(chunks));
    }
  }
});
