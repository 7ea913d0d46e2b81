/**
 * Measures the foundation on this machine and prints the figures: embedded Neo4j start, map
 * validation, import and export of the demo maps, and the "all flows of the Rikunabi map" GraphQL
 * query over HTTP (latency and database statements per request).
 *
 *   npm run bench:foundation
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { createApiApp } from '../apps/api/src/api.factory';
import { MigrationRunner, Neo4jService, projectRoot } from '@tadoru/graph';
import { loadMapSources } from '@tadoru/map';
import { MapStoreService } from '@tadoru/store';
import { startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { percentile, timed } from './measure';

const EXAMPLES = ['rikunabi-2019.yaml', 'persol-group.yaml', 'wantedly.yaml'];
const FLOWS_QUERY = `{ map(name: "rikunabi-2019") { flows(first: 100) { totalCount nodes {
  id basis validFrom validTo from { id name } to { id name } sender { id name roles } recipient { id name roles }
  dataCategories { id name class profiling } purposes { id name } notice { id publishedAt } } } } }`;

async function main(): Promise<void> {
  const rows: [string, string][] = [];
  const [neo4j, startMs] = await timed(() => startEmbeddedNeo4j({ heap: '1g' }));
  rows.push(['embedded Neo4j start (new temporary store)', `${startMs.toFixed(0)} ms`]);
  const app = await createApiApp({ connection: { uri: neo4j.uri, database: 'neo4j', txTimeoutMs: 30_000 } }, ['error']);
  try {
    await app.init();
    await app.listen(0, '127.0.0.1');
    const [, migrateMs] = await timed(() => app.get(MigrationRunner).apply());
    rows.push(['migrations on an empty database', `${migrateMs.toFixed(0)} ms`]);
    const maps = app.get(MapStoreService);

    for (const file of EXAMPLES) {
      const text = readFileSync(join(projectRoot(), 'examples', file), 'utf8');
      const [, validateMs] = await timed(async () => loadMapSources([{ name: file, text }]));
      const [, firstMs] = await timed(() => maps.importMap([{ name: file, text }]));
      const again: number[] = [];
      for (let i = 0; i < 5; i++) again.push((await timed(() => maps.importMap([{ name: file, text }])))[1]);
      const name = file.replace('.yaml', '');
      const [, exportMs] = await timed(() => maps.exportMap(name));
      rows.push([`${file}: validate / first import / re-import (mean of 5) / export`, `${validateMs.toFixed(0)} / ${firstMs.toFixed(0)} / ${(again.reduce((a, b) => a + b) / again.length).toFixed(0)} / ${exportMs.toFixed(0)} ms`]);
    }

    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    const db = app.get(Neo4jService);
    const latencies: number[] = [];
    let statements = 0;
    const runs = 100;
    for (let i = 0; i < runs + 10; i++) {
      const before = db.statementCount;
      const [body, ms] = await timed(async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: FLOWS_QUERY }) })).json());
      if ((body as { errors?: unknown }).errors) throw new Error(JSON.stringify((body as { errors: unknown }).errors));
      if (i >= 10) {
        latencies.push(ms);
        statements = db.statementCount - before;
      }
    }
    latencies.sort((a, b) => a - b);
    rows.push([`GraphQL "all 90 Rikunabi flows with sender, recipient, categories, basis" (${runs} runs after 10 warm-up)`, `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`]);
    rows.push(['database statements per request of that query', String(statements)]);
    rows.push(['service heap used after the run', `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`]);
  } finally {
    await app.close();
    await neo4j.stop();
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\ntadoru foundation figures (${new Date().toISOString()}, node ${process.version})\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
