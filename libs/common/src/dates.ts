import { Problem } from './errors';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO calendar date `YYYY-MM-DD` that exists (no 2019-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The one check of an "as of" argument, wherever it is given (GraphQL `asOf`, `--as-of`): absent
 * means "no date"; anything else must be a real date, else a problem naming `path` is recorded.
 */
export function checkAsOf(asOf: string | null | undefined, problems: Problem[], path = 'asOf'): string | null {
  if (asOf === undefined || asOf === null) return null;
  if (!isIsoDate(asOf)) problems.push({ path, message: `must be a date YYYY-MM-DD, got "${asOf}"` });
  return asOf;
}
