import { Command, CommandRunner, Option } from 'nest-commander';
import { MigrationRunner } from '@tadoru/graph';
import { reportCliError } from '../cli-errors';
import { withDatabase } from '../database-session';

interface MigrateOptions {
  dryRun?: boolean;
  status?: boolean;
}

@Command({ name: 'migrate', description: 'Apply pending schema migrations (cypher/migrations), each once; the service also applies them at start.' })
export class MigrateCommand extends CommandRunner {
  async run(_: string[], options: MigrateOptions): Promise<void> {
    try {
      await withDatabase(
        async (ctx) => {
          const runner = ctx.get(MigrationRunner);
          if (options.status) {
            for (const m of await runner.status()) {
              process.stdout.write(`V${String(m.version).padStart(4, '0')} ${m.description}: ${m.state}${m.installedAt ? ` (${m.installedAt})` : ''}\n`);
            }
            return;
          }
          const applied = await runner.apply({ dryRun: options.dryRun });
          if (applied.length === 0) process.stdout.write('the database is up to date\n');
          for (const m of applied) process.stdout.write(`${options.dryRun ? 'would apply' : 'applied'} ${m.file}\n`);
        },
        { migrate: false },
      );
    } catch (error) {
      process.exitCode = reportCliError(error);
    }
  }

  @Option({ flags: '--dry-run', description: 'list what would be applied, change nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--status', description: 'list every migration and whether it is applied' })
  parseStatus(): boolean {
    return true;
  }
}
