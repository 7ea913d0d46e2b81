import { Module } from '@nestjs/common';
import { ExportCommand } from './commands/export.command';
import { ImportCommand } from './commands/import.command';
import { MigrateCommand } from './commands/migrate.command';
import { SchemaCommand } from './commands/schema.command';
import { ServeCommand } from './commands/serve.command';

/** The commands only; each opens the database it needs, so `--help` works with nothing running. */
@Module({ providers: [ServeCommand, ImportCommand, ExportCommand, MigrateCommand, SchemaCommand] })
export class CliModule {}
