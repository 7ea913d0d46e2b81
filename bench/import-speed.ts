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
 * default, as in bench/scale.ts). With NEO4J_URI set, that (unauthenticated) Neo4j is used instead of
 * starting one: quicker for trying changes one after another, but its JVM is warm.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { createApiApp } from '../apps/api/src/api.factory';
import { generateMap } from '@tadoru/generator';
import { CypherRegistry, MigrationRunner, Neo4jService, QueryRunner } from '@tadoru/graph';
import { BulkMapImportService, MapStoreService } from '@tadoru/store';
import { startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { timed } from './measure';
import { mebibytes, readProcFile, rssOfPid, samplePeak } from './process-memory';

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
  log(process.env.NEO4J_URI ? `Neo4j at ${process.env.NEO4J_URI}` : `Neo4j heap ${heap}, page cache ${pageCache}`);
  const server = process.env.NEO4J_URI
    ? { uri: process.env.NEO4J_URI, pid: 0, stop: async () => undefined }
    : await startEmbeddedNeo4j({ heap, pageCache, txTimeout: '30m', log });
  const app = await createApiApp({ connection: { uri: server.uri, database: 'neo4j', txTimeoutMs: 30 * 60_000 } }, ['error']);
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

    // Time per statement key, and what the write transactions spent beyond their statements (the
    // commit, mostly), by wrapping the service's query runner and its write(): bench-only, no extra queries.
    const db = app.get(Neo4jService);
    const perKey = new Map<string, { ms: number; count: number; rows: number }>();
    const perOp = new Map<string, { ms: number; statementMs: number; count: number }>();
    let unitStatementMs = 0;
    const internals = db as unknown as { runner: (...args: unknown[]) => QueryRunner; write: Neo4jService['write'] };
    const runner = internals.runner.bind(db);
    internals.runner = (...args: unknown[]) => {
      const inner = runner(...args);
      return {
        run: async (key, params) => {
          const at = performance.now();
          try {
            return await inner.run(key, params);
          } finally {
            const ms = performance.now() - at;
            unitStatementMs += ms;
            const t = perKey.get(key) ?? { ms: 0, count: 0, rows: 0 };
            t.ms += ms;
            t.count++;
            t.rows += Array.isArray(params.rows) ? params.rows.length : 0;
            perKey.set(key, t);
          }
        },
      };
    };
    const write = db.write.bind(db);
    internals.write = async (op, work, timeoutMs) => {
      const at = performance.now();
      let statementMs = 0;
      try {
        return await write(op, async (q) => {
          const before = unitStatementMs;
          try {
            return await work(q);
          } finally {
            statementMs = unitStatementMs - before;
          }
        }, timeoutMs);
      } finally {
        const t = perOp.get(op) ?? { ms: 0, statementMs: 0, count: 0 };
        t.ms += performance.now() - at;
        t.statementMs += statementMs;
        t.count++;
        perOp.set(op, t);
      }
    };
    const neo4jMemory = samplePeak(() => (server.pid ? rssOfPid(server.pid) : 0));
    let stage = '';
    let stageAt = performance.now();
    const cpuOfNeo4j = () => (server.pid ? cpuSeconds(server.pid) : 0);
    const cpuAtStart = { neo4j: cpuOfNeo4j(), node: process.cpuUsage() };
    let stageCpu = cpuOfNeo4j();
    // A name of its own, so that a map stored earlier under the file's name never makes the import a no-op.
    const imported = await app.get(BulkMapImportService).importFiles([file], {
      mapName: `import-speed-${Date.now()}`,
      onProgress: (p) => {
        if (p.stage === stage) return;
        const now = performance.now();
        const cpu = cpuOfNeo4j();
        if (stage) log(`  ${stage}: ${((now - stageAt) / 1000).toFixed(1)} s, Neo4j CPU ${(cpu - stageCpu).toFixed(1)} s`);
        stage = p.stage;
        stageAt = now;
        stageCpu = cpu;
      },
    });
    const peak = neo4jMemory.stop();
    const neo4jCpu = cpuOfNeo4j() - cpuAtStart.neo4j;
    const nodeCpu = process.cpuUsage(cpuAtStart.node);
    log(`  ${stage}: ${((performance.now() - stageAt) / 1000).toFixed(1)} s, Neo4j CPU ${(cpuOfNeo4j() - stageCpu).toFixed(1)} s`);

    const s = imported.seconds;
    console.log('');
    console.log(`map ${imported.map}: ${imported.nodes} nodes, ${imported.relationships} relationships, ${imported.findings} findings`);
    console.log(`seconds: validate ${s.validate.toFixed(1)}, write ${s.write.toFixed(1)}, evaluate ${s.evaluate.toFixed(1)}, publish ${s.publish.toFixed(1)}, total ${s.total.toFixed(1)}`);
    console.log(`node rows/s (write stage): ${Math.round(imported.nodes / s.write)}; nodes/s over the whole import: ${Math.round(imported.nodes / s.total)}`);
    console.log(`relationship rows/s (write stage): ${Math.round(imported.relationships / s.write)}`);
    if (server.pid) console.log(`Neo4j peak RSS ${mebibytes(peak)} MiB; CPU seconds of the import: Neo4j ${neo4jCpu.toFixed(1)}, this process ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)}`);
    console.log('');
    console.log('write transactions (seconds in all, of which statements, the rest mostly commit; transactions):');
    for (const [op, t] of perOp) console.log(`  ${op}: ${(t.ms / 1000).toFixed(2)}, ${(t.statementMs / 1000).toFixed(2)} in statements, ${((t.ms - t.statementMs) / 1000).toFixed(2)} beyond; ${t.count}`);
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

/**
 * CPU seconds a process has used (user + system, from /proc): on a machine shared with other work,
 * a steadier figure than wall-clock time for comparing two versions of the import. 0 elsewhere.
 */
function cpuSeconds(pid: number): number {
  const stat = readProcFile(pid, 'stat');
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime: fields 14 and 15, in clock ticks (USER_HZ 100)
}

function log(line: string): void {
  console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
