/**
 * The scale benchmark (`npm run bench`): for each size, generates a map with planted violations,
 * bulk-imports it, checks that the rules find exactly the planted findings (in the service and with
 * `tadoru check`), times full and scoped rule scans, the recipients and lineage questions over
 * GraphQL/HTTP and the same statements straight through the driver, and the recipients question in
 * PostgreSQL with recursive CTEs; samples the peak memory of each process. Writes JSON and Markdown
 * to bench/results/.
 *
 *   npm run bench -- [--sizes 10000,100000,1000000] [--seed 7] [--samples 20] [--rounds 3] [--no-postgres]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { benchReports, ReportFigure } from './scale/reports';
import { createApiApp } from '../apps/api/src/api.factory';
import { generateMap } from '@tadoru/generator';
import { MigrationRunner, Neo4jService, projectRoot } from '@tadoru/graph';
import { BulkMapImportService, MapStoreService } from '@tadoru/store';
import { startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { FindingsService, RuleEngine } from '@tadoru/rules';
import { MapDirectoryService } from '@tadoru/catalog';
import { RecipientsService } from '@tadoru/recipients';
import { percentile, timed } from './measure';
import { compareRecipients, RecipientKey } from './postgres/compare-recipients';
import { PostgresRecipientsBaseline } from './postgres/postgres-baseline';
import { PostgresServer, startPostgres } from './postgres/postgres-server';
import { mebibytes, rssOfPid, samplePeak } from './process-memory';
import { addFlowBeside } from './scale/added-flow';
import { benchCypher } from './scale/bench-cypher';
import { QUESTIONS } from './scale/graphql-queries';
import { recording, replay } from './scale/replay';
import { renderMarkdown } from './scale/report';
import { compareWithTruth, ComparableFinding, readTruth } from './scale/truth';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export interface QuestionResult {
  http: Percentiles;
  direct: Percentiles;
  /** HTTP p50 / direct p50: what the API adds to the database's work. */
  overheadP50: number;
  overheadP95: number;
  statementsPerRequest: number;
  partialAnswers: number;
}

export interface SizeResult {
  scale: number;
  seed: number;
  generate: { seconds: number; bytes: number; nodes: number; relationships: number; plantedFindings: number; elements: Record<string, number> };
  import: { seconds: number; validateSeconds: number; writeSeconds: number; evaluateSeconds: number; publishSeconds: number; nodes: number; relationships: number; nodeRowsPerSecond: number; relationshipRowsPerSecond: number };
  truth: { service: ReturnType<typeof compareWithTruth>; check: ReturnType<typeof compareWithTruth> & { seconds: number; exitCode: number | null } };
  ruleScan: { firstSeconds: number; warmSeconds: number; findings: number };
  scoped: { addedFlow: string; scopeTargets: number | null; scopeSeconds: number; scopedEvaluationSeconds: number; firstAddSeconds?: number; fullScanSeconds: number; identical: boolean; findingsBefore: number; findingsAfter: number };
  questions: Record<string, QuestionResult>;
  postgres?: { loadSeconds: number; rows: Record<string, number>; recipients: Percentiles; tadoruRecipientsP50: number; ratioP50: number; answersAgree: number; answersDiffer: number; differences: string[] };
  memory: { servicePeakMiB: number; neo4jPeakMiB: number; postgresPeakMiB?: number };
  /** Every kind of report as JSON (`npm run bench:reports` measures the other formats). */
  reports?: Record<string, ReportFigure>;
}

interface Options {
  sizes: number[];
  seed: number;
  samples: number;
  rounds: number;
  postgres: boolean;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: [10_000, 100_000, 1_000_000], seed: 7, samples: 20, rounds: 3, postgres: true, out: join(projectRoot(), 'bench', 'results') };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    const positive = (flag: string, text: string): number => {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, got "${text}"`);
      return n;
    };
    switch (argv[i]) {
      case '--sizes':
        options.sizes = value().split(',').map((s) => positive('--sizes', s.replace(/_/g, '')));
        break;
      case '--seed':
        options.seed = positive('--seed', value());
        break;
      case '--samples':
        options.samples = positive('--samples', value());
        break;
      case '--rounds':
        options.rounds = positive('--rounds', value());
        break;
      case '--no-postgres':
        options.postgres = false;
        break;
      case '--out':
        options.out = value();
        break;
      default:
        throw new Error(`unknown option ${argv[i]}; see the comment at the top of bench/scale.ts`);
    }
  }
  return options;
}

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), n: sorted.length };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'tadoru-bench-'));
  // Sized for the largest map on this 24 GiB machine; the service's defaults are for small maps.
  const heap = process.env.TADORU_NEO4J_HEAP ?? '6g';
  const pageCache = process.env.TADORU_NEO4J_PAGE_CACHE ?? '6g';
  log(`Neo4j heap ${heap}, page cache ${pageCache}; sizes ${options.sizes.join(', ')}; seed ${options.seed}`);
  // The rounds ask the same sampled questions again: with the service's answer cache they would
  // time the cache. Latencies here are of answers computed every time (bench:load shows both).
  process.env.TADORU_ANSWER_CACHE = process.env.TADORU_ANSWER_CACHE ?? 'off';
  const neo4jServer = await startEmbeddedNeo4j({ heap, pageCache, txTimeout: '30m', log });
  const app = await createApiApp({ connection: { uri: neo4jServer.uri, database: 'neo4j', txTimeoutMs: 30 * 60_000 } }, ['error', 'warn']);
  const driver = neo4j.driver(neo4jServer.uri);
  let postgres: PostgresServer | undefined;
  const results: SizeResult[] = [];
  try {
    await app.init();
    await app.listen(0, '127.0.0.1');
    await app.get(MigrationRunner).apply();
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    if (options.postgres) postgres = await startPostgres({ log });
    for (const scale of options.sizes) {
      results.push(await benchOneSize(scale, options, { app, url, driver, neo4jPid: neo4jServer.pid, neo4jUri: neo4jServer.uri, work, postgres }));
      writeResults(options, results, started, { heap, pageCache });
    }
  } finally {
    await postgres?.stop();
    await driver.close();
    await app.close();
    await neo4jServer.stop();
    rmSync(work, { recursive: true, force: true });
  }
  log(`done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}

interface Context {
  app: Awaited<ReturnType<typeof createApiApp>>;
  url: string;
  driver: Driver;
  neo4jPid: number;
  neo4jUri: string;
  work: string;
  postgres?: PostgresServer;
}

async function benchOneSize(scale: number, options: Options, ctx: Context): Promise<SizeResult> {
  const neo4jMemory = samplePeak(() => rssOfPid(ctx.neo4jPid));
  const serviceMemory = samplePeak(() => process.memoryUsage().rss);
  const file = join(ctx.work, `map-${scale}.json`);
  const truthFile = join(ctx.work, `map-${scale}.truth.json`);

  log(`${scale}: generating`);
  const [generated, generateMs] = await timed(() => generateMap({ scale, seed: options.seed, out: file, truthOut: truthFile }));
  const map = generated.map;
  const truth = readTruth(truthFile);
  log(`${scale}: ${generated.graph.nodes} nodes, ${generated.graph.relationships} relationships, ${truth.length} planted findings, ${(generated.bytes / 2 ** 20).toFixed(0)} MiB`);

  log(`${scale}: importing`);
  let lastStage = '';
  const imported = await ctx.app.get(BulkMapImportService).importFiles([file], {
    onProgress: (p) => {
      if (p.stage !== lastStage) log(`${scale}: ${(lastStage = p.stage)}`);
    },
  });
  log(`${scale}: imported in ${imported.seconds.total.toFixed(1)} s`);

  const engine = ctx.app.get(RuleEngine);
  const version = await ctx.app.get(MapDirectoryService).pin(map);
  const [firstFindings, firstMs] = await timed(() => engine.evaluate(version));
  const [warmFindings, warmMs] = await timed(() => engine.evaluate(version));
  log(`${scale}: rule scans ${(firstMs / 1000).toFixed(1)} s then ${(warmMs / 1000).toFixed(1)} s, ${warmFindings.length} findings`);
  const service = compareWithTruth(truth, firstFindings);

  log(`${scale}: tadoru check`);
  const check = await runCheck(file, ctx.neo4jUri);
  const checkTruth = { ...compareWithTruth(truth, check.findings), seconds: check.seconds, exitCode: check.exitCode };

  const samples = generated.samples;
  log(`${scale}: questions over HTTP and replayed through the driver`);
  const questions = await benchQuestions(ctx, map, samples, options);

  let postgresResult: SizeResult['postgres'];
  let postgresPeak: number | undefined;
  if (ctx.postgres) {
    const postgresMemory = samplePeak(() => ctx.postgres!.rssBytes());
    postgresResult = await benchPostgres(ctx, map, samples.categories, questions['recipients of a category'].http.p50);
    postgresPeak = postgresMemory.stop();
  }

  log(`${scale}: scoped re-evaluation after adding a flow`);
  const scoped = await benchScoped(ctx, map, warmFindings);

  log(`${scale}: every kind of report, as JSON`);
  const { reports } = await benchReports(ctx.app, map, { formats: ['json'], lang: 'ja' }, (line) => log(`${scale}: report ${line}`));

  await ctx.app.get(MapStoreService).deleteMap(map);
  rmSync(file, { force: true });
  return {
    scale,
    seed: options.seed,
    generate: {
      seconds: generateMs / 1000,
      bytes: generated.bytes,
      nodes: generated.graph.nodes,
      relationships: generated.graph.relationships,
      plantedFindings: truth.length,
      elements: generated.elements,
    },
    import: {
      seconds: imported.seconds.total,
      validateSeconds: imported.seconds.validate,
      writeSeconds: imported.seconds.write,
      evaluateSeconds: imported.seconds.evaluate,
      publishSeconds: imported.seconds.publish,
      nodes: imported.nodes,
      relationships: imported.relationships,
      nodeRowsPerSecond: Math.round(imported.nodes / imported.seconds.write),
      relationshipRowsPerSecond: Math.round(imported.relationships / imported.seconds.write),
    },
    truth: { service, check: checkTruth },
    ruleScan: { firstSeconds: firstMs / 1000, warmSeconds: warmMs / 1000, findings: warmFindings.length },
    scoped,
    questions,
    postgres: postgresResult,
    reports,
    memory: { servicePeakMiB: mebibytes(serviceMemory.stop()), neo4jPeakMiB: mebibytes(neo4jMemory.stop()), postgresPeakMiB: postgresPeak === undefined ? undefined : mebibytes(postgresPeak) },
  };
}

/** `tadoru check FILE --format json` as a user runs it, against the benchmark's database. */
async function runCheck(file: string, neo4jUri: string): Promise<{ findings: ComparableFinding[]; seconds: number; exitCode: number | null }> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'tadoru.js'), 'check', file, '--format', 'json', '--fail-on', 'none'], {
    env: { ...process.env, NEO4J_URI: neo4jUri },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (exitCode !== 0) throw new Error(`tadoru check exited ${exitCode}: ${Buffer.concat(err).toString().slice(-2000)}`);
  const report = JSON.parse(Buffer.concat(out).toString()) as { findings: ComparableFinding[] };
  return { findings: report.findings, seconds: (Date.now() - started) / 1000, exitCode };
}

async function benchQuestions(ctx: Context, map: string, samples: Record<'categories' | 'systems' | 'people', string[]>, options: Options): Promise<Record<string, QuestionResult>> {
  const db = ctx.app.get(Neo4jService);
  const send = async (query: string, variables: Record<string, unknown>): Promise<{ partial: boolean }> => {
    const res = await fetch(ctx.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: { map: Record<string, { partial?: boolean }> }; errors?: unknown };
    if (body.errors) throw new Error(`${JSON.stringify(body.errors).slice(0, 500)}`);
    return { partial: Object.values(body.data?.map ?? {}).some((v) => v?.partial === true) };
  };
  // The JVM compiles hot paths over the first thousands of queries: warm every question up first.
  for (let round = 0; round < 3; round++) {
    for (const q of QUESTIONS) for (const id of samples[q.sample].slice(0, options.samples)) await send(q.query, q.variables(map, id));
  }
  const results: Record<string, QuestionResult> = {};
  for (const q of QUESTIONS) {
    const http: number[] = [];
    const direct: number[] = [];
    let statements = 0;
    let partial = 0;
    for (let round = 0; round < options.rounds; round++) {
      for (const id of samples[q.sample].slice(0, options.samples)) {
        const [[answer, ms], ran] = await recording(db, () => timed(() => send(q.query, q.variables(map, id))));
        http.push(ms);
        direct.push(await replay(ctx.driver, ran));
        statements += ran.length;
        if (answer.partial) partial++;
      }
    }
    const h = percentiles(http);
    const d = percentiles(direct);
    results[q.name] = {
      http: h,
      direct: d,
      overheadP50: Math.round((h.p50 / d.p50) * 100) / 100,
      overheadP95: Math.round((h.p95 / d.p95) * 100) / 100,
      statementsPerRequest: Math.round((statements / http.length) * 10) / 10,
      partialAnswers: partial / options.rounds,
    };
    log(`  ${q.name}: HTTP p50 ${h.p50} ms p95 ${h.p95} ms, direct p50 ${d.p50} ms, overhead ${results[q.name].overheadP50}`);
  }
  return results;
}

async function benchPostgres(ctx: Context, map: string, categories: string[], tadoruP50: number): Promise<SizeResult['postgres']> {
  log(`PostgreSQL: loading ${map}`);
  const baseline = await PostgresRecipientsBaseline.connect(ctx.postgres!.connection);
  try {
    const load = await baseline.load({ driver: ctx.driver, map, storage: (await ctx.app.get(MapDirectoryService).pin(map)).storage });
    const trace = ctx.app.get(RecipientsService);
    let agree = 0;
    const differences: string[] = [];
    for (const category of categories) {
      // Every page of tadoru's answer (a page holds at most 1,000 rows; the far-travelling samples have more).
      const pinned = await ctx.app.get(MapDirectoryService).pin(map);
      const keys: RecipientKey[] = [];
      let ours = await trace.recipients({ map: pinned, category, first: 1000 });
      for (;;) {
        keys.push(...ours.rows.map((r) => ({ organization: r.organization, system: r.system, category: r.category, flow: r.flow, purpose: r.purpose })));
        if (!ours.hasNextPage) break;
        ours = await trace.recipients({ map: pinned, category, first: 1000, after: ours.endCursor });
      }
      const comparison = compareRecipients(keys, await baseline.recipients(category), { tadoruCutByMaxNodes: ours.cutBy.includes('maxNodes') });
      if (comparison.agrees) agree++;
      else differences.push(`${category}: ${comparison.onlyInTadoru.length} rows only in tadoru, ${comparison.onlyInPostgres.length} only in PostgreSQL`);
    }
    for (let i = 0; i < 2; i++) for (const category of categories) await baseline.recipients(category);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) for (const category of categories) times.push((await timed(() => baseline.recipients(category)))[1]);
    const recipients = percentiles(times);
    log(`PostgreSQL: recipients p50 ${recipients.p50} ms (tadoru over HTTP ${tadoruP50} ms); ${agree}/${categories.length} answers agree`);
    return {
      loadSeconds: load.totalMs / 1000,
      rows: load.rowCounts,
      recipients,
      tadoruRecipientsP50: tadoruP50,
      ratioP50: Math.round((recipients.p50 / tadoruP50) * 100) / 100,
      answersAgree: agree,
      answersDiffer: categories.length - agree,
      differences: differences.slice(0, 10),
    };
  } finally {
    await baseline.close();
  }
}

async function benchScoped(ctx: Context, map: string, before: Awaited<ReturnType<RuleEngine['evaluate']>>): Promise<SizeResult['scoped']> {
  const session = ctx.driver.session({ defaultAccessMode: 'READ' });
  let models: Array<Record<string, unknown>>;
  try {
    const rows = await session.run(benchCypher('sample-cross-organization-flows'), { map: (await ctx.app.get(MapDirectoryService).pin(map)).storage, limit: neo4j.int(1000) });
    const flows = rows.records.map((r) => r.get('flow') as Record<string, unknown>);
    models = flows.slice(Math.floor(flows.length / 2), Math.floor(flows.length / 2) + 3);
  } finally {
    await session.close();
  }
  const engine = ctx.app.get(RuleEngine);
  // Three flows added one after another: the first after an import also pays for Neo4j planning
  // the scoped rule queries again on the new statistics; the next two are the steady state.
  const addMs: number[] = [];
  let added: Awaited<ReturnType<typeof addFlowBeside>> | undefined;
  for (let i = 0; i < 3; i++) {
    const [result, ms] = await timed(() => addFlowBeside(ctx.app.get(MapStoreService), map, models[i]));
    added = result;
    addMs.push(ms);
  }
  const last = added as NonNullable<typeof added>;
  const after = await engine.evaluate(last.map);
  const [, fullMs] = await timed(() => engine.evaluate(last.map));
  const stored = await ctx.app.get(FindingsService).all(last.map);
  const identical = JSON.stringify(stored) === JSON.stringify(after);
  log(`added three flows in place, ${last.evaluatedTargets ?? 'all'} targets evaluated again for the last: ${addMs.map((m) => m.toFixed(0)).join(' / ')} ms, vs full scan ${fullMs.toFixed(0)} ms; stored findings = full evaluation: ${identical}`);
  return {
    addedFlow: last.flows[0],
    scopeTargets: last.evaluatedTargets,
    scopeSeconds: 0,
    scopedEvaluationSeconds: Math.max(addMs[1], addMs[2]) / 1000,
    firstAddSeconds: addMs[0] / 1000,
    fullScanSeconds: fullMs / 1000,
    identical,
    findingsBefore: before.length,
    findingsAfter: after.length,
  };
}

function writeResults(options: Options, results: SizeResult[], started: number, neo4jMemory: { heap: string; pageCache: string }): void {
  mkdirSync(options.out, { recursive: true });
  const document = {
    ranAt: new Date(started).toISOString(),
    minutes: Math.round((Date.now() - started) / 600) / 100,
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    neo4j: neo4jMemory,
    options: { sizes: options.sizes, seed: options.seed, samples: options.samples, rounds: options.rounds },
    results,
  };
  writeFileSync(join(options.out, 'latest.json'), `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(join(options.out, 'latest.md'), renderMarkdown(document as BenchDocument));
  log(`results written to ${join(options.out, 'latest.json')} and latest.md`);
}

export interface BenchDocument {
  ranAt: string;
  minutes: number;
  machine: { cpus: number; memoryGiB: number; node: string };
  neo4j: { heap: string; pageCache: string };
  options: { sizes: number[]; seed: number; samples: number; rounds: number };
  results: SizeResult[];
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
