import { Command, CommandRunner, Option } from 'nest-commander';
import { InvalidInputError, Problem } from '@tadoru/common';
import { generateMap, generateOptionProblems, GenerationSummary, OptionNames } from '@tadoru/generator';
import { EXIT_INVALID_INPUT, formatProblem, reportCliError } from '../cli-errors';
import { ProgressBar } from '../progress-bar';

interface GenerateCommandOptions {
  scale?: string;
  seed?: string;
  out?: string;
  truth?: string;
  map?: string;
}

const FLAGS: OptionNames = { scale: '--scale', seed: '--seed', out: '--out', truthOut: '--truth', mapName: '--map' };

@Command({
  name: 'generate',
  description:
    'Write a synthetic data map of about --scale graph nodes (JSON, one element per line), with violations of every rule planted in it, ' +
    'and beside it the findings `tadoru check` must report (the ground truth). The same --scale and --seed give the same files. ' +
    'Nothing needs to run. Exit status: 0 written, 2 invalid options.',
})
export class GenerateCommand extends CommandRunner {
  async run(_args: string[], options: GenerateCommandOptions): Promise<void> {
    try {
      const problems: Problem[] = [];
      const scale = wholeNumber(options.scale, '--scale', problems);
      const seed = wholeNumber(options.seed, '--seed', problems);
      if (options.out === undefined) problems.push({ path: '--out', message: 'required: the map file to write, e.g. --out map.json' });
      // Options that could not be read as numbers are reported once, above; the rest are checked here.
      const checked = { scale: scale ?? 1_000, seed: seed ?? 0, out: options.out ?? '', truthOut: options.truth, mapName: options.map };
      problems.push(...generateOptionProblems(checked, FLAGS).filter((p) => !problems.some((q) => q.path === p.path)));
      const order = Object.values(FLAGS);
      if (problems.length > 0) throw new InvalidInputError(problems.sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path)));

      const progress = new ProgressBar();
      const started = process.hrtime.bigint();
      const summary = await generateMap({ ...checked, onProgress: (done, total) => progress.update('generating', done, total, 'nodes') });
      progress.done();
      process.stdout.write(summaryText(summary, Number(process.hrtime.bigint() - started) / 1e9));
    } catch (error) {
      if (error instanceof InvalidInputError) {
        process.stderr.write(`invalid options: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}\n`);
        for (const p of error.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
        process.exitCode = EXIT_INVALID_INPUT;
      } else {
        process.exitCode = reportCliError(error);
      }
    }
  }

  @Option({ flags: '-s, --scale <nodes>', description: 'nodes the map becomes in Neo4j, 1,000 to 20,000,000 (required)' })
  parseScale(value: string): string {
    return value;
  }

  @Option({ flags: '--seed <n>', description: 'any whole number from 0 to 4294967295; the same seed gives the same map (required)' })
  parseSeed(value: string): string {
    return value;
  }

  @Option({ flags: '-o, --out <file.json>', description: 'the map file to write (required)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--truth <file>', description: 'the ground-truth file to write (default: the map file with .truth.json instead of .json)' })
  parseTruth(value: string): string {
    return value;
  }

  @Option({ flags: '-m, --map <name>', description: 'the name the map gives itself (default: generated-<scale>-<seed>)' })
  parseMap(value: string): string {
    return value;
  }
}

/** A whole number as typed, with `_` or `,` between digit groups allowed (1_000_000). */
function wholeNumber(value: string | undefined, flag: string, problems: Problem[]): number | undefined {
  if (value === undefined) {
    problems.push({ path: flag, message: 'required' });
    return undefined;
  }
  const digits = value.trim().replace(/[_,]/g, '');
  if (!/^\d+$/.test(digits)) {
    problems.push({ path: flag, message: `must be a whole number, got "${value}"` });
    return undefined;
  }
  return Number(digits);
}

function summaryText(s: GenerationSummary, seconds: number): string {
  const n = (value: number): string => value.toLocaleString('en');
  const sections = Object.entries(s.elements)
    .map(([section, count]) => `${section} ${n(count)}`)
    .join(', ');
  return [
    `generated map "${s.map}" (scale ${n(s.scale)}, seed ${s.seed}) in ${seconds.toFixed(1)} s`,
    `  map file:     ${s.file} (${(s.bytes / 1024 / 1024).toFixed(1)} MiB)`,
    `  ground truth: ${s.truthFile} (${n(s.plantedFindings)} planted findings)`,
    `  graph:        ${n(s.graph.nodes)} nodes, ${n(s.graph.relationships)} relationships`,
    `  elements:     ${sections}`,
    '',
  ].join('\n');
}
