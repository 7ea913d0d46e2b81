import { Command, CommandRunner, Option } from 'nest-commander';
import { basename } from 'node:path';
import { checkAsOf, InvalidInputError, Problem } from '@tadoru/common';
import { renderMapDiff } from '@tadoru/changes';
import { DataMap, loadMapSources } from '@tadoru/map';
import { CHECK_FORMATS, CheckBaseService, CheckFormat, CheckProblem, CheckService, MapSide, renderCheckErrors, renderCheckReport } from '@tadoru/reports';
import { SEVERITIES, Severity, SEVERITY_RANK } from '@tadoru/rules';
import { EXIT_INVALID_INPUT, reportCliError } from '../cli-errors';
import { withDatabase } from '../database-session';
import { ProgressBar } from '../progress-bar';
import { BULK_FROM_BYTES, isLargeJson, readSources } from '../read-sources';

const FAIL_ON = [...SEVERITIES, 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

interface CheckOptions {
  format?: string;
  failOn?: string;
  asOf?: string;
  base?: string[];
}

export const EXIT_FINDINGS = 1;

/** Exit status of a check: 1 when a finding is at or above the threshold (shared/spec/data-map.md). */
export function exitStatusFor(severities: Severity[], failOn: FailOn): number {
  if (failOn === 'none') return 0;
  return severities.some((s) => SEVERITY_RANK[s] <= SEVERITY_RANK[failOn]) ? EXIT_FINDINGS : 0;
}

@Command({
  name: 'check',
  arguments: '<files...>',
  description:
    'Validate a data map (one or more YAML/JSON files merged into one map), evaluate every rule of the catalogue on it, and print the findings. ' +
    `JSON maps of ${BULK_FROM_BYTES / 1024 / 1024} MiB or more are streamed into the database in batches. ` +
    'Nothing needs to run: without NEO4J_URI it uses the embedded Neo4j of a running `tadoru serve`, or starts a temporary one. The map is never kept. ' +
    'Exit status: 0 no finding at or above --fail-on, 1 at least one, 2 invalid input (every problem listed with its path). ' +
    'With --base BASE... it is the CI gate of a pull request: it validates both maps, evaluates both in one database, and prints the diff ' +
    '(findings introduced and resolved, organizations newly receiving data, elements added, changed and removed); ' +
    'it exits 1 only when an introduced finding is at or above --fail-on (findings the base already had never fail), 0 otherwise, ' +
    '2 when either map is invalid (each problem names the side, base or proposed). Give PROPOSED files first: --base takes every file after it.',
})
export class CheckCommand extends CommandRunner {
  async run(files: string[], options: CheckOptions): Promise<void> {
    // Options are read before anything else, so that errors come out in the format asked for.
    const format = (CHECK_FORMATS as readonly string[]).includes(options.format ?? 'table') ? ((options.format ?? 'table') as CheckFormat) : 'table';
    try {
      const problems: Problem[] = [];
      if (options.format !== undefined && !(CHECK_FORMATS as readonly string[]).includes(options.format)) {
        problems.push({ path: '--format', message: `must be one of ${CHECK_FORMATS.join(', ')}, got "${options.format}"` });
      }
      const failOn = (options.failOn ?? 'high') as FailOn;
      if (!FAIL_ON.includes(failOn)) problems.push({ path: '--fail-on', message: `must be one of ${FAIL_ON.join(', ')}, got "${options.failOn}"` });
      const asOf = checkAsOf(options.asOf, problems, '--as-of');
      if (options.base !== undefined && asOf !== null) problems.push({ path: '--as-of', message: 'cannot be combined with --base: the gate compares the two maps with every flow in force' });
      if (problems.length > 0) throw new InvalidInputError(problems);
      if (options.base !== undefined) {
        await this.gate(files, options.base, format, failOn);
        return;
      }

      if (isLargeJson(files, BULK_FROM_BYTES)) {
        const bar = new ProgressBar();
        const report = await withDatabase(
          (ctx) => ctx.get(CheckService).checkLargeFiles(files, { asOf, onProgress: (p) => bar.update(p.stage, p.done, p.total, p.unit) }),
          { storage: 'shared-or-temporary' },
        );
        bar.done();
        process.stdout.write(renderCheckReport(report, format));
        process.exitCode = exitStatusFor(
          report.findings.map((f) => f.severity),
          failOn,
        );
        return;
      }
      const sources = readSources(files);
      // Validate before starting any database: an invalid map fails fast and nothing is evaluated.
      const { map, problems: mapProblems } = loadMapSources(sources);
      if (!map) throw new InvalidInputError(mapProblems);
      const name = map.map ?? basename(files[0]).replace(/\.(ya?ml|json)$/i, '');

      const report = await withDatabase((ctx) => ctx.get(CheckService).check(map, name, { asOf }), { storage: 'shared-or-temporary' });
      process.stdout.write(renderCheckReport(report, format));
      process.exitCode = exitStatusFor(
        report.findings.map((f) => f.severity),
        failOn,
      );
    } catch (error) {
      if (error instanceof InvalidInputError) {
        (format === 'json' ? process.stdout : process.stderr).write(renderCheckErrors(error.problems, format));
        process.exitCode = EXIT_INVALID_INPUT;
      } else {
        process.exitCode = reportCliError(error);
        // A check that could not run is not a pass: never exit 0 or 1 ("findings") for it.
        if (process.exitCode !== EXIT_INVALID_INPUT) process.exitCode = 3;
      }
    }
  }

  /** `check PROPOSED... --base BASE...`: the diff of the two maps, failing only on introduced findings. */
  private async gate(proposedFiles: string[], baseFiles: string[], format: CheckFormat, failOn: FailOn): Promise<void> {
    // Both maps are validated before any database starts, and every problem of both is reported.
    const base = loadSide('base', baseFiles);
    const proposed = loadSide('proposed', proposedFiles);
    const baseMap = base.map;
    const proposedMap = proposed.map;
    if (!baseMap || !proposedMap) throw new InvalidInputError([...base.problems, ...proposed.problems]);
    const name = proposedMap.map ?? baseMap.map ?? basename(proposedFiles[0]).replace(/\.(ya?ml|json)$/i, '');
    const diff = await withDatabase((ctx) => ctx.get(CheckBaseService).compare(baseMap, proposedMap, name), { storage: 'shared-or-temporary' });
    process.stdout.write(renderMapDiff(diff, format));
    process.exitCode = exitStatusFor(
      diff.introduced.map((f) => f.severity),
      failOn,
    );
  }

  @Option({ flags: '--base <files...>', description: 'the map before the change (e.g. the target branch\'s map files): print the diff and fail only on findings the change introduces' })
  parseBase(value: string, previous: string[] | undefined): string[] {
    return [...(previous ?? []), value];
  }

  @Option({ flags: '-f, --format <format>', description: 'json, table or markdown (default: table)' })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--fail-on <severity>', description: 'exit 1 when a finding is at or above: critical, high, medium, low or none (default: high)' })
  parseFailOn(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <date>', description: 'YYYY-MM-DD: judge the map as it stood that day (flows, derivations and consents not in force are left out)' })
  parseAsOf(value: string): string {
    return value;
  }
}

/** One side of `check --base`, read and validated whole; each problem says which side and file it is in. */
function loadSide(side: MapSide, files: string[]): { map?: DataMap; problems: CheckProblem[] } {
  const mark = (problems: Problem[]): CheckProblem[] => problems.map((p) => ({ side, ...(p.file || files.length !== 1 ? {} : { file: files[0] }), ...p }));
  try {
    const { map, problems } = loadMapSources(readSources(files));
    return map ? { map, problems: [] } : { problems: mark(problems) };
  } catch (error) {
    if (error instanceof InvalidInputError) return { problems: mark(error.problems) };
    throw error;
  }
}
