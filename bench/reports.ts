/**
 * The report benchmark (`npm run bench:reports`): on a generated map of each size, bulk-imports it,
 * then builds every kind of report in the given formats, writing each to a sink that only counts
 * bytes, and samples the process's resident memory and heap while it does. It prints and writes
 * bench/results/reports.json: per size, kind and format, the seconds, the bytes and the peak memory
 * above what the service held before the report.
 *
 *   npm run bench:reports -- [--sizes 10000,1000000] [--seed 7] [--formats json,csv,pdf] [--kinds ledger,overview] [--lang ja]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CatalogModule } from '@tadoru/catalog';
import { generateMap } from '@tadoru/generator';
import { GraphModule, MigrationRunner, projectRoot } from '@tadoru/graph';
import { LineageModule } from '@tadoru/lineage';
import { startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { RecipientsModule } from '@tadoru/recipients';
import { REPORT_FORMATS, REPORT_KINDS, ReportFormat, ReportKindName, ReportsModule } from '@tadoru/reports';
import { RulesModule } from '@tadoru/rules';
import { BulkMapImportService, StoreModule } from '@tadoru/store';
import { benchReports } from './scale/reports';
import { ChangesModule } from '@tadoru/changes';

interface Options {
  sizes: number[];
  seed: number;
  formats: ReportFormat[];
  kinds: ReportKindName[];
  lang: 'en' | 'ja';
  out: string;
}

const log = (line: string): void => {
  process.stderr.write(`[bench:reports ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: [10_000, 1_000_000], seed: 7, formats: ['json', 'csv', 'pdf'], kinds: [...REPORT_KINDS], lang: 'ja', out: join(projectRoot(), 'bench', 'results') };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    switch (argv[i]) {
      case '--sizes':
        options.sizes = value().split(',').map(Number);
        break;
      case '--seed':
        options.seed = Number(value());
        break;
      case '--formats':
        options.formats = value().split(',') as ReportFormat[];
        break;
      case '--kinds':
        options.kinds = value().split(',') as ReportKindName[];
        break;
      case '--lang':
        options.lang = value() === 'en' ? 'en' : 'ja';
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (expected --sizes, --seed, --formats, --kinds, --lang)`);
    }
  }
  if (options.sizes.some((s) => !Number.isInteger(s) || s <= 0)) throw new Error('--sizes takes positive integers, e.g. 10000,1000000');
  for (const f of options.formats) if (!REPORT_FORMATS.includes(f)) throw new Error(`--formats takes ${REPORT_FORMATS.join(', ')}`);
  for (const k of options.kinds) if (!REPORT_KINDS.includes(k)) throw new Error(`--kinds takes ${REPORT_KINDS.join(', ')}`);
  return options;
}

@Module({})
class BenchModule {
  static forRoot(uri: string): DynamicModule {
    return {
      module: BenchModule,
      imports: [GraphModule.forRoot({ uri, database: 'neo4j', txTimeoutMs: 30 * 60_000 }), CatalogModule, StoreModule, LineageModule, RulesModule, RecipientsModule, ReportsModule, ChangesModule],
    };
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'tadoru-bench-reports-'));
  const heap = process.env.TADORU_NEO4J_HEAP ?? '6g';
  const pageCache = process.env.TADORU_NEO4J_PAGE_CACHE ?? '6g';
  const server = await startEmbeddedNeo4j({ heap, pageCache, txTimeout: '30m', log });
  const ctx = await NestFactory.createApplicationContext(BenchModule.forRoot(server.uri), { logger: ['error', 'warn'] });
  const results: unknown[] = [];
  try {
    await ctx.get(MigrationRunner).apply();
    for (const scale of options.sizes) {
      const file = join(work, `map-${scale}.json`);
      log(`${scale}: generating`);
      const generated = await generateMap({ scale, seed: options.seed, out: file });
      log(`${scale}: importing ${generated.graph.nodes} nodes`);
      const started = Date.now();
      await ctx.get(BulkMapImportService).importFiles([file]);
      log(`${scale}: imported in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const { subjects, reports } = await benchReports(ctx, generated.map, options, (line) => log(`${scale}: ${line}`));
      results.push({ scale, nodes: generated.graph.nodes, subjects, reports });
    }
  } finally {
    await ctx.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  mkdirSync(options.out, { recursive: true });
  const out = { machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) }, seed: options.seed, lang: options.lang, neo4j: { heap, pageCache }, results };
  writeFileSync(join(options.out, 'reports.json'), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
