import { DomainError, InvalidInputError, Problem } from '@tadoru/common';

export const EXIT_INVALID_INPUT = 2;

export function formatProblem(p: Problem): string {
  return `${p.file ? `${p.file}: ` : ''}${p.path}: ${p.message}`;
}

/**
 * Prints an error the way a CLI user needs it: every problem of an invalid map with its path,
 * domain errors as one line, anything else as one line too (no stack unless TADORU_DEBUG is set).
 */
export function reportCliError(error: unknown, what = 'map'): number {
  if (error instanceof InvalidInputError) {
    process.stderr.write(`invalid ${what}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}\n`);
    for (const p of error.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
    return EXIT_INVALID_INPUT;
  }
  if (error instanceof DomainError) {
    process.stderr.write(`error (${error.code}): ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  if (process.env.TADORU_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}
