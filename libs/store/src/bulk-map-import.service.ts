import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { busyMessage } from '@tadoru/catalog';
import { ConflictError, InvalidInputError, Problem } from '@tadoru/common';
import { directoryOf, emptyGraphRows, GraphRowBuilder, MapChecksum, MapGraphRows, MapStreamSyntaxError, MapValidator, readJsonMapStream, Section, SECTIONS, SystemDirectory } from '@tadoru/map';
import { BulkMapRepository, InterruptedWork } from './bulk-map.repository';
import { resolveMapName, SCRATCH_PREFIX } from './map-name';

export type BulkStage = 'validating' | 'checking references' | 'writing' | 'verifying' | 'swapping';

export interface BulkProgress {
  stage: BulkStage;
  done: number;
  total: number;
  unit: 'bytes' | 'entries' | 'nodes';
}

export interface BulkImportOptions {
  mapName?: string;
  onProgress?: (progress: BulkProgress) => void;
  /** Aborting stops at the next batch and removes what was written; the stored map is untouched. */
  signal?: AbortSignal;
  /** Graph rows per write transaction (tests make it tiny to cut maps into many batches). */
  rowsPerTransaction?: number;
}

export interface BulkImportResult {
  map: string;
  /** The name the files give the map (their `map` field, else the first file's name), whatever it is stored under. */
  declaredName: string;
  created: boolean;
  unchanged: boolean;
  counts: Record<string, number>;
  nodes: number;
  relationships: number;
  bytes: number;
  /** Seconds spent validating (both passes), writing, and swapping the new map in. */
  seconds: { validate: number; write: number; swap: number; total: number };
}

/** Graph rows (nodes plus relationship rows) per write transaction. */
const ROWS_PER_TRANSACTION = 10_000;
/** An import that has not written for this long is taken as interrupted and is recovered. */
export const INTERRUPTED_AFTER_SECONDS = 600;
const HEARTBEAT_MS = 30_000;
const STAGING_PREFIX = '_import-';

interface ValidatedFiles {
  name: string;
  declaredName: string;
  counts: Record<string, number>;
  checksum: string;
  directory: SystemDirectory;
  /** The order to write in: for each file, the sections to take from it in one read. */
  plan: Array<{ file: string; sections: Set<Section> }>;
  bytes: number;
}

/**
 * Loads JSON maps of any size: two streamed validation passes (entry shapes and ids, then
 * references), then streamed, batched writes, one short transaction per batch, with the next batch
 * parsed while the previous one is written. Memory is bounded by the ids and the systems, never by
 * the file. Readers never see a half-written map: a new map is hidden until it is complete, and a
 * replacement is written beside the stored map and swapped in at the end.
 */
@Injectable()
export class BulkMapImportService {
  private readonly logger = new Logger(BulkMapImportService.name);

  constructor(private readonly repository: BulkMapRepository) {}

  async importFiles(files: string[], options: BulkImportOptions = {}): Promise<BulkImportResult> {
    const started = Date.now();
    const progress = options.onProgress ?? (() => undefined);
    const validated = await this.validate(files, options.mapName, progress);
    const validatedAt = Date.now();
    await this.recoverInterrupted();

    const staging = `${STAGING_PREFIX}${randomUUID()}`;
    const { mode, previousChecksum } = await this.repository.beginImport(validated.name, staging);
    if (mode === 'busy') throw new ConflictError(`map "${validated.name}" is held by another import or removal; try again when it has finished`);
    const target = mode === 'new' ? validated.name : staging;

    let written: { nodes: number };
    try {
      written = await this.write(target, validated, progress, options);
      progress({ stage: 'verifying', done: 0, total: 1, unit: 'nodes' });
      const stored = await this.repository.countNodes(target);
      if (stored !== written.nodes) throw new Error(`wrote ${written.nodes} nodes but ${stored} are stored`);
    } catch (error) {
      // nothing of this import may stay: a new map disappears, a staged replacement is dropped
      await this.repository.deleteInSlices(target, true).catch((e: unknown) => this.logger.warn(`could not remove the unfinished import ${target}: ${String(e)}`));
      throw error;
    }
    const writtenAt = Date.now();

    const meta = { sources: files.map((f) => basename(f)), checksum: validated.checksum, counts: validated.counts };
    if (mode === 'replace') await this.swap(validated.name, staging, meta, progress);
    else await this.repository.finish(validated.name, '', meta);
    const relationships = await this.repository.countRelationships(validated.name);
    const done = Date.now();
    return {
      map: validated.name,
      declaredName: validated.declaredName,
      created: mode === 'new',
      unchanged: previousChecksum === validated.checksum,
      counts: validated.counts,
      nodes: written.nodes,
      relationships,
      bytes: validated.bytes,
      seconds: { validate: (validatedAt - started) / 1000, write: (writtenAt - validatedAt) / 1000, swap: (done - writtenAt) / 1000, total: (done - started) / 1000 },
    };
  }

  /**
   * Finishes or undoes what interrupted imports and removals left: a swap already begun is rolled
   * forward (its staged map is complete), anything else unfinished is removed. Only work silent for
   * `silentSeconds` is touched, so an import running in another process is left alone.
   */
  async recoverInterrupted(silentSeconds = INTERRUPTED_AFTER_SECONDS): Promise<string[]> {
    const interrupted = await this.repository.listInterrupted(silentSeconds);
    const swapping = new Set(interrupted.filter((w) => w.swapFrom).map((w) => w.swapFrom));
    const recovered: string[] = [];
    for (const work of interrupted) {
      if (work.staging && swapping.has(work.name)) continue; // its swap finishes below
      await this.recover(work);
      recovered.push(work.name);
    }
    if (recovered.length > 0) this.logger.log(`recovered interrupted imports or removals: ${recovered.join(', ')}`);
    return recovered;
  }

  /**
   * `withScratchMap` for files too large to read whole: streams them into a scratch map, runs `work`
   * on it, and removes it whatever happens.
   */
  async withScratchImport<T>(files: string[], work: (scratch: string, declaredName: string) => Promise<T>, options: Pick<BulkImportOptions, 'onProgress' | 'signal'> = {}): Promise<T> {
    const scratch = `${SCRATCH_PREFIX}${randomUUID()}`;
    const imported = await this.importFiles(files, { ...options, mapName: scratch });
    try {
      return await work(scratch, imported.declaredName);
    } finally {
      await this.repository.deleteInSlices(scratch, true).catch((e: unknown) => this.logger.warn(`could not remove scratch map ${scratch}: ${String(e)}`));
    }
  }

  private async recover(work: InterruptedWork): Promise<void> {
    if (work.swapFrom) {
      const staged = await this.repository.stagedMeta(work.swapFrom);
      if (work.swapPhase === 'delete-old') {
        await this.repository.deleteInSlices(work.name, false);
        await this.repository.setSwapPhase(work.name, 'rename');
      }
      await this.repository.renameInSlices(work.swapFrom, work.name);
      await this.repository.finish(work.name, work.swapFrom, staged);
    } else {
      await this.repository.deleteInSlices(work.name, true);
    }
  }

  private async validate(files: string[], mapName: string | undefined, progress: (p: BulkProgress) => void): Promise<ValidatedFiles> {
    const problems: Problem[] = [];
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    const multiFile = files.length > 1;
    const shapes = new MapValidator(multiFile, 'shapes');
    const checksum = new MapChecksum();
    const counts: Record<string, number> = Object.fromEntries(SECTIONS.map((s) => [s, 0]));
    const organizations: Array<{ id: string; country: string }> = [];
    const systems: Array<{ id: string; operator: string; country?: string }> = [];
    const sectionsOf = new Map<string, Section[]>();

    let read = 0;
    const onBytes = (stage: BulkStage) => (n: number) => progress({ stage, done: (read += n), total: bytes, unit: 'bytes' });
    for (const file of files) {
      const where = multiFile ? { file } : {};
      const order: Section[] = [];
      sectionsOf.set(file, order);
      let sawVersion = false;
      let section: Section | undefined;
      try {
        for await (const event of readJsonMapStream(file, { onBytes: onBytes('validating') })) {
          if (event.kind === 'header') {
            sawVersion ||= event.key === 'tadoru';
            shapes.header(multiFile ? file : undefined, event.key, event.value);
          } else if (event.kind === 'list') {
            sawVersion ||= event.key === 'tadoru';
            section = shapes.list(multiFile ? file : undefined, event.key) ? (event.key as Section) : undefined;
            if (section && !order.includes(section)) order.push(section);
          } else if (!section) {
            continue;
          } else if (event.kind === 'elementError') {
            problems.push({ ...where, path: `${section}[${event.index}]`, message: event.message });
          } else {
            shapes.element(multiFile ? file : undefined, section, event.index, event.value);
            counts[section]++;
            checksum.add(section, event.value);
            if (section === 'organizations') organizations.push(event.value as { id: string; country: string });
            if (section === 'systems') systems.push(event.value as { id: string; operator: string; country?: string });
          }
        }
      } catch (error) {
        if (!(error instanceof MapStreamSyntaxError)) throw error;
        problems.push({ ...where, path: '(file)', message: error.message });
      }
      shapes.requireVersion(multiFile ? file : undefined, sawVersion);
    }
    problems.push(...shapes.allProblems());
    if (problems.length > 0) throw new InvalidInputError(problems);

    // second pass: every id is known now, so each reference is checked as it is read
    read = 0;
    const references = new MapValidator(multiFile, 'references', shapes.ids);
    for (const file of files) {
      let section: Section | undefined;
      for await (const event of readJsonMapStream(file, { onBytes: onBytes('checking references') })) {
        if (event.kind === 'list') section = (SECTIONS as readonly string[]).includes(event.key) ? (event.key as Section) : undefined;
        else if (event.kind === 'element' && section) references.element(multiFile ? file : undefined, section, event.index, event.value);
      }
    }
    if (references.allProblems().length > 0) throw new InvalidInputError(references.allProblems());

    const name = resolveMapName(shapes.name, files[0], mapName);
    return { name, declaredName: resolveMapName(shapes.name, files[0], undefined), counts, checksum: checksum.digest(name), directory: directoryOf(organizations, systems), plan: writePlan(files, sectionsOf), bytes };
  }

  private async write(target: string, validated: ValidatedFiles, progress: (p: BulkProgress) => void, options: BulkImportOptions): Promise<{ nodes: number }> {
    const perTransaction = options.rowsPerTransaction ?? ROWS_PER_TRANSACTION;
    const builder = new GraphRowBuilder(validated.directory);
    const totalEntries = Object.values(validated.counts).reduce((a, b) => a + b, 0);
    let entries = 0;
    let nodes = 0;
    let batch = emptyGraphRows();
    let batchRows = 0;
    let inFlight: Promise<void> = Promise.resolve();
    let failure: unknown;
    let lastBeat = Date.now();

    const flush = async (): Promise<void> => {
      const rows = batch;
      const doneAfter = entries;
      batch = emptyGraphRows();
      batchRows = 0;
      builder.markWritten();
      nodes += nodeCount(rows);
      await inFlight; // one batch written while the next is parsed
      if (failure) throw failure;
      if (options.signal?.aborted) throw new ConflictError('the import was interrupted; nothing was stored');
      inFlight = this.repository.writeBatch(target, rows).then(
        () => progress({ stage: 'writing', done: doneAfter, total: totalEntries, unit: 'entries' }),
        (error: unknown) => {
          failure = error;
        },
      );
      if (Date.now() - lastBeat > HEARTBEAT_MS) {
        lastBeat = Date.now();
        await this.repository.touch(target);
      }
    };

    for (const { file, sections } of validated.plan) {
      let section: Section | undefined;
      for await (const event of readJsonMapStream(file)) {
        if (event.kind === 'list') section = sections.has(event.key as Section) ? (event.key as Section) : undefined;
        if (event.kind !== 'element' || !section) continue;
        batchRows += builder.add(section, event.value, batch);
        entries++;
        if (batchRows >= perTransaction) await flush();
      }
    }
    await flush();
    await inFlight;
    if (failure) throw failure;
    return { nodes };
  }

  private async swap(name: string, staging: string, meta: { sources: string[]; checksum: string; counts: Record<string, number> }, progress: (p: BulkProgress) => void): Promise<void> {
    await this.repository.stageMeta(staging, meta);
    if (!(await this.repository.beginSwap(name, staging))) {
      await this.repository.deleteInSlices(staging, true);
      throw new ConflictError(busyMessage(name, 'replacing'));
    }
    let removed = 0;
    await this.repository.deleteInSlices(name, false, (n) => progress({ stage: 'swapping', done: (removed += n), total: 0, unit: 'nodes' }));
    await this.repository.setSwapPhase(name, 'rename');
    let moved = 0;
    await this.repository.renameInSlices(staging, name, (n) => progress({ stage: 'swapping', done: (moved += n), total: 0, unit: 'nodes' }));
    await this.repository.finish(name, staging, meta);
  }
}

/** Node rows of a batch (relationship rows are the feeds and the links each node row creates). */
function nodeCount(rows: MapGraphRows): number {
  let n = 0;
  for (const [section, list] of Object.entries(rows)) if (section !== 'feeds' && section !== 'heldAssets') n += (list as unknown[]).length;
  return n;
}

/**
 * Reads to make, in order, so that every section is written after those it refers to (SECTIONS
 * order) and each file is read as few times as its own section order allows: one read for a file
 * written in the usual order.
 */
export function writePlan(files: string[], sectionsOf: Map<string, Section[]>): Array<{ file: string; sections: Set<Section> }> {
  const plan: Array<{ file: string; sections: Set<Section>; position: number }> = [];
  for (const section of SECTIONS) {
    for (const file of files) {
      const position = sectionsOf.get(file)?.indexOf(section) ?? -1;
      if (position < 0) continue;
      const last = plan[plan.length - 1];
      if (last && last.file === file && position > last.position) {
        last.sections.add(section);
        last.position = position;
      } else plan.push({ file, sections: new Set([section]), position });
    }
  }
  return plan.map(({ file, sections }) => ({ file, sections }));
}
