import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConflictError } from '@tadoru/common';
import { Neo4jService } from '@tadoru/graph';
import { GenerationRepository } from './generation.repository';
import { MapWriter } from './map-writer.service';
import { retentionSecondsFromEnv } from './retention';

export interface SweepResult {
  /** Generations removed (superseded past the retention, or abandoned). */
  removed: string[];
  /** Scratch maps of checks that were killed, removed. */
  scratchMaps: string[];
}


/** A write that has not finished after this long may have lost its writer: the map's lock tells. */
const LONG_WRITE_SECONDS = 60;
const SCRATCH_STALE_SECONDS = 3_600;
/** Generations removed per sweep, so one sweep never runs for long. */
const PER_SWEEP = 20;

/**
 * Removes what nobody reads any more: versions superseded longer ago than the retention, versions
 * whose writer is gone (its lock was released when its transaction ended), and scratch maps of
 * checks that were killed. The service sweeps every minute; every write sweeps its own map.
 */
@Injectable()
export class GenerationSweeper implements OnApplicationShutdown {
  private readonly logger = new Logger(GenerationSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly db: Neo4jService,
    private readonly generations: GenerationRepository,
    private readonly writer: MapWriter,
  ) {}

  async sweep(retentionSeconds = retentionSecondsFromEnv()): Promise<SweepResult> {
    const scratchMaps = await this.generations.staleScratchMaps(SCRATCH_STALE_SECONDS);
    for (const name of scratchMaps) await this.writer.removeScratch(name);
    for (const map of await this.generations.mapsWithLongWrites(LONG_WRITE_SECONDS)) await this.abandonIfWriterGone(map);
    const removed: string[] = [];
    for (const { key } of await this.generations.expired(null, retentionSeconds, PER_SWEEP)) {
      await this.writer.removeGeneration(key);
      removed.push(key);
    }
    if (removed.length + scratchMaps.length > 0) this.logger.log(`removed ${removed.length} old map version(s) and ${scratchMaps.length} stale scratch map(s)`);
    return { removed, scratchMaps };
  }

  /** Sweeps now and then every `intervalMs`, in the background, until the service stops. */
  start(intervalMs = 60_000): void {
    const tick = () => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error: unknown) => this.logger.warn(`sweeping old map versions failed: ${String(error)}`))
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Takes the map's lock for a moment: if nobody holds it, its "writing" generations have no writer left. */
  private async abandonIfWriterGone(map: string): Promise<void> {
    try {
      await this.db.lockedWrite(
        'store.abandon',
        { lockQuery: 'store/lock-map', lockParams: { map }, waitMs: 500, conflictMessage: 'busy', timeoutMs: 30_000 },
        async (q) => {
          await this.generations.abandonWriting(q, map, '');
          await q.run('store/drop-empty-map-node', { name: map });
        },
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error; // its writer is at work: leave it
    }
  }
}
