import { MapSnapshot } from '@tadoru/graph';

/** A stored map as its readers see it: the version they pinned, and what that version was made from. */
export interface StoredMapInfo extends MapSnapshot {
  sources: string[];
  /** SHA-256 of the content; null after a write that changed the map in place, until it is computed again. */
  checksum: string | null;
  counts: Record<string, number>;
  createdAt: string;
  /** When the map was last imported whole. */
  importedAt: string;
  /** When the map was last written (an import, or a change in place). */
  updatedAt: string;
  /** Advanced by every write that changes the pinned generation in place: readers compare it before and after. */
  writeSeq: number;
  /** The rule pack the stored findings were evaluated with (null: none stored yet). */
  rulesDigest: string | null;
}

/**
 * An in-place write marks its generation before it commits and clears the mark after; its
 * transaction is bounded by IN_PLACE_WRITE_TIMEOUT_MS, so a mark older than PENDING_STALE_MS is
 * left by a writer that died, and its transaction has long been rolled back.
 */
export const IN_PLACE_WRITE_TIMEOUT_MS = 60_000;
export const PENDING_STALE_MS = IN_PLACE_WRITE_TIMEOUT_MS + 10_000;
