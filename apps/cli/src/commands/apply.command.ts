import { Command, CommandRunner, Option } from 'nest-commander';
import { InvalidInputError, Problem } from '@tadoru/common';
import { FailOn, renderMapDiff } from '@tadoru/changes';
import { applyChange } from '../change-client';
import { ChangeCommandOptions, checkChangeOptions, FAIL_ON, reportChangeError } from './change-options';

interface ApplyOptions extends ChangeCommandOptions {
  expectedVersion?: string;
  failOn?: string;
}

export const EXIT_FAIL_ON = 1;

@Command({
  name: 'apply',
  arguments: '<change>',
  description:
    'Apply a change set (YAML or JSON, shared/spec/changes.md) to a stored map onto the version it was checked on, with its findings, in one step, and print the diff with the new version; the history records it. ' +
    'Talks to the service\'s database, or with --url to a running service (API key from --key or TADORU_API_KEY). ' +
    'Exit status: 0 applied, 1 not applied because an introduced finding reached --fail-on, 2 invalid change set, 3 database or service unreachable, 4 CONFLICT (the map is not at --expected-version; nothing written), 5 refused.',
})
export class ApplyCommand extends CommandRunner {
  async run([file]: string[], options: ApplyOptions): Promise<void> {
    const problems: Problem[] = [];
    const format = checkChangeOptions(options, problems);
    const expected = Number(options.expectedVersion);
    if (options.expectedVersion === undefined) problems.push({ path: '--expected-version', message: 'required: the version the change was checked on (`tadoru propose` prints it as the base version)' });
    else if (!/^\d+$/.test(options.expectedVersion)) problems.push({ path: '--expected-version', message: `must be a version number, got "${options.expectedVersion}"` });
    const failOn = (options.failOn ?? 'none') as FailOn;
    if (!(FAIL_ON as readonly string[]).includes(failOn)) problems.push({ path: '--fail-on', message: `must be one of ${FAIL_ON.join(', ')}, got "${options.failOn}"` });
    try {
      if (problems.length > 0) throw new InvalidInputError(problems);
      const outcome = await applyChange(options, options.map!, file, expected, failOn);
      process.stdout.write(renderMapDiff(outcome.diff, format));
      if (!outcome.applied) {
        process.stderr.write(`not applied: the change would introduce a finding at or above "${failOn}"; nothing was written.\n`);
        process.exitCode = EXIT_FAIL_ON;
      }
    } catch (error) {
      process.exitCode = reportChangeError(error, format);
    }
  }

  @Option({ flags: '-m, --map <name>', description: 'the stored map the change is for (required)' })
  parseMap(value: string): string {
    return value;
  }

  @Option({ flags: '--expected-version <n>', description: 'the version the change was checked on (required): CONFLICT when the map is at another' })
  parseExpectedVersion(value: string): string {
    return value;
  }

  @Option({ flags: '--fail-on <severity>', description: 'do not apply when an introduced finding is at or above: critical, high, medium, low or none (default: none)' })
  parseFailOn(value: string): string {
    return value;
  }

  @Option({ flags: '-f, --format <format>', description: 'json, table or markdown (default: table)' })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--url <url>', description: 'a running tadoru service, e.g. http://127.0.0.1:3000 (default: the database directly)' })
  parseUrl(value: string): string {
    return value;
  }

  @Option({ flags: '--key <key>', description: 'API key for --url (default: $TADORU_API_KEY)' })
  parseKey(value: string): string {
    return value;
  }
}
