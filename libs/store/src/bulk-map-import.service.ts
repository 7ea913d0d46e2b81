import { Injectable, Logger } from '@nestjs/common';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { PinnedMap } from '@tadoru/catalog';
import { Actor, ConflictError, InvalidInputError, LOCAL_ACTOR, Problem } from '@tadoru/common';
import {
  directoryOf,
  emptyGraphRows,
  graphNodeCount,
  GraphRowBuilder,
  MapChecksum,
  MapStreamSyntaxError,
  MapValidator,
  readJsonMapStream,
  Section,
  SECTIONS,
  SystemDirectory,
} from '@tadoru/map';
import { GenerationRepository } from './generation.repository';
import { importHistory } from './history';
import { declaredMapName, resolveMapName, scratchMapName } from './map-name';
import { FilledGeneration, GenerationSink, MapWriter, SINGLE_TRANSACTION_ROWS } from './map-writer.service';

export type BulkStage = 'validating' | 'checking references' | 'writing' | 'verifying' | 'evaluating' | 'publishing';

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
  /** Store under a scratch name of the service's own (a check of a large file), not a user's map name. */
  scratch?: boolean;
  /** Evaluate the rules and store the findings with the version (default true). */
  storeFindings?: boolean;
  /** Graph rows per write transaction (tests make it tiny to cut maps into many batches). */
  rowsPerTransaction?: number;
  /** Who imports (the history's actor); the local CLI's user when not given. */
  actor?: Actor;
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
  /** The map's version after the import. */
  version: number;
  /** Findings stored with the version. */
  findings: number;
  /** Seconds spent validating (both passes), writing, evaluating the rules, and publishing the new version. */
  seconds: { validate: number; write: number; evaluate: number; publish: number; total: number };
}

/**
 * Graph rows (nodes plus relationship rows) per write transaction: as many as a whole map written in
 * one transaction may have (SINGLE_TRANSACTION_ROWS), which the service's default heap holds; fewer,
 * larger commits are quicker (each one also updates every index).
 */
const ROWS_PER_TRANSACTION = SINGLE_TRANSACTION_ROWS;

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
 * the file. The map is written as a new version beside the stored one (see `MapWriter`): readers
 * keep reading the old version until the new one is complete, findings included, and made current.
 */
@Injectable()
export class BulkMapImportService {
  private readonly logger = new Logger(BulkMapImportService.name);

  constructor(
    private readonly writer: MapWriter,
    private readonly generations: GenerationRepository,
  ) {}

  async importFiles(files: string[], options: BulkImportOptions = {}): Promise<BulkImportResult> {
    const started = Date.now();
    const progress = options.onProgress ?? (() => undefined);
    const validated = await this.validate(files, options.scratch ? scratchMapName() : options.mapName, progress, options.scratch === true);
    const validatedAt = Date.now();
    const meta = { sources: files.map((f) => basename(f)), checksum: validated.checksum, counts: validated.counts };
    const written = await this.writer.replaceWhole(
      validated.name,
      meta,
      {
        scratch: options.scratch,
        storeFindings: options.storeFindings,
        onStage: (stage) => stage !== 'writing' && progress({ stage, done: 0, total: 1, unit: 'nodes' }),
        history: options.scratch ? undefined : importHistory(meta.sources, options.actor ?? LOCAL_ACTOR),
      },
      (sink) => this.write(sink, validated, progress, options),
    );
    const relationships = await this.generations.countRelationships(written.map.storage);
    const nodes = written.unchanged ? await this.generations.countNodes(written.map.storage) : written.nodes;
    const done = Date.now();
    return {
      map: validated.name,
      declaredName: validated.declaredName,
      created: written.created,
      unchanged: written.unchanged,
      counts: validated.counts,
      nodes,
      relationships,
      bytes: validated.bytes,
      version: written.map.version,
      findings: written.findings,
      seconds: {
        validate: (validatedAt - started) / 1000,
        write: written.seconds.write,
        evaluate: written.seconds.evaluate,
        publish: written.seconds.publish,
        total: (done - started) / 1000,
      },
    };
  }

  /**
   * `withScratchMap` for files too large to read whole: streams them into a scratch map, runs `work`
   * on it, and removes it whatever happens.
   */
  async withScratchImport<T>(
    files: string[],
    work: (scratch: PinnedMap, declaredName: string) => Promise<T>,
    options: Pick<BulkImportOptions, 'onProgress' | 'signal' | 'storeFindings'> = {},
  ): Promise<T> {
    const imported = await this.importFiles(files, { ...options, scratch: true });
    try {
      return await work(await this.writer.pinWritten(imported.map), imported.declaredName);
    } finally {
      await this.writer.removeScratch(imported.map).catch((e: unknown) => this.logger.warn(`could not remove scratch map ${imported.map}: ${String(e)}`));
    }
  }

  private async validate(files: string[], mapName: string | undefined, progress: (p: BulkProgress) => void, scratch: boolean): Promise<ValidatedFiles> {
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

    const name = scratch ? (mapName as string) : resolveMapName(shapes.name, files[0], mapName);
    return { name, declaredName: declaredMapName(shapes.name, files[0]) ?? name, counts, checksum: checksum.digest(name), directory: directoryOf(organizations, systems), plan: writePlan(files, sectionsOf), bytes };
  }

  private async write(sink: GenerationSink, validated: ValidatedFiles, progress: (p: BulkProgress) => void, options: BulkImportOptions): Promise<FilledGeneration> {
    const perTransaction = options.rowsPerTransaction ?? ROWS_PER_TRANSACTION;
    const builder = new GraphRowBuilder(validated.directory);
    const totalEntries = Object.values(validated.counts).reduce((a, b) => a + b, 0);
    let entries = 0;
    let nodes = 0;
    let batch = emptyGraphRows();
    let batchRows = 0;
    let inFlight: Promise<void> = Promise.resolve();
    let failure: unknown;

    const flush = async (): Promise<void> => {
      const rows = batch;
      const doneAfter = entries;
      batch = emptyGraphRows();
      batchRows = 0;
      builder.markWritten();
      nodes += graphNodeCount(rows);
      await inFlight; // one batch written while the next is parsed
      if (failure) throw failure;
      if (options.signal?.aborted) throw new ConflictError('the import was interrupted; nothing was stored');
      inFlight = sink.write(rows).then(
        () => progress({ stage: 'writing', done: doneAfter, total: totalEntries, unit: 'entries' }),
        (error: unknown) => {
          failure = error;
        },
      );
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
    return { nodes, nextSeqs: builder.nextSeqs() };
  }
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
