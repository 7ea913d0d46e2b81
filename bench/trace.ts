/**
 * Measures lineage, recipients and the rule engine on the demo maps and prints the figures: the
 * first (cold) and warm full rule scans, `tadoru check`'s evaluation, and the DPO question,
 * a person's trace, a lineage query and a one-target finding explanation over GraphQL/HTTP.
 *
 *   npm run bench:trace
 *
 * The JVM plans each query on first use and its JIT warms up over thousands of queries, so every
 * latency is measured after a warm-up; the cold figures are printed separately. First of all, the
 * DPO question as a user first asks it: `tadoru serve` started afresh (as by `npm start`), the
 * question sent the moment it says it is serving, then again, with the answer cache off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { createApiApp } from '../apps/api/src/api.factory';
import { MigrationRunner, Neo4jService, projectRoot } from '@tadoru/graph';
import { loadMapSources } from '@tadoru/map';
import { MapDirectoryService } from '@tadoru/catalog';
import { BulkMapImportService, MapStoreService } from '@tadoru/store';
import { startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { percentile, timed } from './measure';
import { CheckService } from '@tadoru/reports';
import { FindingsService, RuleEngine } from '@tadoru/rules';
import { DPO_QUESTION } from '../apps/api/src/playground/playground-queries';
import { askGraphQL, startService } from './service-process';

const EXAMPLES = ['rikunabi-2019', 'persol-group', 'wantedly'];

const QUERIES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  'recipients of rn2020-browsing-member (the DPO question)': { query: DPO_QUESTION },
  'person trace of rn2020-no-consent': {
    query: `{ map(name: "rikunabi-2019") { personTrace(person: "rn2020-no-consent") { holdings { systemId categoryId }
      recipients { organizationId flowId consent { consented } findings { rule } } findings { id } partial } } }`,
  },
  'lineage UPSTREAM of the decline score at toyota-ats': {
    query: `{ map(name: "rikunabi-2019") { lineage(category: "rn2020-decline-score", system: "toyota-ats", direction: UPSTREAM) { partial nodes { asset depth reachedVia { via } } } } }`,
  },
  'findings of one flow (targetId)': {
    query: `{ map(name: "rikunabi-2019") { findings(targetId: "toyota-scores-named") { totalCount nodes { rule path message } } } }`,
  },
  'all findings of the map (full scan over HTTP)': {
    query: `{ map(name: "rikunabi-2019") { findings(first: 1000) { totalCount summary { critical high medium low } nodes { id } } } }`,
  },
};

/** The DPO question right after `tadoru serve` is ready, then the next few: what a first-time user waits. */
async function firstQuestionAfterStart(rows: [string, string][]): Promise<void> {
  // With the answer cache off: the start-up's own asking of the question would otherwise be served again.
  const service = await startService({ env: { TADORU_ANSWER_CACHE: 'off' } });
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push((await timed(() => askGraphQL(service.url, DPO_QUESTION)))[1]);
    rows.push(['tadoru serve on a fresh data directory: ready (Neo4j started, demo maps loaded)', `${(service.readyMs / 1000).toFixed(1)} s`]);
    rows.push(['first DPO question after the service is ready, then the 2nd … 5th (answer cache off)', times.map((t) => t.toFixed(0)).join(' / ') + ' ms']);
  } finally {
    await service.stop();
  }
}

async function main(): Promise<void> {
  const rows: [string, string][] = [];
  await firstQuestionAfterStart(rows);
  // The latencies below repeat each question: with the answer cache they would time the cache.
  process.env.TADORU_ANSWER_CACHE = process.env.TADORU_ANSWER_CACHE ?? 'off';
  const neo4j = await startEmbeddedNeo4j({ heap: '1g' });
  const app = await createApiApp({ connection: { uri: neo4j.uri, database: 'neo4j', txTimeoutMs: 120_000 } }, ['error']);
  try {
    await app.init();
    await app.listen(0, '127.0.0.1');
    await app.get(MigrationRunner).apply();
    const maps = app.get(MapStoreService);
    const texts = Object.fromEntries(EXAMPLES.map((m) => [m, readFileSync(join(projectRoot(), 'examples', `${m}.yaml`), 'utf8')]));
    for (const m of EXAMPLES) await maps.importMap([{ name: `${m}.yaml`, text: texts[m] }]);

    const engine = app.get(RuleEngine);
    const directory = app.get(MapDirectoryService);
    const rikunabiVersion = await directory.pin('rikunabi-2019');
    const [coldFindings, coldMs] = await timed(() => engine.evaluate(rikunabiVersion));
    rows.push([`first rule scan after start, rikunabi-2019 (plans every rule; ${coldFindings.length} findings)`, `${coldMs.toFixed(0)} ms`]);
    for (const m of EXAMPLES) {
      const scans: number[] = [];
      const version = await directory.pin(m);
      for (let i = 0; i < 10; i++) scans.push((await timed(() => engine.evaluate(version)))[1]);
      scans.sort((a, b) => a - b);
      rows.push([`full rule scan, ${m} (p50 of 10, warm)`, `${percentile(scans, 50).toFixed(0)} ms`]);
    }
    // `tadoru check`'s service (a CLI one: the API does not serve checks), made from the app's own.
    const checkService = new CheckService(app.get(MapStoreService), engine, app.get(FindingsService), app.get(BulkMapImportService));
    const { map: rikunabi } = loadMapSources([{ name: 'rikunabi-2019.yaml', text: texts['rikunabi-2019'] }]);
    const checks: number[] = [];
    for (let i = 0; i < 5; i++) checks.push((await timed(() => checkService.check(rikunabi!, 'rikunabi-2019')))[1]);
    checks.sort((a, b) => a - b);
    rows.push(['check of rikunabi-2019 on a running database: scratch import + rules + removal (p50 of 5)', `${percentile(checks, 50).toFixed(0)} ms`]);

    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    const db = app.get(Neo4jService);
    for (const [name, { query, variables }] of Object.entries(QUERIES)) {
      const send = async () => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: variables ?? {} }) });
        const body = (await res.json()) as { errors?: unknown };
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      };
      const [, firstMs] = await timed(send);
      for (let i = 0; i < 20; i++) await send();
      const latencies: number[] = [];
      const before = db.statementCount;
      const runs = 50;
      for (let i = 0; i < runs; i++) latencies.push((await timed(send))[1]);
      latencies.sort((a, b) => a - b);
      rows.push([
        `GraphQL ${name}: first / p50 / p95 (${runs} runs after 20 warm-up), statements per request`,
        `${firstMs.toFixed(0)} / ${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)} ms, ${((db.statementCount - before) / runs).toFixed(0)}`,
      ]);
    }
    rows.push(['service heap used', `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`]);
  } finally {
    await app.close();
    await neo4j.stop();
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
