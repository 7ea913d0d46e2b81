import { Command, CommandRunner, Option } from 'nest-commander';
import { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { MigrationRunner, openDatabase, OpenDatabase, projectRoot } from '@tadoru/graph';
import { MapService } from '@tadoru/map';
import { createApiApp } from '../../../api/src/api.factory';
import { reportCliError } from '../cli-errors';
import { progress } from '../database-session';
import { readSources } from '../read-sources';

interface ServeOptions {
  port?: number;
  host?: string;
  demo?: boolean;
  open?: boolean;
}

/** Loaded into an empty database so that a newcomer has something real to explore. */
export const DEMO_MAPS = ['examples/rikunabi-2019.yaml', 'examples/persol-group.yaml', 'examples/wantedly.yaml'];

@Command({
  name: 'serve',
  description:
    'Run the GraphQL service (http://localhost:3000/graphql, with a playground for browsers). Without NEO4J_URI it starts the embedded Neo4j on .data/neo4j; ' +
    'it applies migrations, and loads the demo maps when the database has no map.',
})
export class ServeCommand extends CommandRunner {
  async run(_: string[], options: ServeOptions): Promise<void> {
    const port = options.port ?? Number(process.env.PORT ?? 3000);
    const host = options.host ?? process.env.HOST ?? '127.0.0.1';
    let db: OpenDatabase | undefined;
    let app: INestApplication | undefined;
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      progress(`\n${signal}: stopping tadoru…`);
      await app?.close().catch(() => undefined);
      await db?.close().catch(() => undefined);
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
    try {
      db = await openDatabase({ storage: 'persistent', log: progress });
      progress(`database: ${db.description}`);
      app = await createApiApp({ connection: db.connection });
      await app.init();
      const applied = await app.get(MigrationRunner).apply();
      if (applied.length) progress(`applied ${applied.length} migration(s)`);
      if (options.demo !== false && process.env.TADORU_DEMO !== 'off') await loadDemo(app.get(MapService));
      await app.listen(port, host);
      const url = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`;
      progress(`\ntadoru is serving GraphQL at ${url}\n  open it in a browser for the playground; Ctrl-C stops the service and its database\n`);
      if (options.open) openBrowser(url);
    } catch (error) {
      process.exitCode = reportCliError(error);
      await app?.close().catch(() => undefined);
      await db?.close().catch(() => undefined);
      process.exit(process.exitCode);
    }
    // Keep running until a signal arrives.
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

async function loadDemo(maps: MapService): Promise<void> {
  if ((await maps.listMaps()).length > 0) return;
  for (const file of DEMO_MAPS) {
    const result = await maps.importMap(readSources([join(projectRoot(), file)]));
    progress(`loaded demo map "${result.map.name}" from ${file}`);
  }
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const desktop = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!desktop) return;
  spawn(command, [url], { stdio: 'ignore', detached: true })
    .on('error', () => undefined)
    .unref();
}
