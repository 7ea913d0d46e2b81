/**
 * The change-set benchmark (`npm run bench:changes`): on generated maps of each size, bulk-imports
 * the map (its history record included), then times over GraphQL/HTTP the proposal and the apply of
 * one-flow change sets (a new flow beside an existing one between organizations), measures what the
 * history stores per applied change over many applies, and races 20 concurrent applies against one
 * version. Writes bench/results/changes.json and prints a summary.
 *
 *   npm run bench:changes -- [--sizes 10000,1000000] [--seed 7] [--samples 20] [--history-changes 1000]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { createApiApp } from '../apps/api/src/api.factory';
import { MapDirectoryService } from '@tadoru/catalog';
import { generateMap } from '@tadoru/generator';
import { MigrationRunner, projectRoot } from '@tadoru/graph';
import { BulkMapImportService, HistoryService } from '@tadoru/store';
import { startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { percentile, timed } from './measure';
import { benchCypher } from './scale/bench-cypher';

interface Options {
  sizes: number[];
  seed: number;
  samples: number;
  historyChanges: number;
  out: string;
}

interface FlowModel {
  id: string;
  from: string;
  to: string;
  dataCategories: string[];
  purposes: string[];
}

const log = (line: string): void => {
  process.stderr.write(`[bench:changes ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: [10_000, 1_000_000], seed: 7, samples: 20, historyChanges: 1000, out: join(projectRoot(), 'bench', 'results') };
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
      case '--samples':
        options.samples = Number(value());
        break;
      case '--history-changes':
        options.historyChanges = Number(value());
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (expected --sizes, --seed, --samples, --history-changes)`);
    }
  }
  if (options.sizes.some((s) => !Number.isInteger(s) || s <= 0)) throw new Error('--sizes takes positive integers, e.g. 10000,1000000');
  return options;
}

const PROPOSE = `mutation ($map: String!, $content: String!) { proposeChange(map: $map, content: $content, format: JSON) { baseVersion introduced { rule } recipients { added { organization } } } }`;
const APPLY = `mutation ($map: String!, $content: String!, $v: Int!) { applyChange(map: $map, content: $content, format: JSON, expectedVersion: $v) { applied diff { version introduced { rule } } } }`;

interface ChangeResponse {
  data?: {
    proposeChange?: { baseVersion: number };
    applyChange?: { applied: boolean; diff: { version: number | null; introduced: unknown[] } };
  };
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<ChangeResponse> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as ChangeResponse;
}

function oneFlowChange(model: FlowModel, tag: string): string {
  return JSON.stringify({
    tadoru: 1,
    description: `bench: a flow beside ${model.id}`,
    upsert: { flows: [{ id: `bench-${tag}-${model.id}`, from: model.from, to: model.to, dataCategories: model.dataCategories, ...(model.purposes.length > 0 ? { purposes: model.purposes } : {}), basis: 'CONSENT' }] },
  });
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1] ?? 0), n: sorted.length };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'tadoru-bench-changes-'));
  const heap = process.env.TADORU_NEO4J_HEAP ?? '6g';
  const pageCache = process.env.TADORU_NEO4J_PAGE_CACHE ?? '6g';
  const neo4jServer = await startEmbeddedNeo4j({ heap, pageCache, txTimeout: '30m', log });
  const app = await createApiApp({ connection: { uri: neo4jServer.uri, database: 'neo4j', txTimeoutMs: 30 * 60_000 } }, ['error', 'warn']);
  const driver: Driver = neo4j.driver(neo4jServer.uri);
  const results: unknown[] = [];
  try {
    await app.init();
    await app.listen(0, '127.0.0.1');
    await app.get(MigrationRunner).apply();
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    for (const [index, scale] of options.sizes.entries()) {
      const file = join(work, `map-${scale}.json`);
      log(`${scale}: generating`);
      const generated = await generateMap({ scale, seed: options.seed, out: file });
      const map = generated.map;
      log(`${scale}: importing ${generated.graph.nodes} nodes`);
      const [imported, importMs] = await timed(() => app.get(BulkMapImportService).importFiles([file]));
      const history = app.get(HistoryService);
      const importHistory = await history.size(map);
      log(`${scale}: imported in ${(importMs / 1000).toFixed(1)} s; its history record: ${importHistory.chunks} chunks, ${(importHistory.bytes / 2 ** 20).toFixed(1)} MiB`);

      const session = driver.session();
      const storage = (await app.get(MapDirectoryService).pin(map)).storage;
      const models = (await session.run(benchCypher('sample-flow-models'), { map: storage, limit: neo4j.int(options.samples + 1) })).records.map((r) => r.toObject() as FlowModel);
      await session.close();

      // The first proposal after an import plans the statements; reported apart.
      const [, firstProposeMs] = await timed(() => post(url, PROPOSE, { map, content: oneFlowChange(models[0], 'first') }));
      const propose: number[] = [];
      const apply: number[] = [];
      let introduced = 0;
      for (const [i, model] of models.slice(1).entries()) {
        const [proposal, ms] = await timed(() => post(url, PROPOSE, { map, content: oneFlowChange(model, `p${i}`) }));
        if (proposal.errors) throw new Error(`proposal failed: ${proposal.errors[0].message}`);
        propose.push(ms);
        const [applied, applyMs] = await timed(() => post(url, APPLY, { map, content: oneFlowChange(model, `p${i}`), v: proposal.data!.proposeChange!.baseVersion }));
        if (applied.errors) throw new Error(`apply failed: ${applied.errors[0].message}`);
        apply.push(applyMs);
        introduced += applied.data!.applyChange!.diff.introduced.length;
      }
      log(`${scale}: propose p50 ${stats(propose).p50} ms, apply p50 ${stats(apply).p50} ms (first proposal ${firstProposeMs.toFixed(0)} ms)`);

      // 20 applies of different flows against one version, at once.
      const base = (await app.get(MapDirectoryService).pin(map)).version;
      const race = await Promise.all(models.slice(0, 20).map((m, i) => post(url, APPLY, { map, content: oneFlowChange(m, `race${i}`), v: base })));
      const won = race.filter((r) => r.data?.applyChange?.applied === true).length;
      const conflicts = race.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length;
      const after = await app.get(MapDirectoryService).pin(map);
      log(`${scale}: 20 concurrent applies against version ${base}: ${won} applied, ${conflicts} CONFLICT; version now ${after.version}`);

      let historyGrowth: Record<string, number> | undefined;
      if (index === 0 && options.historyChanges > 0) {
        const before = await history.size(map);
        const started = Date.now();
        for (let i = 0; i < options.historyChanges; i++) {
          const model = models[i % models.length];
          const v = (await app.get(MapDirectoryService).pin(map)).version;
          const applied = await post(url, APPLY, { map, content: oneFlowChange(model, `h${i}`), v });
          if (applied.errors) throw new Error(`apply ${i} failed: ${applied.errors[0].message}`);
        }
        const grown = await history.size(map);
        const n = options.historyChanges;
        historyGrowth = {
          changes: n,
          seconds: Math.round((Date.now() - started) / 100) / 10,
          recordsPerChange: (grown.records - before.records) / n,
          chunksPerChange: (grown.chunks - before.chunks) / n,
          nodesPerChange: (grown.records - before.records + grown.chunks - before.chunks) / n,
          bytesPerChange: Math.round((grown.bytes - before.bytes) / n),
        };
        log(`${scale}: ${n} applied changes added ${historyGrowth.nodesPerChange} history nodes and ${historyGrowth.bytesPerChange} bytes each`);
      }
      results.push({
        scale,
        nodes: generated.graph.nodes,
        importSeconds: Math.round(importMs / 100) / 10,
        importHistory: { chunks: importHistory.chunks, mebibytes: Math.round((importHistory.bytes / 2 ** 20) * 10) / 10, elements: Object.values(generated.elements).reduce((a, b) => a + b, 0) },
        firstProposeMs: Math.round(firstProposeMs),
        propose: stats(propose),
        apply: stats(apply),
        introducedByAppliedChanges: introduced,
        concurrentApplies: { attempts: 20, applied: won, conflicts, versionBefore: base, versionAfter: after.version },
        historyGrowth,
        findingsAfterImport: imported.findings,
      });
    }
  } finally {
    await driver.close();
    await app.close();
    await neo4jServer.stop();
    rmSync(work, { recursive: true, force: true });
  }
  mkdirSync(options.out, { recursive: true });
  const out = { machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) }, seed: options.seed, neo4j: { heap, pageCache }, results };
  writeFileSync(join(options.out, 'changes.json'), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
