import { Injectable } from '@nestjs/common';
import { NotFoundError, RESERVED_MAP_PREFIX } from '@tadoru/common';
import { MapSession } from '@tadoru/graph';
import { MapDirectoryRepository } from './map-directory.repository';
import { PENDING_STALE_MS, StoredMapInfo } from './map-info';

/** A pinned version, and whether an in-place write was still landing when it was pinned. */
export interface PinnedMap extends StoredMapInfo {
  pendingAtPin: boolean;
}

/** How long a reader waits for an in-place write that is landing before it reads anyway (and re-checks). */
const PENDING_WAIT_MS = 5_000;
const PENDING_POLL_MS = 20;
/** Reads again, at once, at most this often when a write was being applied (it is applied within milliseconds). */
const MAX_TORN_READS = 50;

/** Which maps are stored, and the version a question reads. */
@Injectable()
export class MapDirectoryService {
  constructor(private readonly repository: MapDirectoryRepository) {}

  /**
   * The current version of a user's map, pinned for reading: NOT_FOUND when there is none (never
   * imported, deleted, or a name of the service's own). While an in-place write is landing the
   * reader waits for it, so that it reads the version before or the one after, never a mix.
   */
  async pin(name: string): Promise<PinnedMap> {
    if (name.startsWith(RESERVED_MAP_PREFIX)) throw new NotFoundError('map', name, 'map');
    return this.pinStored(name);
  }

  /** `pin` for maps of the service's own as well (a check's scratch map). */
  async pinStored(name: string): Promise<PinnedMap> {
    const deadline = Date.now() + PENDING_WAIT_MS;
    for (let torn = 0; ; ) {
      const entry = await this.repository.find(name);
      if (!entry) throw new NotFoundError('map', name, 'map');
      // The map node and its generation disagree only in a read that met a write being applied: read again.
      if (entry.generationVersion !== entry.info.version && torn++ < MAX_TORN_READS) continue;
      const pending = isPending(entry.pendingForMs);
      if (!pending || Date.now() >= deadline) return { ...entry.info, pendingAtPin: pending || entry.generationVersion !== entry.info.version };
      await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
    }
  }

  /**
   * The names of pinned maps whose version may have changed under the reader: an in-place write
   * landed (or was landing) between the pin and now. Versions written beside the pinned one never
   * disturb it, so they are not counted.
   */
  async changedSincePinned(pins: readonly PinnedMap[]): Promise<string[]> {
    if (pins.length === 0) return [];
    const now = await this.repository.writeSeqs([...new Set(pins.map((p) => p.storage))]);
    return pins
      .filter((p) => {
        const current = now.get(p.storage);
        return p.pendingAtPin || (current !== undefined && (isPending(current.pendingForMs) || current.writeSeq !== p.writeSeq));
      })
      .map((p) => p.name);
  }

  /**
   * Inside a read of `pin` that is ending: true when no in-place write has landed on the version
   * since it was pinned, or is landing (what the read saw is the pinned version, whole).
   */
  async unchangedIn(s: MapSession, pin: StoredMapInfo & { pendingAtPin?: boolean }): Promise<boolean> {
    if (pin.pendingAtPin) return false;
    const current = await this.repository.writeSeqsIn(s, [pin.storage]);
    const now = current.get(pin.storage);
    return now !== undefined && now.writeSeq === pin.writeSeq && !isPending(now.pendingForMs);
  }

  async findMap(name: string): Promise<StoredMapInfo | undefined> {
    return (await this.repository.find(name))?.info;
  }

  /** Every map, each at its current version (a map read while a write was being applied is read again on its own). */
  async listMaps(): Promise<StoredMapInfo[]> {
    const entries = await this.repository.list();
    return Promise.all(entries.map(async (e) => (e.generationVersion === e.info.version ? e.info : this.pinStored(e.info.name))));
  }
}

function isPending(pendingForMs: number | null): boolean {
  return pendingForMs !== null && pendingForMs < PENDING_STALE_MS;
}
