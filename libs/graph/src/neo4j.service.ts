import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import neo4j, { Driver, ManagedTransaction } from 'neo4j-driver';
import { CypherQuery, CypherRegistry } from './cypher-registry';
import { GRAPH_CONNECTION, GraphConnectionConfig } from './graph.config';
import { translateNeo4jError } from './neo4j-errors';
import { toPlain } from './neo4j-values';

export type Row = Record<string, unknown>;

/** One statement as run: which unit of work (transaction) it belonged to, its text and parameters. */
export interface StatementRecord {
  unit: number;
  mode: 'READ' | 'WRITE';
  key: string;
  text: string;
  params: Record<string, unknown>;
}

/** What a unit of work gets: run a registered query by key, with its parameters checked. */
export interface QueryRunner {
  run(key: string, params: Record<string, unknown>): Promise<Row[]>;
}

/**
 * Owns the driver. One session per unit of work, always closed; transaction functions so that
 * transient errors are retried; every statement comes from the Cypher registry.
 */
@Injectable()
export class Neo4jService implements OnApplicationShutdown {
  private readonly logger = new Logger(Neo4jService.name);
  private readonly driver: Driver;
  /** Statements run since start; tests use it to check that batching bounds the query count. */
  private statements = 0;
  private units = 0;
  private readonly listeners = new Set<(statement: StatementRecord) => void>();

  constructor(
    @Inject(GRAPH_CONNECTION) private readonly config: GraphConnectionConfig,
    private readonly cypher: CypherRegistry,
  ) {
    const auth = config.user ? neo4j.auth.basic(config.user, config.password ?? '') : undefined;
    this.driver = neo4j.driver(config.uri, auth, {
      maxTransactionRetryTime: 3_000,
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 5_000,
      userAgent: 'tadoru',
      logging: { level: 'warn', logger: (_level, message) => this.logger.warn(message) },
    });
  }

  get statementCount(): number {
    return this.statements;
  }

  /**
   * Calls `listener` with every statement run until the returned function is called: how the
   * benchmark replays exactly what a request ran, straight through the driver, to measure the API's
   * own overhead.
   */
  recordStatements(listener: (statement: StatementRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  read<T>(op: string, work: (q: QueryRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.unitOfWork('READ', op, work, timeoutMs);
  }

  write<T>(op: string, work: (q: QueryRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.unitOfWork('WRITE', op, work, timeoutMs);
  }

  /**
   * Runs one statement of a `cypher/migrations` file in its own auto-commit transaction: Neo4j does
   * not mix schema changes with other work in one transaction.
   */
  async runMigrationStatement(text: string): Promise<void> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      this.statements++;
      await session.run(text);
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  /** Connectivity for the health endpoint; never throws. */
  async ping(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.config.database });
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }

  private async unitOfWork<T>(mode: 'READ' | 'WRITE', op: string, work: (q: QueryRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const txConfig = { timeout: timeoutMs ?? this.config.txTimeoutMs, metadata: { op } };
    const started = Date.now();
    const unit = ++this.units;
    try {
      const fn = (tx: ManagedTransaction) => work(this.runner(tx, unit, mode));
      const result = mode === 'READ' ? await session.executeRead(fn, txConfig) : await session.executeWrite(fn, txConfig);
      this.logger.debug(`${op} took ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  private runner(tx: ManagedTransaction, unit: number, mode: 'READ' | 'WRITE'): QueryRunner {
    return {
      run: async (key, params) => {
        const query = this.cypher.get(key);
        checkParameters(query, params);
        this.statements++;
        for (const listener of this.listeners) listener({ unit, mode, key, text: query.text, params });
        const result = await tx.run(query.text, params);
        return result.records.map((r) => toPlain(r.toObject()) as Row);
      },
    };
  }
}

/** A call site and its file must agree on the parameters: a typo fails loudly, not as a silent null. */
export function checkParameters(query: CypherQuery, params: Record<string, unknown>): void {
  const given = Object.keys(params);
  const missing = [...query.params].filter((p) => !given.includes(p));
  const extra = given.filter((p) => !query.params.has(p));
  if (missing.length || extra.length) {
    throw new Error(`${query.key}: parameters missing [${missing.join(', ')}] unexpected [${extra.join(', ')}]`);
  }
}
