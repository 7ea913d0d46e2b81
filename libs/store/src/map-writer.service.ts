import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IN_PLACE_WRITE_TIMEOUT_MS, MapDirectoryService, PinnedMap } from '@tadoru/catalog';
import { ConflictError, NotFoundError, SERVICE_ACTOR } from '@tadoru/common';
import { MapSession, MapSnapshot, Neo4jService, QueryRunner } from '@tadoru/graph';
import { countElements, DataMap, ELEMENT_LABELS, FORMAT_VERSION, ElementChange, elementChangesBetween, MapGraphRows, mapFromElements } from '@tadoru/map';
import { EVALUATION_TIMEOUT_MS, Finding, FindingsService, RuleCatalog, RuleEngine } from '@tadoru/rules';
import { GenerationRepository, LockedMapState, REMOVAL_SLICE, toLockedState, writeGraphRows } from './generation.repository';
import { findingsDelta, HistoryEntry, recordedFinding } from './history';
import { HistoryRepository } from './history.repository';
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
  /** The history record of the write (every write of a user's map has one; a scratch map none). */
  history?: WriteHistory;
  /** CONFLICT, and nothing written, unless the stored version is this one when the lock is taken. */
  expectedVersion?: number;
}

/** A write's history entry, with the element changes when the caller knows them better than a comparison would (a retirement). */
export interface WriteHistory extends HistoryEntry {
  elements?: ElementChange[];
}

/** What a write changed, for a diff: the findings before and after (of its scope), and the elements. */
export interface WriteEffect {
  before: Finding[];
  after: Finding[];
  elements: ElementChange[];
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
  /** The elements the change added, changed, retired or removed, as the history records them. */
  elements?: ElementChange[];
  counts: Record<string, number>;
  nextSeqs: Record<string, number>;
  /** Ids of the targets whose findings the change can alter; null: all. */
  scope: string[] | null;
  result: T;
}

export interface InPlaceResult<T> {
  map: MapSnapshot;
  /** The version the change was made on. */
  baseVersion: number;
  result: T;
  /** How many targets were evaluated again; null: the whole map. */
  evaluatedTargets: number | null;
  /** The findings of the evaluated scope before and after, and the elements changed. */
  effect: WriteEffect;
}

export interface WholeMapWriteResult {
  /** The version now current (the previous one when nothing changed). */
  map: MapSnapshot;
  created: boolean;
  unchanged: boolean;
  nodes: number;
  findings: number;
  seconds: { write: number; evaluate: number; publish: number };
  /** What the write changed (when it recorded history and was not unchanged). */
  effect?: WriteEffect;
  baseVersion: number;
}

/** Graph rows up to which a whole-map write goes in one transaction (beyond, a transaction would need too much memory or time). */
export const SINGLE_TRANSACTION_ROWS = 30_000;
/** Findings per transaction of a batched write. */
const FINDINGS_PER_TRANSACTION = 5_000;
/** How long a writer waits for another writer of the same map before it gets CONFLICT. */
export const LOCK_WAIT_MS = 5_000;
/** How long a proposal (a dry run) waits for the map's lock. */
const DRY_RUN_LOCK_WAIT_MS = 30_000;
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
    private readonly history: HistoryRepository,
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
    let chunks = 0;
    /** The record id whose element states were committed ahead of it (removed again if the write fails). */
    let historyChunksOf: string | null = null;
    const started = Date.now();
    const times = { write: 0, evaluate: 0, publish: 0 };
    try {
      const result = await this.db.lockedWrite(
        'map.replace',
        this.lock(name, batched ? BATCHED_WRITE_TIMEOUT_MS : EVALUATION_TIMEOUT_MS),
        async (q, locked): Promise<WholeMapWriteResult> => {
          const previous = toLockedState(locked[0], name);
          checkExpectedVersion(name, previous.version, options.expectedVersion);
          abandoned = await this.generations.abandonWriting(q, name, key);
          const findingsCurrent = !storeFindings || previous.rulesDigest === this.rules.digest;
          if (previous.storage && previous.checksum === meta.checksum && previous.scratch === (options.scratch === true) && findingsCurrent) {
            return { map: { name, version: previous.version, storage: previous.storage }, created: false, unchanged: true, nodes: 0, findings: 0, seconds: times, baseVersion: previous.version };
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
          let effect: WriteEffect | undefined;
          const recordId = randomUUID();
          if (options.history) {
            if (previous.storage) await this.ensureBaseline(q, name, previous.version, previous.storage);
            const before = previous.storage ? await this.findings.storedIn(this.db.mapSession(q, { name, version: previous.version, storage: previous.storage })) : [];
            const elements =
              options.history.elements ??
              elementChangesBetween(previous.storage ? await readMapIn(q, this.db, name, previous.storage) : emptyMap(name), await readMapIn(q, this.db, name, key));
            effect = { before, after: findings, elements };
            chunks = batched
              ? await this.history.writeChunksCommitted(recordId, name, previous.version + 1, elements)
              : await this.history.writeChunks(q, recordId, name, previous.version + 1, elements);
            if (batched) historyChunksOf = recordId;
          }
          const published = await this.generations.publish(q, name, key, {
            ...meta,
            scratch: options.scratch === true,
            rulesDigest: storeFindings ? this.rules.digest : null,
            nextSeqs: filled.nextSeqs,
          });
          if (options.history && effect) await this.recordHistory(q, recordId, name, published.version, previous.version, options.history, effect, chunks);
          times.publish = seconds(started) - times.write - times.evaluate;
          return {
            map: { name, version: published.version, storage: key },
            created: previous.storage === null,
            unchanged: false,
            nodes: filled.nodes,
            findings: findings.length,
            seconds: times,
            effect,
            baseVersion: previous.version,
          };
        },
      );
      if (result.unchanged && createdGeneration) await this.removeGeneration(key);
      return result;
    } catch (error) {
      // nothing of this write may stay: a batched generation is removed (one written in the transaction went with it)
      if (createdGeneration) await this.removeGeneration(key).catch((e: unknown) => this.logger.warn(`could not remove the unfinished generation ${key}: ${String(e)}`));
      if (historyChunksOf) await this.history.removeUnrecordedChunks(historyChunksOf).catch((e: unknown) => this.logger.warn(`could not remove unrecorded history of ${name}: ${String(e)}`));
      throw error;
    } finally {
      for (const gone of abandoned) await this.removeGeneration(gone).catch((e: unknown) => this.logger.warn(`could not remove abandoned generation ${gone}: ${String(e)}`));
      await this.removeExpired(name);
    }
  }

  /** Deletes a map: a new version with nothing in it. The old version stays readable to those who pinned it, then goes. */
  async deleteMap(name: string, history: HistoryEntry): Promise<MapSnapshot> {
    const deleted = await this.db.lockedWrite('map.delete', this.lock(name, EVALUATION_TIMEOUT_MS), async (q, locked) => {
      const previous = toLockedState(locked[0], name);
      if (!previous.storage) throw new NotFoundError('map', name, 'name');
      const before = await this.findings.storedIn(this.db.mapSession(q, { name, version: previous.version, storage: previous.storage }));
      const published = await this.generations.publishDeletion(q, name);
      // A deletion's record names what went (counts and findings); replaying history starts again from nothing at it.
      const removed = Object.values(previous.counts).reduce((a, b) => a + b, 0);
      await this.history.record(q, {
        id: randomUUID(),
        map: name,
        version: published.version,
        baseVersion: previous.version,
        kind: 'delete',
        actor: history.actor,
        description: history.description,
        change: history.change,
        elements: { added: 0, changed: 0, retired: 0, removed },
        introduced: [],
        resolved: before.map(recordedFinding),
        chunks: 0,
      });
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
  async changeInPlace<T>(name: string, change: (session: MapSession, state: LockedMapState) => Promise<InPlaceChange<T>>, options: InPlaceOptions): Promise<InPlaceResult<T>> {
    const token = randomUUID();
    let marked: string | null = null;
    const lock = { ...this.lock(name, options.timeoutMs ?? IN_PLACE_WRITE_TIMEOUT_MS), rollback: options.dryRun === true };
    // A proposal takes the map's lock too (it writes, then rolls back), but it should not fail because
    // other proposals or writes are queued before it: it waits longer than a write does.
    if (options.dryRun) Object.assign(lock, { waitMs: DRY_RUN_LOCK_WAIT_MS, conflictMessage: `map "${name}" is busy with other writes and proposals; try again in a moment` });
    try {
      return await this.db.lockedWrite(options.op ?? 'map.changeInPlace', lock, async (q, locked) => {
        const state = toLockedState(locked[0], name);
        if (!state.storage) throw new NotFoundError('map', name, 'map');
        checkExpectedVersion(name, state.version, options.expectedVersion);
        // A dry run is rolled back: no reader can see it, so none needs to wait for it.
        if (!options.dryRun) {
          await this.generations.markInPlaceWrite(state.storage, token);
          marked = state.storage;
        }
        await this.ensureBaseline(q, name, state.version, state.storage);
        const session = this.db.mapSession(q, { name, version: state.version + 1, storage: state.storage });
        const changed = await change(session, { ...state, nextSeqs: state.nextSeqs ?? (await sectionSeqs(session)) });
        // A version whose findings were evaluated with another rule pack is evaluated whole.
        const scope = state.rulesDigest === this.rules.digest ? changed.scope : null;
        const before = scope === null ? await this.findings.storedIn(session) : await this.findings.storedOnTargetsIn(session, scope);
        const findings = await this.engine.evaluateIn(session, scope === null ? {} : { targets: scope });
        const effect: WriteEffect = { before, after: findings, elements: changed.elements ?? [] };
        // A dry run is rolled back: storing its findings, its version and its history would be undone anyway.
        if (options.dryRun) return { map: { name, version: state.version + 1, storage: state.storage }, baseVersion: state.version, result: changed.result, evaluatedTargets: scope?.length ?? null, effect };
        if (scope === null) await this.findings.storeAll(session, findings);
        else await this.findings.storeForTargets(session, scope, findings);
        const published = await this.generations.publishInPlace(q, name, { counts: changed.counts, rulesDigest: this.rules.digest, nextSeqs: changed.nextSeqs });
        const recordId = randomUUID();
        const chunks = await this.history.writeChunks(q, recordId, name, published.version, effect.elements);
        await this.recordHistory(q, recordId, name, published.version, state.version, options.history, effect, chunks);
        return { map: { name, version: published.version, storage: state.storage }, baseVersion: state.version, result: changed.result, evaluatedTargets: scope?.length ?? null, effect };
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
        history: { kind: 'refresh', actor: SERVICE_ACTOR, description: `findings evaluated again with rule pack ${this.rules.digest.slice(0, 12)}`, change: null },
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

  /**
   * A map stored before tadoru kept history has versions without records: before its first recorded
   * write, the version it starts from is recorded whole (a "baseline"), so that replaying the
   * history rebuilds every version from then on and nothing stored is lost from it.
   */
  private async ensureBaseline(q: QueryRunner, name: string, version: number, storage: string): Promise<void> {
    if (version === 0 || (await this.history.hasRecord(q, name, version))) return;
    const elements = elementChangesBetween(emptyMap(name), await readMapIn(q, this.db, name, storage));
    const findings = await this.findings.storedIn(this.db.mapSession(q, { name, version, storage }));
    const id = randomUUID();
    const chunks = await this.history.writeChunks(q, id, name, version, elements);
    await this.history.record(q, {
      id,
      map: name,
      version,
      baseVersion: 0,
      kind: 'baseline',
      actor: SERVICE_ACTOR,
      description: 'the map as it stood when its history began (written before tadoru recorded history)',
      change: null,
      elements: countElements(elements),
      introduced: findings.map(recordedFinding),
      resolved: [],
      chunks,
    });
  }

  private async recordHistory(q: QueryRunner, id: string, name: string, version: number, baseVersion: number, entry: HistoryEntry, effect: WriteEffect, chunks: number): Promise<void> {
    const { introduced, resolved } = findingsDelta(effect.before, effect.after);
    await this.history.record(q, {
      id,
      map: name,
      version,
      baseVersion,
      kind: entry.kind,
      actor: entry.actor,
      description: entry.description,
      change: entry.change,
      elements: countElements(effect.elements),
      introduced: introduced.map(recordedFinding),
      resolved: resolved.map(recordedFinding),
      chunks,
    });
  }

  private lock(name: string, timeoutMs: number) {
    return { lockQuery: 'store/lock-map', lockParams: { map: name }, waitMs: LOCK_WAIT_MS, conflictMessage: conflict(name), timeoutMs };
  }
}

export interface InPlaceOptions {
  op?: string;
  timeoutMs?: number;
  history: HistoryEntry;
  /** CONFLICT, and nothing written, unless the stored version is this one when the lock is taken. */
  expectedVersion?: number;
  /** Do everything, then roll back: what the change would do, with nothing written (a proposal). */
  dryRun?: boolean;
}

function checkExpectedVersion(name: string, stored: number, expected: number | undefined): void {
  if (expected !== undefined && stored !== expected) {
    throw new ConflictError(`map "${name}" is at version ${stored}, not ${expected}: it changed since the change was checked; propose it again against version ${stored}`);
  }
}

const emptyMap = (name: string): DataMap => ({ tadoru: FORMAT_VERSION, map: name });

/** A stored generation read back as a map document, in the writer's transaction (which sees what it wrote). */
async function readMapIn(q: QueryRunner, db: Neo4jService, name: string, storage: string): Promise<DataMap> {
  const rows = await db.mapSession(q, { name, version: 0, storage }).run('store/read-generation-elements');
  return mapFromElements(name, rows.map((r) => ({ label: r.label as string, props: r.props as Record<string, unknown> })));
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

