import { Module } from '@nestjs/common';
import { ApplyCommand } from './commands/apply.command';
import { CheckCommand } from './commands/check.command';
import { ExportCommand } from './commands/export.command';
import { GenerateCommand } from './commands/generate.command';
import { ImportCommand } from './commands/import.command';
import { KeysCommand, KeysCreateCommand, KeysListCommand, KeysRevokeCommand } from './commands/keys.command';
import { MigrateCommand } from './commands/migrate.command';
import { ProposeCommand } from './commands/propose.command';
import { ReportCommand } from './commands/report.command';
import { SchemaCommand } from './commands/schema.command';
import { ServeCommand } from './commands/serve.command';

/** The commands only; each opens the database it needs, so `--help` works with nothing running. */
@Module({ providers: [ServeCommand, CheckCommand, ImportCommand, ExportCommand, GenerateCommand, MigrateCommand, SchemaCommand, ProposeCommand, ApplyCommand, ReportCommand, KeysCommand, KeysCreateCommand, KeysListCommand, KeysRevokeCommand] })
export class CliModule {}
