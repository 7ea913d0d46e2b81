import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import neo4j, { Driver, isRetryableError, ManagedTransaction, Transaction } from 'neo4j-driver';
import { ConflictError } from '@tadoru/common';
import { CypherQuery, CypherRegistry } from './cypher-registry';
import { MapSession, MapSnapshot } from './map-session';
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

/** A write transaction that holds an exclusive lock taken by its first statement, until it ends. */
export interface LockedWrite {
  /** Registered statement that takes the lock (it writes to the node that stands for the lock). */
  lockQuery: string;
  lockParams: Record<string, unknown>;
  /** How long to wait for another holder before giving up with CONFLICT. */
  waitMs: number;
  /** What CONFLICT says when the lock stays held by someone else. */
  conflictMessage: string;
  /** Bounds the whole transaction (the lock is held for all of it). */
  timeoutMs: number;
  /** Roll the transaction back at the end instead of committing it: a dry run (a proposal) that writes nothing. */
  rollback?: boolean;
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

  /** One read unit of work on one pinned map version: every query runs with `$map` = its storage. */
  readMap<T>(snapshot: MapSnapshot, op: string, work: (session: MapSession) => Promise<T>, timeoutMs?: number): Promise<T> {
    snapshot.onRead?.();
    return this.unitOfWork('READ', op, (q) => work(this.mapSession(q, snapshot)), timeoutMs);
  }

  /** A session over the unit of work `q`, pinned to one map version: `$map` is the snapshot's storage wherever a query takes it. */
  mapSession(q: QueryRunner, snapshot: MapSnapshot): MapSession {
    return {
      snapshot,
      run: (key, params = {}) => q.run(key, this.cypher.get(key).params.has('map') ? { ...params, map: snapshot.storage } : params),
    };
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

  /**
   * An explicit write transaction whose first statement takes a lock, then `work` in the same
   * transaction; committed when `work` returns, rolled back when it throws. The lock is Neo4j's own
   * (a write to one node), so it is released the moment the transaction ends, also when this
   * process dies: nothing stale is left to block the next writer. A writer that cannot get the lock
   * within `waitMs` terminates its own waiting transaction and gets CONFLICT. Not retried: the
   * caller decides whether a failed write is tried again.
   */
  async lockedWrite<T>(op: string, lock: LockedWrite, work: (q: QueryRunner, locked: Row[]) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.WRITE });
    const token = randomUUID();
    const unit = ++this.units;
    const started = Date.now();
    let tx: Transaction | undefined;
    try {
      tx = session.beginTransaction({ timeout: lock.timeoutMs, metadata: { op, lockToken: token } });
      const q = this.runner(tx, unit, 'WRITE');
      const locked = await this.withinLockWait(q.run(lock.lockQuery, lock.lockParams), token, lock);
      const result = await work(q, locked);
      if (lock.rollback) await tx.rollback();
      else await tx.commit();
      this.logger.debug(`${op} took ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * One small read statement in an auto-commit transaction: a single round trip where a managed
   * transaction takes two (begin with the statement, then commit), for the reads every request
   * makes (pinning a map version, re-checking it). Tried once more on a transient error.
   */
  async readStatement(op: string, key: string, params: Record<string, unknown>): Promise<Row[]> {
    const query = this.cypher.get(key);
    checkParameters(query, params);
    const unit = ++this.units;
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
      try {
        this.statements++;
        for (const listener of this.listeners) listener({ unit, mode: 'READ', key, text: query.text, params });
        const result = await session.run(query.text, params, { timeout: this.config.txTimeoutMs, metadata: { op } });
        return result.records.map((r) => toPlain(r.toObject()) as Row);
      } catch (error) {
        if (attempt === 1 && isRetryableError(error)) continue;
        throw translateNeo4jError(error);
      } finally {
        await session.close();
      }
    }
  }

  /** Runs one registered statement in its own auto-commit transaction (statements Neo4j refuses inside a transaction). */
  async autoCommit(key: string, params: Record<string, unknown>): Promise<Row[]> {
    const query = this.cypher.get(key);
    checkParameters(query, params);
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      this.statements++;
      const result = await session.run(query.text, params);
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Waits for the lock statement while it is blocked by another holder for at most `waitMs`, then
   * stops the waiting transaction (Neo4j has no per-statement lock timeout). A statement that is
   * merely slow (planned for the first time on a busy machine) is not blocked, and is waited for.
   */
  private async withinLockWait(locking: Promise<Row[]>, token: string, lock: LockedWrite): Promise<Row[]> {
    let timer: NodeJS.Timeout | undefined;
    let stopping = false;
    let settled = false;
    const watchdog = new Promise<never>((_, reject) => {
      const check = async (): Promise<void> => {
        if (settled) return;
        const blocked = await this.blockedTransactions(token);
        if (settled) return; // the lock came while we looked: the transaction goes on
        if (blocked.length === 0) {
          timer = setTimeout(() => void check(), lock.waitMs);
          return;
        }
        stopping = true;
        await this.autoCommit('graph/terminate-transactions', { ids: blocked }).catch((error: unknown) => this.logger.warn(`could not stop a transaction waiting for a lock: ${String(error)}`));
        reject(new ConflictError(lock.conflictMessage));
      };
      timer = setTimeout(() => void check(), lock.waitMs);
    });
    try {
      const locked = await Promise.race([locking, watchdog]);
      // the lock came just as the waiting transaction was being stopped: it is stopped all the same
      if (stopping) throw new ConflictError(lock.conflictMessage);
      return locked;
    } catch (error) {
      // the waiting statement fails once its transaction is stopped: that is the conflict, not an error of its own
      if (stopping) throw new ConflictError(lock.conflictMessage);
      throw error;
    } finally {
      settled = true;
      clearTimeout(timer);
      locking.catch(() => undefined);
      watchdog.catch(() => undefined);
    }
  }

  /** This service's transactions with the lock token that are waiting for a lock held by another. */
  private async blockedTransactions(token: string): Promise<string[]> {
    try {
      const rows = await this.autoCommit('graph/transactions-with-token', { token });
      return rows.filter((r) => String(r.status).startsWith('Blocked')).map((r) => r.id as string);
    } catch (error) {
      this.logger.warn(`could not see whether a write waits for a lock: ${String(error)}`);
      return [];
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

  private runner(tx: ManagedTransaction | Transaction, unit: number, mode: 'READ' | 'WRITE'): QueryRunner {
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
