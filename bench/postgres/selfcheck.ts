/**
 * Checks the PostgreSQL baseline against tadoru on the demo maps: imports each map into an embedded
 * Neo4j, loads it into a throwaway PostgreSQL, and for every data category compares tadoru's
 * RecipientsService.recipients rows with the baseline's — with default bounds, including internal flows,
 * at small depths, and as of every date on which some flow or derivation starts or ends (and the
 * days around it). Then times both on the default question. Exits 1 on any mismatch.
 *
 *   npm run build && node -r ./bin/register-aliases.js dist/bench/postgres/selfcheck.js
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { createApiApp } from '../../apps/api/src/api.factory';
import { MigrationRunner, projectRoot } from '@tadoru/graph';
import { LineageService } from '@tadoru/lineage';
import { DataMap, loadMapSources } from '@tadoru/map';
import { MapDirectoryService } from '@tadoru/catalog';
import { MapStoreService } from '@tadoru/store';
import { startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { RecipientsService } from '@tadoru/recipients';
import { percentile, timed } from '../measure';
import { compareRecipients, describeDifferences } from './compare-recipients';
import { PostgresLoadReport, PostgresRecipientsBaseline, PostgresRecipientsOptions } from './postgres-baseline';
import { PeakSampler, samplePeak } from '../process-memory';
import { PostgresServer, startPostgres } from './postgres-server';

const EXAMPLES = ['rikunabi-2019', 'persol-group', 'wantedly'];
const WARM_UP_RUNS = 3;
const TIMED_RUNS = 10;

interface Question extends PostgresRecipientsOptions {
  label: string;
}

interface MapFigures {
  map: string;
  categories: number;
  questions: number;
  /** Questions to which tadoru answered with at least one row (the others compare empty answers). */
  answered: number;
  mismatches: number;
  load: PostgresLoadReport;
  tadoruMs: number[];
  walkMs: number[];
  postgresMs: number[];
}

async function main(): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const neo4jServer = await startEmbeddedNeo4j({ heap: '1g' });
  const app = await createApiApp({ connection: { uri: neo4jServer.uri, database: 'neo4j', txTimeoutMs: 120_000 } }, ['error']);
  const driver = neo4j.driver(neo4jServer.uri);
  let postgres: PostgresServer | undefined;
  let memory: PeakSampler | undefined;
  const figures: MapFigures[] = [];
  const mismatchReports: string[] = [];
  try {
    await app.init();
    await app.get(MigrationRunner).apply();
    const trace = app.get(RecipientsService);
    const lineage = app.get(LineageService);
    const directory = app.get(MapDirectoryService);
    const maps: Record<string, DataMap> = {};
    for (const name of EXAMPLES) {
      const source = { name: `${name}.yaml`, text: readFileSync(join(projectRoot(), 'examples', `${name}.yaml`), 'utf8') };
      const loaded = loadMapSources([source]);
      if (!loaded.map) throw new Error(`examples/${name}.yaml does not validate: ${JSON.stringify(loaded.problems)}`);
      maps[name] = loaded.map;
      await app.get(MapStoreService).importMap([source]);
    }

    postgres = await startPostgres({ log: (line) => say(`[postgres] ${line}`) });
    const server = postgres;
    memory = samplePeak(() => server.rssBytes());

    for (const name of EXAMPLES) {
      const baseline = await PostgresRecipientsBaseline.connect(postgres.connection);
      try {
        const load = await baseline.load({ driver, map: name, storage: (await directory.pin(name)).storage, database: 'neo4j' });
        const categories = (maps[name].dataCategories ?? []).map((c) => c.id);
        const questions = questionsFor(maps[name]);
        let mismatches = 0;
        let answered = 0;
        for (const question of questions) {
          for (const category of categories) {
            const ask = { map: await directory.pin(name), category, asOf: question.asOf, maxDepth: question.maxDepth, includeInternal: question.includeInternal };
            const expected = await trace.recipients(ask);
            if (expected.rows.length > 0) answered++;
            const comparison = compareRecipients(expected.rows, await baseline.recipients(category, question), { tadoruCutByMaxNodes: expected.cutBy.includes('maxNodes') });
            if (!comparison.same) {
              mismatches++;
              mismatchReports.push(describeDifferences(`${name} ${category} (${question.label})${comparison.agrees ? ' [tadoru cut by maxNodes]' : ''}`, comparison));
            }
          }
        }

        // Interleaved, so that neither side is measured only while the other's caches are cold.
        const tadoruMs: number[] = [];
        const walkMs: number[] = [];
        const postgresMs: number[] = [];
        for (let run = 0; run < WARM_UP_RUNS + TIMED_RUNS; run++) {
          for (const category of categories) {
            const pinned = await directory.pin(name);
            const [, t] = await timed(() => trace.recipients({ map: pinned, category }));
            const [, w] = await timed(() => lineage.lineage({ map: pinned, from: { category }, direction: 'DOWNSTREAM' }));
            const [, p] = await timed(() => baseline.recipients(category));
            if (run < WARM_UP_RUNS) continue;
            tadoruMs.push(t);
            walkMs.push(w);
            postgresMs.push(p);
          }
        }
        figures.push({ map: name, categories: categories.length, questions: questions.length, answered, mismatches, load, tadoruMs, walkMs, postgresMs });
      } finally {
        await baseline.close();
      }
    }
  } finally {
    const peakRss = memory?.stop();
    const pss = postgres?.pssBytes();
    await postgres?.stop();
    await driver.close();
    await app.close();
    await neo4jServer.stop();
    if (peakRss !== undefined && pss !== undefined) say(`PostgreSQL memory: peak RSS ${mib(peakRss)} (sum over its processes, sampled every 250 ms), PSS at the end ${mib(pss)}`);
  }

  for (const report of mismatchReports) say(report);
  for (const f of figures) {
    const counts = Object.entries(f.load.rowCounts)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ');
    say(`\n${f.map}: ${f.categories} categories × ${f.questions} questions (${f.answered} answered with rows), ${f.mismatches} mismatches`);
    say(
      `  load into PostgreSQL: ${f.load.totalMs.toFixed(0)} ms (read + insert ${f.load.copyMs.toFixed(0)}, keys and indexes ${f.load.constraintsMs.toFixed(0)}, ` +
        `lineage tables ${f.load.lineageMs.toFixed(0)}, analyze ${f.load.analyzeMs.toFixed(0)})`,
    );
    say(`  rows: ${counts}`);
    say(`  recipients per category, p50 / p95 over ${TIMED_RUNS} runs of each category after ${WARM_UP_RUNS} warm-up runs:`);
    say(`    tadoru RecipientsService.recipients (walk + rule findings + details): ${latency(f.tadoruMs)}`);
    say(`    tadoru LineageService.lineage (the walk alone):                  ${latency(f.walkMs)}`);
    say(`    PostgreSQL recursive CTE (one statement):                        ${latency(f.postgresMs)}`);
  }
  const total = figures.reduce((n, f) => n + f.mismatches, 0);
  say(`\n${total === 0 ? 'no mismatches' : `${total} mismatching questions`} over ${figures.reduce((n, f) => n + f.categories * f.questions, 0)} questions`);
  return total === 0 ? 0 : 1;
}

/**
 * Default bounds; internal flows too; depths 1 to 3 (where the depth bound cuts); and as of every
 * date a flow or derivation starts or ends, and the day before and after it (where validity flips).
 */
function questionsFor(map: DataMap): Question[] {
  const dates = new Set<string>();
  for (const entry of [...(map.flows ?? []), ...(map.derivations ?? [])]) {
    for (const bound of [entry.validFrom, entry.validTo]) {
      if (!bound) continue;
      for (const shift of [-1, 0, 1]) dates.add(addDays(bound, shift));
    }
  }
  return [
    { label: 'default bounds' },
    { label: 'including internal flows', includeInternal: true },
    ...[1, 2, 3].map((maxDepth) => ({ label: `maxDepth ${maxDepth}`, maxDepth })),
    ...[...dates].sort().map((asOf) => ({ label: `as of ${asOf}`, asOf })),
  ];
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function latency(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${percentile(sorted, 50).toFixed(2)} / ${percentile(sorted, 95).toFixed(2)} ms`;
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
