import { Command, CommandRunner, Option } from 'nest-commander';
import { renameSync, writeFileSync } from 'node:fs';
import { InvalidInputError } from '@tadoru/common';
import { ExportFormat } from '@tadoru/map';
import { MapStoreService } from '@tadoru/store';
import { reportCliError } from '../cli-errors';
import { withDatabase } from '../database-session';

interface ExportOptions {
  out?: string;
  format?: ExportFormat;
}

@Command({
  name: 'export',
  arguments: '<map>',
  description: 'Write a stored map back to the data-map format (YAML by default); importing the result gives the same graph.',
})
export class ExportCommand extends CommandRunner {
  async run([name]: string[], options: ExportOptions): Promise<void> {
    try {
      const format = options.format ?? (options.out?.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
      const text = await withDatabase((ctx) => ctx.get(MapStoreService).exportMap(name, format));
      if (options.out) {
        // Written beside the target and renamed, so a failure never leaves half a file.
        const temp = `${options.out}.tmp-${process.pid}`;
        writeFileSync(temp, text);
        renameSync(temp, options.out);
        process.stderr.write(`exported map "${name}" to ${options.out}\n`);
      } else {
        process.stdout.write(text);
      }
    } catch (error) {
      process.exitCode = reportCliError(error);
    }
  }

  @Option({ flags: '-o, --out <file>', description: 'write to this file instead of standard output' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '-f, --format <format>', description: 'yaml or json (default: from the --out extension, else yaml)' })
  parseFormat(value: string): ExportFormat {
    if (value !== 'yaml' && value !== 'json') throw new InvalidInputError([{ path: '--format', message: 'must be yaml or json' }]);
    return value;
  }
}
