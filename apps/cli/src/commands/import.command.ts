import { Command, CommandRunner, Option } from 'nest-commander';
import { InvalidInputError } from '@tadoru/common';
import { loadMapSources, MapService } from '@tadoru/map';
import { reportCliError } from '../cli-errors';
import { withDatabase } from '../database-session';
import { readSources } from '../read-sources';

interface ImportOptions {
  map?: string;
}

@Command({
  name: 'import',
  arguments: '<files...>',
  description:
    'Validate a data map (one or more YAML/JSON files merged into one map) and store it under its name, replacing what was stored under that name. ' +
    'An invalid map writes nothing: every problem is listed with its path and the exit status is 2.',
})
export class ImportCommand extends CommandRunner {
  async run(files: string[], options: ImportOptions): Promise<void> {
    try {
      const sources = readSources(files);
      // Validate before starting any database: a bad map fails fast and nothing is written.
      const { map, problems } = loadMapSources(sources);
      if (!map) throw new InvalidInputError(problems);
      const result = await withDatabase(async (ctx) => ctx.get(MapService).importValidMap(map, sources, { mapName: options.map }));
      const counts = Object.entries(result.map.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      const verb = result.created ? 'imported new map' : result.unchanged ? 're-imported unchanged map' : 'updated map';
      process.stdout.write(`${verb} "${result.map.name}": ${counts}\n`);
    } catch (error) {
      process.exitCode = reportCliError(error);
    }
  }

  @Option({ flags: '-m, --map <name>', description: 'store under this name instead of the `map` field of the file' })
  parseMap(value: string): string {
    return value;
  }
}

