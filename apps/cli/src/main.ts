import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { reportCliError } from './cli-errors';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    cliName: 'tadoru',
    usePlugins: false,
    errorHandler: (error) => {
      // commander's own help and version "errors" are not failures
      const code = (error as { code?: string }).code;
      if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exit(0);
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    },
    serviceErrorHandler: (error) => {
      process.exit(reportCliError(error));
    },
  });
}

void main();
