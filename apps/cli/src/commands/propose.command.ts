import { Command, CommandRunner, Option } from 'nest-commander';
import { InvalidInputError, Problem } from '@tadoru/common';
import { renderMapDiff } from '@tadoru/changes';
import { proposeChange } from '../change-client';
import { ChangeCommandOptions, checkChangeOptions, reportChangeError } from './change-options';

@Command({
  name: 'propose',
  arguments: '<change>',
  description:
    'Show what a change set (YAML or JSON, shared/spec/changes.md) would do to a stored map — findings introduced and resolved, who would newly receive what, element counts — writing nothing. ' +
    'Talks to the service\'s database (NEO4J_URI, or the embedded one of a running `tadoru serve`), or with --url to a running service (API key from --key or TADORU_API_KEY). ' +
    'Exit status: 0 shown, 2 invalid change set (every problem with its path), 3 database or service unreachable, 5 refused (key missing or role not allowed).',
})
export class ProposeCommand extends CommandRunner {
  async run([file]: string[], options: ChangeCommandOptions): Promise<void> {
    const problems: Problem[] = [];
    const format = checkChangeOptions(options, problems);
    try {
      if (problems.length > 0) throw new InvalidInputError(problems);
      const diff = await proposeChange(options, options.map!, file);
      process.stdout.write(renderMapDiff(diff, format));
    } catch (error) {
      process.exitCode = reportChangeError(error, format);
    }
  }

  @Option({ flags: '-m, --map <name>', description: 'the stored map the change is for (required)' })
  parseMap(value: string): string {
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
