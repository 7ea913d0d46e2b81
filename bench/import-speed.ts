/**
 * The bulk import benchmark (`npm run bench:import`): generates a map (or takes a file), starts an
 * embedded Neo4j, prints the plan operators of every import statement (an `Eager` makes Neo4j
 * materialise all of a statement's rows before it writes, which is what made large imports slow),
 * bulk-imports the map through BulkMapImportService with its findings, and prints the seconds of
 * each stage, node rows per second, and where the write time went statement by statement.
 *
 *   npm run bench:import -- [--scale 100000] [--seed 7] [--file map.json] [--explain-only]
 *
 * Heap and page cache of the Neo4j come from TADORU_NEO4J_HEAP / TADORU_NEO4J_PAGE_CACHE (6g each by
 * default, as in bench/scale.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { createApiApp } from '../apps/api/src/api.factory';
import { generateMap } from '@tadoru/generator';
import { CypherRegistry, MigrationRunner, Neo4jService } from '@tadoru/graph';
import { BulkMapImportService, MapStoreService } from '@tadoru/store';
import { startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { timed } from './measure';
import { mebibytes, rssOfPid, samplePeak } from './process-memory';

interface Options {
  scale: number;
  seed: number;
  file?: string;
  explainOnly: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { scale: 100_000, seed: 7, explainOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scale') options.scale = Number(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--file') options.file = argv[++i];
    else if (arg === '--explain-only') options.explainOnly = true;
    else throw new Error(`unknown option ${arg} (--scale N, --seed N, --file F, --explain-only)`);
  }
  return options;
}

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

/** Operator names of a plan, depth first, without the planner's "@neo4j" suffix. */
function operators(plan: PlanNode): string[] {
  return [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operators)];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const heap = process.env.TADORU_NEO4J_HEAP ?? '6g';
  const pageCache = process.env.TADORU_NEO4J_PAGE_CACHE ?? '6g';
  const work = mkdtempSync(join(tmpdir(), 'tadoru-import-bench-'));
  log(`Neo4j heap ${heap}, page cache ${pageCache}`);
  const server = await startEmbeddedNeo4j({ heap, pageCache, txTimeout: '30m', log });
  const app = await createApiApp({ connection: { uri: server.uri, database: 'neo4j', txTimeoutMs: 30 * 60_000 } }, ['error', 'warn']);
  const driver = neo4j.driver(server.uri);
  try {
    await app.init();
    await app.get(MigrationRunner).apply();

    // EXPLAIN plans only (nothing runs); with the migrations applied, so the indexes are there.
    const registry = app.get(CypherRegistry);
    const session = driver.session();
    try {
      for (const key of registry.keys('map/import/')) {
        const query = registry.get(key);
        const params = Object.fromEntries([...query.params].map((p) => [p, p === 'rows' ? [] : 'bench']));
        const result = await session.run(`EXPLAIN ${query.text}`, params);
        const ops = operators(result.summary.plan as unknown as PlanNode);
        const eager = ops.filter((o) => o === 'Eager').length;
        console.log(`${eager > 0 ? `EAGER x${eager}` : 'no eager'}  ${key}: ${ops.join(' < ')}`);
      }
    } finally {
      await session.close();
    }
    if (options.explainOnly) return;

    let file = options.file;
    if (!file) {
      file = join(work, `map-${options.scale}.json`);
      log(`generating scale ${options.scale}, seed ${options.seed}`);
      const [generated, ms] = await timed(() => generateMap({ scale: options.scale, seed: options.seed, out: file as string }));
      log(`generated ${generated.graph.nodes} nodes, ${generated.graph.relationships} relationships, ${(generated.bytes / 2 ** 20).toFixed(0)} MiB in ${(ms / 1000).toFixed(1)} s`);
    }

    // Time per statement key: from a statement's start to the next one's start in the same
    // transaction, or (for a transaction's last statement) to the next transaction's first one, so
    // the last figure of each transaction includes its commit. Cheap: one listener, no extra queries.
    const db = app.get(Neo4jService);
    const perKey = new Map<string, { ms: number; count: number; rows: number }>();
    let open: { key: string; at: number; rows: number } | undefined;
    const close = (now: number) => {
      if (!open) return;
      const t = perKey.get(open.key) ?? { ms: 0, count: 0, rows: 0 };
      t.ms += now - open.at;
      t.count++;
      t.rows += open.rows;
      perKey.set(open.key, t);
      open = undefined;
    };
    const stopRecording = db.recordStatements((s) => {
      const now = performance.now();
      close(now);
      open = { key: s.key, at: now, rows: Array.isArray(s.params.rows) ? s.params.rows.length : 0 };
    });
    const neo4jMemory = samplePeak(() => rssOfPid(server.pid));
    let stage = '';
    let stageAt = performance.now();
    const imported = await app.get(BulkMapImportService).importFiles([file], {
      onProgress: (p) => {
        if (p.stage === stage) return;
        const now = performance.now();
        if (stage) log(`  ${stage}: ${((now - stageAt) / 1000).toFixed(1)} s`);
        stage = p.stage;
        stageAt = now;
      },
    });
    close(performance.now());
    stopRecording();
    const peak = neo4jMemory.stop();

    const s = imported.seconds;
    console.log('');
    console.log(`map ${imported.map}: ${imported.nodes} nodes, ${imported.relationships} relationships, ${imported.findings} findings`);
    console.log(`seconds: validate ${s.validate.toFixed(1)}, write ${s.write.toFixed(1)}, evaluate ${s.evaluate.toFixed(1)}, publish ${s.publish.toFixed(1)}, total ${s.total.toFixed(1)}`);
    console.log(`node rows/s (write stage): ${Math.round(imported.nodes / s.write)}; nodes/s over the whole import: ${Math.round(imported.nodes / s.total)}`);
    console.log(`relationship rows/s (write stage): ${Math.round(imported.relationships / s.write)}`);
    console.log(`Neo4j peak RSS ${mebibytes(peak)} MiB`);
    console.log('');
    console.log('time per statement (seconds, statements, rows):');
    for (const [key, t] of [...perKey].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`  ${(t.ms / 1000).toFixed(2).padStart(8)}  ${String(t.count).padStart(5)}  ${String(t.rows).padStart(8)}  ${key}`);
    }
    await app.get(MapStoreService).deleteMap(imported.map);
  } finally {
    await driver.close();
    await app.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function log(line: string): void {
  console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
