/**
 * Renders bench/results/latest.md again from latest.json (after a change to the summary's layout,
 * without running the benchmark again):  npm run bench:report
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@tadoru/graph';
import type { BenchDocument } from './scale';
import { renderMarkdown } from './scale/report';

const dir = join(projectRoot(), 'bench', 'results');
const document = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as BenchDocument;
writeFileSync(join(dir, 'latest.md'), renderMarkdown(document));
process.stdout.write(`rendered ${join(dir, 'latest.md')}\n`);
