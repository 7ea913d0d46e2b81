import { MapDirectoryService, PinnedMap, StoredMapInfo } from '@tadoru/catalog';

/**
 * The map versions one GraphQL operation reads. A map is pinned the first time the operation names
 * it, and every field of the operation reads that version, so the fields agree with each other. At
 * the end the operation checks that no in-place write landed on a pinned version meanwhile (see
 * `SnapshotConsistencyPlugin`); versions written beside a pinned one never disturb it.
 */
export class MapPins {
  private readonly pinned = new Map<string, Promise<PinnedMap>>();

  constructor(private readonly directory: MapDirectoryService) {}

  /** The version of `name` this operation reads (NOT_FOUND when the map has none). */
  pin(name: string): Promise<PinnedMap> {
    let pin = this.pinned.get(name);
    if (!pin) {
      pin = this.directory.pin(name);
      this.pinned.set(name, pin);
      pin.catch(() => this.pinned.delete(name));
    }
    return pin;
  }

  /** Maps listed by `maps` are read at the version listed. */
  adopt(info: StoredMapInfo): PinnedMap {
    const pin: PinnedMap = { ...info, pendingAtPin: false };
    if (!this.pinned.has(info.name)) this.pinned.set(info.name, Promise.resolve(pin));
    return pin;
  }

  async all(): Promise<PinnedMap[]> {
    const settled = await Promise.allSettled(this.pinned.values());
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }

  /** Names of pinned maps whose version may have changed under this operation. */
  async changed(): Promise<string[]> {
    return this.directory.changedSincePinned(await this.all());
  }
}
