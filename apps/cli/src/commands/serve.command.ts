import { Command, CommandRunner, Option } from 'nest-commander';
import { serveDefaultsFromEnv, startService, stopOnSignal } from '../../../api/src/serve';
import { reportCliError } from '../cli-errors';
import { progress } from '../database-session';

interface ServeOptions {
  port?: number;
  host?: string;
  demo?: boolean;
  open?: boolean;
}

@Command({
  name: 'serve',
  description:
    'Run the GraphQL service (http://localhost:3000/graphql, with a playground for browsers). Without NEO4J_URI it starts the embedded Neo4j on .data/neo4j; ' +
    'it applies migrations, and loads the demo maps when the database has no map.',
})
export class ServeCommand extends CommandRunner {
  async run(_: string[], options: ServeOptions): Promise<void> {
    const defaults = serveDefaultsFromEnv();
    try {
      const service = await startService({
        port: options.port ?? defaults.port,
        host: options.host ?? defaults.host,
        demo: options.demo !== false && defaults.demo,
        open: options.open === true,
        log: progress,
      });
      stopOnSignal(service, progress);
      progress(`\ntadoru is serving GraphQL at ${service.url}\n  open it in a browser for the playground; Ctrl-C stops the service and its database\n`);
    } catch (error) {
      process.exit(reportCliError(error));
    }
    // Serve until a signal arrives.
    await new Promise(() => undefined);
  }

  @Option({ flags: '-p, --port <port>', description: 'HTTP port (default: PORT or 3000)' })
  parsePort(value: string): number {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${value}"`);
    return port;
  }

  @Option({ flags: '--host <host>', description: 'address to listen on (default: HOST or 127.0.0.1)' })
  parseHost(value: string): string {
    return value;
  }

  @Option({ flags: '--no-demo', description: 'do not load the demo maps into an empty database' })
  parseNoDemo(): boolean {
    return false;
  }

  @Option({ flags: '--open', description: 'open the playground in a browser when a desktop is available' })
  parseOpen(): boolean {
    return true;
  }
}
