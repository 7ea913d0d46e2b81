import { MapDirectoryService, PinnedMap, StoredMapInfo } from '@tadoru/catalog';

/**
 * The map versions one GraphQL operation reads. A map is pinned the first time the operation names
 * it, and every field of the operation reads that version, so the fields agree with each other. At
 * the end the operation checks that no in-place write landed on a pinned version meanwhile (see
 * `SnapshotConsistencyPlugin`); versions written beside a pinned one never disturb it.
 */
export class MapPins {
  private readonly pinned = new Map<string, Promise<PinnedMap>>();
  /** Units of work that read a pinned version (answers served whole from the answer cache read none). */
  private reads = 0;
  private readonly countRead = () => {
    this.reads++;
  };

  constructor(private readonly directory: MapDirectoryService) {}

  /** The version of `name` this operation reads (NOT_FOUND when the map has none). */
  pin(name: string): Promise<PinnedMap> {
    let pin = this.pinned.get(name);
    if (!pin) {
      pin = this.directory.pin(name).then((p) => ({ ...p, onRead: this.countRead }));
      this.pinned.set(name, pin);
      pin.catch(() => this.pinned.delete(name));
    }
    return pin;
  }

  /** A past version of `name` (`map(name, version)`), pinned through `load` once per operation. */
  pinVersion(name: string, version: number, load: () => Promise<PinnedMap>): Promise<PinnedMap> {
    const key = `${name}@${version}`;
    let pin = this.pinned.get(key);
    if (!pin) {
      pin = load().then((p) => ({ ...p, onRead: this.countRead }));
      this.pinned.set(key, pin);
      pin.catch(() => this.pinned.delete(key));
    }
    return pin;
  }

  /** Maps listed by `maps` are read at the version listed. */
  adopt(info: StoredMapInfo): PinnedMap {
    const pin: PinnedMap = { ...info, pendingAtPin: false, onRead: this.countRead };
    if (!this.pinned.has(info.name)) this.pinned.set(info.name, Promise.resolve(pin));
    return pin;
  }

  async all(): Promise<PinnedMap[]> {
    const settled = await Promise.allSettled(this.pinned.values());
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }

  /**
   * Names of pinned maps whose version may have changed under this operation. An operation that
   * read nothing after pinning (its fields came from the pins and from answers that were checked
   * to be of an unchanged version when they were kept) cannot have seen a write half-done.
   */
  async changed(): Promise<string[]> {
    const pins = await this.all();
    if (this.reads === 0 && pins.every((p) => !p.pendingAtPin)) return [];
    return this.directory.changedSincePinned(pins);
  }
}
