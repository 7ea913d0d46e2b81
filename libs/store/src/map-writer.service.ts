import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IN_PLACE_WRITE_TIMEOUT_MS, MapDirectoryService, PinnedMap } from '@tadoru/catalog';
import { NotFoundError } from '@tadoru/common';
import { MapSession, MapSnapshot, Neo4jService } from '@tadoru/graph';
import { ELEMENT_LABELS, MapGraphRows } from '@tadoru/map';
import { EVALUATION_TIMEOUT_MS, Finding, FindingsService, RuleCatalog, RuleEngine } from '@tadoru/rules';
import { GenerationRepository, LockedMapState, REMOVAL_SLICE, toLockedState, writeGraphRows } from './generation.repository';
import { newGenerationKey } from './map-name';
import { retentionSecondsFromEnv } from './retention';

/** A whole map's description, as the map node keeps it. */
export interface WholeMapMeta {
  sources: string[];
  checksum: string;
  counts: Record<string, number>;
}

export type WriteStage = 'writing' | 'verifying' | 'evaluating' | 'publishing';

export interface WholeMapWriteOptions {
  /** A check's scratch map (never listed, never readable by users). */
  scratch?: boolean;
  /** Evaluate the rules and store the findings with the version (default). Off only for on-demand evaluation (`check --as-of`). */
  storeFindings?: boolean;
  /**
   * The number of graph rows the write will hand in, when known (a map read whole): a write of at
   * most SINGLE_TRANSACTION_ROWS goes in one transaction, anything larger in batches beside the
   * current version. Unknown (a streamed file): batches.
   */
  expectedRows?: number;
  onStage?: (stage: WriteStage) => void;
}

/** Where the rows of a new generation go: the writer's own transaction, or one transaction per call. */
export interface GenerationSink {
  readonly batched: boolean;
  write(rows: MapGraphRows): Promise<void>;
}

export interface FilledGeneration {
  /** Nodes the rows created (a batched write checks that they are all stored). */
  nodes: number;
  /** Where each section's numbering ends (see `GraphRowBuilder.nextSeqs`). */
  nextSeqs: Record<string, number>;
}

/** What an in-place change did, for the writer to publish. */
export interface InPlaceChange<T> {
  counts: Record<string, number>;
  nextSeqs: Record<string, number>;
  /** Ids of the targets whose findings the change can alter; null: all. */
  scope: string[] | null;
  result: T;
}

export interface InPlaceResult<T> {
  map: MapSnapshot;
  result: T;
  /** How many targets were evaluated again; null: the whole map. */
  evaluatedTargets: number | null;
}

export interface WholeMapWriteResult {
  /** The version now current (the previous one when nothing changed). */
  map: MapSnapshot;
  created: boolean;
  unchanged: boolean;
  nodes: number;
  findings: number;
  seconds: { write: number; evaluate: number; publish: number };
}

/** Graph rows up to which a whole-map write goes in one transaction (beyond, a transaction would need too much memory or time). */
export const SINGLE_TRANSACTION_ROWS = 30_000;
/** Findings per transaction of a batched write. */
const FINDINGS_PER_TRANSACTION = 5_000;
/** How long a writer waits for another writer of the same map before it gets CONFLICT. */
export const LOCK_WAIT_MS = 5_000;
/** A batched write holds the map's lock for as long as it runs. */
const BATCHED_WRITE_TIMEOUT_MS = 6 * 60 * 60_000;

const conflict = (name: string) => `map "${name}" is being written by another import, change or removal; try again when it has finished`;

/**
 * The one way a stored map changes. Every write takes the map's lock (writers of one map run one
 * at a time; see `Neo4jService.lockedWrite`), evaluates the rules on what it writes, and makes the
 * new version current together with its findings in the transaction that holds the lock. A whole
 * map is written as a new generation beside the current one, which readers keep reading until the
 * new one is published; a small change is written in place, under a mark that readers wait for.
 */
@Injectable()
export class MapWriter {
  private readonly logger = new Logger(MapWriter.name);

  constructor(
    private readonly db: Neo4jService,
    private readonly generations: GenerationRepository,
    private readonly directory: MapDirectoryService,
    private readonly engine: RuleEngine,
    private readonly findings: FindingsService,
    private readonly rules: RuleCatalog,
  ) {}

  /**
   * Replaces a map (or creates it) with the rows `fill` writes to the sink it is given. Nothing is
   * visible to readers until the new version is published whole, findings included; on failure,
   * nothing of the new version remains.
   */
  async replaceWhole(name: string, meta: WholeMapMeta, options: WholeMapWriteOptions, fill: (sink: GenerationSink) => Promise<FilledGeneration>): Promise<WholeMapWriteResult> {
    const batched = options.expectedRows === undefined || options.expectedRows > SINGLE_TRANSACTION_ROWS;
    const storeFindings = options.storeFindings !== false;
    const stage = options.onStage ?? (() => undefined);
    const key = newGenerationKey(name);
    let abandoned: string[] = [];
    let createdGeneration = false;
    const started = Date.now();
    const times = { write: 0, evaluate: 0, publish: 0 };
    try {
      const result = await this.db.lockedWrite(
        'map.replace',
        this.lock(name, batched ? BATCHED_WRITE_TIMEOUT_MS : EVALUATION_TIMEOUT_MS),
        async (q, locked): Promise<WholeMapWriteResult> => {
          const previous = toLockedState(locked[0], name);
          abandoned = await this.generations.abandonWriting(q, name, key);
          const findingsCurrent = !storeFindings || previous.rulesDigest === this.rules.digest;
          if (previous.storage && previous.checksum === meta.checksum && previous.scratch === (options.scratch === true) && findingsCurrent) {
            return { map: { name, version: previous.version, storage: previous.storage }, created: false, unchanged: true, nodes: 0, findings: 0, seconds: times };
          }
          const snapshot: MapSnapshot = { name, version: previous.version + 1, storage: key };
          stage('writing');
          let filled: FilledGeneration;
          let findings: Finding[] = [];
          if (!batched) {
            await this.generations.create(q, name, key);
            filled = await fill({ batched: false, write: (rows) => writeGraphRows(q, key, rows) });
            times.write = seconds(started);
            if (storeFindings) {
              stage('evaluating');
              const session = this.db.mapSession(q, snapshot);
              findings = await this.engine.evaluateIn(session, {});
              await this.findings.storeAll(session, findings);
            }
          } else {
            await this.generations.createCommitted(name, key);
            createdGeneration = true;
            filled = await fill({ batched: true, write: (rows) => this.db.write('map.replace.batch', (bq) => writeGraphRows(bq, key, rows)) });
            stage('verifying');
            const stored = await this.generations.countNodes(key);
            if (stored !== filled.nodes) throw new Error(`wrote ${filled.nodes} nodes but ${stored} are stored`);
            times.write = seconds(started);
            if (storeFindings) {
              stage('evaluating');
              findings = await this.engine.evaluate(snapshot, {});
              for (let i = 0; i < findings.length; i += FINDINGS_PER_TRANSACTION) {
                const part = findings.slice(i, i + FINDINGS_PER_TRANSACTION);
                await this.db.write('map.replace.findings', (bq) => this.findings.storeNew(this.db.mapSession(bq, snapshot), part));
              }
            }
          }
          times.evaluate = seconds(started) - times.write;
          stage('publishing');
          const published = await this.generations.publish(q, name, key, {
            ...meta,
            scratch: options.scratch === true,
            rulesDigest: storeFindings ? this.rules.digest : null,
            nextSeqs: filled.nextSeqs,
          });
          times.publish = seconds(started) - times.write - times.evaluate;
          return { map: { name, version: published.version, storage: key }, created: previous.storage === null, unchanged: false, nodes: filled.nodes, findings: findings.length, seconds: times };
        },
      );
      if (result.unchanged && createdGeneration) await this.removeGeneration(key);
      return result;
    } catch (error) {
      // nothing of this write may stay: a batched generation is removed (one written in the transaction went with it)
      if (createdGeneration) await this.removeGeneration(key).catch((e: unknown) => this.logger.warn(`could not remove the unfinished generation ${key}: ${String(e)}`));
      throw error;
    } finally {
      for (const gone of abandoned) await this.removeGeneration(gone).catch((e: unknown) => this.logger.warn(`could not remove abandoned generation ${gone}: ${String(e)}`));
      await this.removeExpired(name);
    }
  }

  /** Deletes a map: a new version with nothing in it. The old version stays readable to those who pinned it, then goes. */
  async deleteMap(name: string): Promise<MapSnapshot> {
    const deleted = await this.db.lockedWrite('map.delete', this.lock(name, EVALUATION_TIMEOUT_MS), async (q, locked) => {
      const previous = toLockedState(locked[0], name);
      if (!previous.storage) throw new NotFoundError('map', name, 'name');
      const published = await this.generations.publishDeletion(q, name);
      return { name, version: published.version, storage: previous.storage };
    });
    await this.removeExpired(name);
    return deleted;
  }

  /**
   * Removes the versions of one map that nobody can be reading any more (superseded longer ago than
   * the retention): every write tidies up after its own map, so a store written only by the CLI
   * does not grow without bound either.
   */
  async removeExpired(name: string, retentionSeconds = retentionSecondsFromEnv()): Promise<void> {
    try {
      for (const { key } of await this.generations.expired(name, retentionSeconds, 100)) await this.removeGeneration(key);
    } catch (error) {
      this.logger.warn(`could not remove old versions of map "${name}": ${String(error)}`);
    }
  }

  /**
   * A write that changes the current version in place (adds elements to it), with its findings
   * re-evaluated where the change can affect them (`scope`; null: everywhere), in one transaction.
   * Readers that pin the map while it lands wait for it; readers that pinned it before see its write
   * sequence move and read again (see `MapDirectoryService`), so nobody reads a mix of two versions.
   */
  async changeInPlace<T>(name: string, change: (session: MapSession, state: LockedMapState) => Promise<InPlaceChange<T>>, options: { op?: string; timeoutMs?: number } = {}): Promise<InPlaceResult<T>> {
    const token = randomUUID();
    let marked: string | null = null;
    try {
      return await this.db.lockedWrite(options.op ?? 'map.changeInPlace', this.lock(name, options.timeoutMs ?? IN_PLACE_WRITE_TIMEOUT_MS), async (q, locked) => {
        const state = toLockedState(locked[0], name);
        if (!state.storage) throw new NotFoundError('map', name, 'map');
        await this.generations.markInPlaceWrite(state.storage, token);
        marked = state.storage;
        const session = this.db.mapSession(q, { name, version: state.version + 1, storage: state.storage });
        const changed = await change(session, { ...state, nextSeqs: state.nextSeqs ?? (await sectionSeqs(session)) });
        // A version whose findings were evaluated with another rule pack is evaluated whole.
        const scope = state.rulesDigest === this.rules.digest ? changed.scope : null;
        const findings = await this.engine.evaluateIn(session, scope === null ? {} : { targets: scope });
        if (scope === null) await this.findings.storeAll(session, findings);
        else await this.findings.storeForTargets(session, scope, findings);
        const published = await this.generations.publishInPlace(q, name, { counts: changed.counts, rulesDigest: this.rules.digest, nextSeqs: changed.nextSeqs });
        return { map: { name, version: published.version, storage: state.storage }, result: changed.result, evaluatedTargets: scope?.length ?? null };
      });
    } finally {
      if (marked) await this.generations.clearInPlaceWrite(marked, token).catch((e: unknown) => this.logger.warn(`could not clear the in-place mark of ${marked}: ${String(e)}`));
    }
  }

  /**
   * Evaluates a version's findings again and stores them, in place: after an upgrade of the rule
   * pack, or for a map stored before findings were. Null when the map has no version.
   */
  async refreshFindings(name: string): Promise<MapSnapshot | null> {
    try {
      const done = await this.changeInPlace(name, async (_, state) => ({ counts: state.counts, nextSeqs: state.nextSeqs ?? {}, scope: null, result: undefined }), {
        op: 'map.refreshFindings',
        timeoutMs: EVALUATION_TIMEOUT_MS,
      });
      return done.map;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** Removes a generation and everything in it, slice by slice. */
  async removeGeneration(key: string): Promise<void> {
    const snapshot: MapSnapshot = { name: key, version: 0, storage: key };
    while ((await this.generations.removeElementsSlice(key)) === REMOVAL_SLICE);
    while ((await this.db.write('store.removeFindings', (q) => this.findings.removeSlice(this.db.mapSession(q, snapshot)))) > 0);
    await this.generations.removeGenerationNode(key);
  }

  /** Removes a scratch map entirely: every generation and its node. */
  async removeScratch(name: string): Promise<void> {
    for (const key of await this.generations.generationsOf(name)) await this.removeGeneration(key);
    await this.generations.removeMapNode(name);
  }

  /** The version a writer just made, as a reader pins it. */
  pinWritten(name: string): Promise<PinnedMap> {
    return this.directory.pinStored(name);
  }

  private lock(name: string, timeoutMs: number) {
    return { lockQuery: 'store/lock-map', lockParams: { map: name }, waitMs: LOCK_WAIT_MS, conflictMessage: conflict(name), timeoutMs };
  }
}

/** Where each section's numbering continues, read from the stored elements (a store written before the numbering was kept). */
async function sectionSeqs(s: MapSession): Promise<Record<string, number>> {
  const sectionOf = new Map<string, string>([...Object.entries(ELEMENT_LABELS).map(([section, label]) => [label, section] as [string, string]), ['DataAsset', 'dataAssets']]);
  const next: Record<string, number> = {};
  for (const row of await s.run('store/section-seqs')) {
    const section = sectionOf.get(row.label as string);
    if (section) next[section] = row.next as number;
  }
  return next;
}

function seconds(since: number): number {
  return (Date.now() - since) / 1000;
}

