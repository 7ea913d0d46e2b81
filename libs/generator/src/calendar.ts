/** Dates as day numbers from 1 Jan 2015, the start of every generated history (never "today"). */
const EPOCH_MS = Date.UTC(2015, 0, 1);
const DAY_MS = 86_400_000;

/** The last day a generated history reaches. */
export const LAST_DAY = dayOf('2025-06-30');

export function isoDate(day: number): string {
  return new Date(EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10);
}

export function dayOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EPOCH_MS) / DAY_MS);
}
