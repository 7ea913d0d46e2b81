/**
 * The "recipients" question answered the way a team without a graph database would: the data map
 * in relational tables, and one recursive CTE per question. It is the benchmark's baseline for
 * tadoru's TraceService.recipients on Neo4j.
 *
 * The tables are filled from a map already imported into Neo4j (so both sides answer from the same
 * data), page by page, with batched INSERT … SELECT FROM unnest(…) statements.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { Driver, Session } from 'neo4j-driver';
import { Client, ClientConfig } from 'pg';
import { checkParameters, CypherQuery, loadCypherTree, projectRoot, Row, toPlain } from '@tadoru/graph';
import { checkBounds } from '@tadoru/lineage';
import { timed } from '../measure';
import { RecipientKey } from './compare-recipients';

/** Where the map comes from: a map imported into Neo4j by tadoru. */
export interface Neo4jMapSource {
  driver: Driver;
  map: string;
  /** The key the elements of the map's current version carry in Neo4j (`PinnedMap.storage`). */
  storage: string;
  /** Neo4j database name; the server's default when absent. */
  database?: string;
}

export interface PostgresRecipientsOptions {
  /** ISO date: only flows and derivations valid that day are followed (null or absent: all). */
  asOf?: string | null;
  /** Steps from where the category originates, as tadoru's maxDepth (default 10). */
  maxDepth?: number | null;
  /** Also list flows between systems of one organization (tadoru's includeInternal, default false). */
  includeInternal?: boolean;
}

export interface PostgresLoadReport {
  map: string;
  /** The PostgreSQL schema holding the map's tables. */
  schema: string;
  /** Reading the graph page by page and inserting the rows. */
  copyMs: number;
  /** Primary keys, foreign keys, indexes. */
  constraintsMs: number;
  /** Deriving the assets / asset_steps lineage tables and their indexes. */
  lineageMs: number;
  analyzeMs: number;
  totalMs: number;
  /** Rows per table after loading. */
  rowCounts: Record<string, number>;
}

type ColumnType = 'text' | 'date';

interface TableSpec {
  name: string;
  columns: Array<[name: string, type: ColumnType]>;
}

/** One Cypher read and how each record it returns becomes rows of one or more tables. */
interface Extract {
  /** bench/postgres/cypher/<query>.cypher */
  query: string;
  into: Array<{ table: TableSpec; rows: (record: Row) => unknown[][] }>;
}

const text = (...names: string[]): TableSpec['columns'] => names.map((n) => [n, 'text']);
const validity: TableSpec['columns'] = [
  ['valid_from', 'date'],
  ['valid_to', 'date'],
];
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const EXTRACTS: Extract[] = [
  { query: 'organizations', into: [{ table: { name: 'organizations', columns: text('id', 'name', 'country') }, rows: (r) => [[r.id, r.name, r.country]] }] },
  { query: 'systems', into: [{ table: { name: 'systems', columns: text('id', 'name', 'operator_id', 'country') }, rows: (r) => [[r.id, r.name, r.operator, r.country]] }] },
  { query: 'data-categories', into: [{ table: { name: 'data_categories', columns: text('id', 'name', 'class') }, rows: (r) => [[r.id, r.name, r.class]] }] },
  { query: 'purposes', into: [{ table: { name: 'purposes', columns: text('id', 'name') }, rows: (r) => [[r.id, r.name]] }] },
  {
    query: 'collections',
    into: [
      { table: { name: 'collections', columns: text('id', 'system_id', 'method') }, rows: (r) => [[r.id, r.system, r.method]] },
      { table: { name: 'collection_categories', columns: text('collection_id', 'category_id') }, rows: (r) => list(r.categories).map((c) => [r.id, c]) },
    ],
  },
  {
    query: 'flows',
    into: [
      {
        table: { name: 'flows', columns: [...text('id', 'from_system_id', 'to_system_id', 'basis'), ...validity] },
        rows: (r) => [[r.id, r.fromSystem, r.toSystem, r.basis, r.validFrom, r.validTo]],
      },
      { table: { name: 'flow_categories', columns: text('flow_id', 'category_id') }, rows: (r) => list(r.categories).map((c) => [r.id, c]) },
      { table: { name: 'flow_purposes', columns: text('flow_id', 'purpose_id') }, rows: (r) => list(r.purposes).map((p) => [r.id, p]) },
    ],
  },
  {
    query: 'derivations',
    into: [
      { table: { name: 'derivations', columns: [...text('id', 'system_id'), ...validity] }, rows: (r) => [[r.id, r.system, r.validFrom, r.validTo]] },
      { table: { name: 'derivation_inputs', columns: text('derivation_id', 'category_id') }, rows: (r) => list(r.inputs).map((c) => [r.id, c]) },
      { table: { name: 'derivation_outputs', columns: text('derivation_id', 'category_id') }, rows: (r) => list(r.outputs).map((c) => [r.id, c]) },
    ],
  },
];

/** Every table of a map's schema: the map's tables, then the derived lineage tables. */
const SCHEMA_TABLES = [...EXTRACTS.flatMap((e) => e.into.map((i) => i.table.name)), 'assets', 'asset_steps'];

/** Graph nodes per read, and so rows per INSERT of the main table: bounds memory whatever the map's size. */
const PAGE_SIZE = 5_000;

export class PostgresRecipientsBaseline {
  private loadedMap: string | null = null;

  private constructor(
    private readonly client: Client,
    private readonly queries: Map<string, CypherQuery>,
    private readonly recipientsSql: string,
  ) {}

  /** Opens one connection; one instance holds one map. */
  static async connect(connection: ClientConfig): Promise<PostgresRecipientsBaseline> {
    const client = new Client(connection);
    await client.connect();
    return new PostgresRecipientsBaseline(client, loadCypherTree(join(benchDir(), 'cypher')), sqlFile('recipients'));
  }

  /** Copies `source.map` from Neo4j into a fresh schema named after it, then indexes and analyzes it. */
  async load(source: Neo4jMapSource): Promise<PostgresLoadReport> {
    if (this.loadedMap !== null) throw new Error(`this baseline already holds map "${this.loadedMap}"; connect another one for map "${source.map}"`);
    const schema = schemaName(source.map);
    const phase = async (doing: string, work: () => Promise<unknown>): Promise<number> => {
      try {
        return (await timed(work))[1];
      } catch (error) {
        throw new Error(`loading map "${source.map}" into PostgreSQL failed while ${doing}: ${(error as Error).message}`, { cause: error });
      }
    };
    const started = performance.now();
    await phase(`creating schema ${schema} (sql/create-tables.sql)`, async () => {
      await this.client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
      await this.client.query(sqlFile('create-tables'));
    });
    const copyMs = await phase('copying it from Neo4j', async () => {
      for (const extract of EXTRACTS) await this.copy(source, extract);
    });
    const constraintsMs = await phase('adding keys and indexes (sql/add-constraints.sql)', () => this.client.query(sqlFile('add-constraints')));
    const lineageMs = await phase('building the lineage tables (sql/build-lineage.sql)', () => this.client.query(sqlFile('build-lineage')));
    const analyzeMs = await phase('analyzing', () => this.client.query(`ANALYZE ${SCHEMA_TABLES.join(', ')}`));
    const totalMs = performance.now() - started;

    const rowCounts: Record<string, number> = {};
    for (const table of SCHEMA_TABLES) rowCounts[table] = Number((await this.client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    if (rowCounts.organizations === 0) throw new Error(`Neo4j has no organizations in map "${source.map}": import the map with tadoru before loading it into PostgreSQL`);
    this.loadedMap = source.map;
    return { map: source.map, schema, copyMs, constraintsMs, lineageMs, analyzeMs, totalMs, rowCounts };
  }

  /**
   * tadoru's recipients rows for one category, from one SQL statement. The walk is bounded by depth
   * only: tadoru's maxNodes cap has no counterpart, so where tadoru stops at maxNodes this lists more.
   */
  async recipients(category: string, options: PostgresRecipientsOptions = {}): Promise<RecipientKey[]> {
    if (this.loadedMap === null) throw new Error('no map loaded: call load() before recipients()');
    const { asOf, maxDepth } = checkBounds({ asOf: options.asOf, maxDepth: options.maxDepth });
    const values = [category, asOf, maxDepth, options.includeInternal ?? false];
    try {
      // A named statement is parsed and planned once per connection, as a service would do.
      return (await this.client.query<RecipientKey>({ name: 'recipients', text: this.recipientsSql, values })).rows;
    } catch (error) {
      throw new Error(`PostgreSQL recipients query failed for category "${category}" of map "${this.loadedMap}" (asOf ${asOf}, maxDepth ${maxDepth}): ${(error as Error).message}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  /** Pages through one Cypher read, inserting each page while the next one is read. */
  private async copy(source: Neo4jMapSource, extract: Extract): Promise<void> {
    const query = this.queries.get(extract.query);
    if (!query) throw new Error(`missing bench/postgres/cypher/${extract.query}.cypher`);
    const session = source.driver.session({ database: source.database, defaultAccessMode: neo4j.session.READ });
    try {
      let page = readPage(session, query, source.storage, '');
      for (;;) {
        const records = await page;
        if (records.length === 0) return;
        page = records.length < PAGE_SIZE ? Promise.resolve([]) : readPage(session, query, source.storage, String(records[records.length - 1].id));
        // Handled below by the next `await page`; this only keeps a failed read-ahead from being reported as unhandled if the insert fails first.
        page.catch(() => undefined);
        for (const { table, rows } of extract.into) await this.insert(table, records.flatMap(rows));
      }
    } finally {
      await session.close();
    }
  }

  /** One multi-row INSERT: a parameter per column, each an array of that column's values. */
  private async insert(table: TableSpec, rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    const names = table.columns.map(([name]) => name).join(', ');
    const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    await this.client.query(`INSERT INTO ${table.name} (${names}) SELECT * FROM unnest(${arrays})`, table.columns.map((_, i) => rows.map((row) => row[i] ?? null)));
  }
}

async function readPage(session: Session, query: CypherQuery, map: string, after: string): Promise<Row[]> {
  const params = { map, after, batch: neo4j.int(PAGE_SIZE) };
  checkParameters(query, params);
  const result = await session.run(query.text, params);
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}

/** A schema per map; the hash keeps names apart that differ only in characters SQL names cannot hold. */
function schemaName(map: string): string {
  const readable = map.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 40);
  return `map_${readable}_${createHash('sha256').update(map).digest('hex').slice(0, 8)}`;
}

function benchDir(): string {
  return join(projectRoot(), 'bench', 'postgres');
}

function sqlFile(name: string): string {
  return readFileSync(join(benchDir(), 'sql', `${name}.sql`), 'utf8');
}
