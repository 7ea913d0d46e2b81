import { Command, CommandRunner, Option } from 'nest-commander';
import { InvalidInputError } from '@tadoru/common';
import { loadMapSources } from '@tadoru/map';
import { BulkMapImportService, MapStoreService } from '@tadoru/store';
import { cliActor } from '../cli-actor';
import { reportCliError } from '../cli-errors';
import { withDatabase } from '../database-session';
import { ProgressBar } from '../progress-bar';
import { BULK_FROM_BYTES, checkBulkFiles, isLargeJson, readSources } from '../read-sources';

interface ImportOptions {
  map?: string;
  bulk?: boolean;
}


@Command({
  name: 'import',
  arguments: '<files...>',
  description:
    'Validate a data map (one or more YAML/JSON files merged into one map) and store it under its name, replacing what was stored under that name. ' +
    'An invalid map writes nothing: every problem is listed with its path and the exit status is 2. ' +
    `JSON maps of ${BULK_FROM_BYTES / 1024 / 1024} MiB or more (or any JSON map with --bulk) are streamed in batches with a progress bar.`,
})
export class ImportCommand extends CommandRunner {
  async run(files: string[], options: ImportOptions): Promise<void> {
    try {
      if (options.bulk || isLargeJson(files, BULK_FROM_BYTES)) return await this.bulkImport(files, options);
      const sources = readSources(files);
      // Validate before starting any database: a bad map fails fast and nothing is written.
      const { map, problems } = loadMapSources(sources);
      if (!map) throw new InvalidInputError(problems);
      const result = await withDatabase(async (ctx) => ctx.get(MapStoreService).importValidMap(map, sources, { mapName: options.map, actor: cliActor() }));
      const counts = Object.entries(result.map.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      const verb = result.created ? 'imported new map' : result.unchanged ? 're-imported unchanged map' : 'updated map';
      process.stdout.write(`${verb} "${result.map.name}": ${counts} (version ${result.map.version})\n`);
    } catch (error) {
      process.exitCode = reportCliError(error);
    }
  }

  private async bulkImport(files: string[], options: ImportOptions): Promise<void> {
    checkBulkFiles(files);
    const bar = new ProgressBar();
    const interrupt = new AbortController();
    const onSigint = (): void => {
      process.stderr.write('\ninterrupted: stopping after the current batch and removing what this import wrote…\n');
      interrupt.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      const result = await withDatabase((ctx) =>
        ctx.get(BulkMapImportService).importFiles(files, {
          mapName: options.map,
          actor: cliActor(),
          signal: interrupt.signal,
          onProgress: (p) => bar.update(p.stage, p.done, p.total, p.unit),
        }),
      );
      bar.done();
      const verb = result.created ? 'imported new map' : result.unchanged ? 're-imported unchanged map' : 'replaced map';
      const rate = (n: number): string => Math.round(n / Math.max(result.seconds.write, 0.001)).toLocaleString('en');
      process.stdout.write(
        `${verb} "${result.map}": ${result.nodes.toLocaleString('en')} nodes, ${result.relationships.toLocaleString('en')} relationships ` +
          `from ${(result.bytes / 1024 / 1024).toFixed(1)} MiB in ${result.seconds.total.toFixed(1)} s ` +
          `(validate ${result.seconds.validate.toFixed(1)} s; write ${result.seconds.write.toFixed(1)} s at ${rate(result.nodes)} nodes/s and ${rate(result.relationships)} relationships/s; ` +
          `rules ${result.seconds.evaluate.toFixed(1)} s, ${result.findings.toLocaleString('en')} findings; publish ${result.seconds.publish.toFixed(1)} s); version ${result.version}\n`,
      );
    } finally {
      bar.done();
      process.removeListener('SIGINT', onSigint);
    }
  }

  @Option({ flags: '--bulk', description: 'stream the JSON files and write in batches (automatic for large JSON maps)' })
  parseBulk(): boolean {
    return true;
  }

  @Option({ flags: '-m, --map <name>', description: 'store under this name instead of the `map` field of the file' })
  parseMap(value: string): string {
    return value;
  }
}

