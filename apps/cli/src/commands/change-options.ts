import { ConflictError, DomainError, InvalidInputError, Problem, UnavailableError } from '@tadoru/common';
import { SEVERITIES } from '@tadoru/rules';
import { EXIT_INVALID_INPUT, formatProblem, reportCliError } from '../cli-errors';

export const DIFF_FORMATS = ['json', 'table', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const FAIL_ON = [...SEVERITIES, 'none'] as const;

export const EXIT_UNREACHABLE = 3;
export const EXIT_CONFLICT = 4;
export const EXIT_REFUSED = 5;

export interface ChangeCommandOptions {
  map?: string;
  format?: string;
  url?: string;
  key?: string;
}

/** The options every change command shares, checked before anything runs; problems name the option. */
export function checkChangeOptions(options: ChangeCommandOptions, problems: Problem[]): DiffFormat {
  if (!options.map) problems.push({ path: '--map', message: 'required: the stored map to change' });
  const format = options.format ?? 'table';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) problems.push({ path: '--format', message: `must be one of ${DIFF_FORMATS.join(', ')}, got "${format}"` });
  if (options.url !== undefined) {
    try {
      const url = new URL(options.url);
      if (!['http:', 'https:'].includes(url.protocol)) problems.push({ path: '--url', message: `must be an http(s) URL, got "${options.url}"` });
    } catch {
      problems.push({ path: '--url', message: `must be a URL such as http://127.0.0.1:3000, got "${options.url}"` });
    }
  }
  return (DIFF_FORMATS as readonly string[]).includes(format) ? (format as DiffFormat) : 'table';
}

/** Exit status and message for an error of `propose`/`apply` (shared/spec/changes.md §Commands). */
export function reportChangeError(error: unknown, format: DiffFormat): number {
  if (error instanceof InvalidInputError) {
    if (format === 'json') process.stdout.write(`${JSON.stringify({ error: 'invalid change set', problems: error.problems }, null, 2)}\n`);
    else {
      process.stderr.write(`invalid change set: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}\n`);
      for (const p of error.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
    }
    return EXIT_INVALID_INPUT;
  }
  if (error instanceof ConflictError) {
    process.stderr.write(`conflict: ${error.message}\nnothing was written.\n`);
    return EXIT_CONFLICT;
  }
  if (error instanceof UnavailableError) {
    process.stderr.write(`error (UNAVAILABLE): ${error.message}\n`);
    return EXIT_UNREACHABLE;
  }
  if (error instanceof DomainError && error.code === 'FORBIDDEN') {
    process.stderr.write(`refused: ${error.message}\n`);
    return EXIT_REFUSED;
  }
  const status = reportCliError(error);
  // The database could not be started or reached: not a verdict on the change.
  return status === 1 && !(error instanceof DomainError) ? EXIT_UNREACHABLE : status;
}
