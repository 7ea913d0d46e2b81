import { Command, CommandRunner } from 'nest-commander';
import { createApiApp } from '../../../api/src/api.factory';
import { SCHEMA_FILE } from '../../../api/src/api.module';
import { reportCliError } from '../cli-errors';

@Command({ name: 'schema', description: `Regenerate the committed GraphQL schema (${SCHEMA_FILE}) from the code; needs no database.` })
export class SchemaCommand extends CommandRunner {
  async run(): Promise<void> {
    try {
      // The driver connects lazily, so an unreachable address is fine for building the schema.
      const app = await createApiApp({ connection: { uri: 'bolt://127.0.0.1:9', database: 'neo4j', txTimeoutMs: 1000 }, writeSchema: true }, ['error']);
      await app.init();
      await app.close();
      process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    } catch (error) {
      process.exitCode = reportCliError(error);
    }
  }
}
