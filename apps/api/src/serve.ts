import { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MigrationRunner, openDatabase, OpenDatabase, projectRoot } from '@tadoru/graph';
import { MapDirectoryService } from '@tadoru/catalog';
import { RuleEngine } from '@tadoru/rules';
import { GenerationSweeper, MapStoreService, StoreMaintenanceService } from '@tadoru/store';
import { createApiApp } from './api.factory';
import { warmUpQuestions, warmUpRules } from './warmup';

export interface ServeOptions {
  port: number;
  host: string;
  /** Load the demo maps when the database has no map. */
  demo: boolean;
  /** Open the playground in a browser when a desktop is available. */
  open: boolean;
  log: (line: string) => void;
}

/** PORT, HOST and TADORU_DEMO, for whoever starts the service without saying otherwise. */
export function serveDefaultsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<ServeOptions, 'port' | 'host' | 'demo'> {
  return { port: Number(env.PORT ?? 3000), host: env.HOST ?? '127.0.0.1', demo: env.TADORU_DEMO !== 'off' };
}

/**
 * On SIGINT or SIGTERM: stop the service and its database, then exit 0. The listeners stay
 * registered (not `once`): the embedded-Neo4j wrapper exits by itself on a signal nobody else
 * listens to, which would cut the orderly stop short.
 */
export function stopOnSignal(service: RunningService, log: (line: string) => void): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping tadoru…`);
    void service.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Loaded into an empty database so that a newcomer has something real to explore. */
export const DEMO_MAPS = ['examples/rikunabi-2019.yaml', 'examples/persol-group.yaml', 'examples/wantedly.yaml'];

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/**
 * The service as `npm start` runs it: the database (NEO4J_URI, or the embedded Neo4j on the data
 * directory), migrations, the demo maps for an empty database, then GraphQL over HTTP.
 */
export async function startService(options: ServeOptions): Promise<RunningService> {
  let db: OpenDatabase | undefined;
  let app: INestApplication | undefined;
  const stop = async () => {
    await app?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
  };
  try {
    db = await openDatabase({ storage: 'persistent', log: options.log });
    options.log(`database: ${db.description}`);
    app = await createApiApp({ connection: db.connection });
    await app.init();
    const applied = await app.get(MigrationRunner).apply();
    if (applied.length) options.log(`applied ${applied.length} migration(s)`);
    const maintenance = app.get(StoreMaintenanceService);
    await maintenance.upgradeLegacyMaps();
    if (options.demo) await loadDemo(app.get(MapDirectoryService), app.get(MapStoreService), options.log);
    await app.listen(options.port, options.host);
    // The playground's questions are asked once before the service says it serves, so the first
    // question a user asks is planned already. Then, in the background: the rule queries are
    // planned, old versions are swept, and findings evaluated with an older rule pack are evaluated
    // again (until then they are evaluated on demand).
    await warmUpQuestions(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`);
    void warmUpRules(app.get(RuleEngine))
      .catch((error: unknown) => options.log(`could not plan the rule queries ahead: ${String(error)}`))
      .then(() => maintenance.refreshOutdatedFindings())
      .catch((error: unknown) => options.log(`could not evaluate outdated findings again: ${String(error)}`));
    app.get(GenerationSweeper).start();
  } catch (error) {
    await stop();
    throw error;
  }
  const shownHost = options.host === '127.0.0.1' || options.host === '0.0.0.0' ? 'localhost' : options.host;
  const url = `http://${shownHost}:${options.port}/graphql`;
  if (options.open) openBrowser(url);
  return { url, stop };
}

async function loadDemo(directory: MapDirectoryService, maps: MapStoreService, log: (line: string) => void): Promise<void> {
  if ((await directory.listMaps()).length > 0) return;
  for (const file of DEMO_MAPS) {
    const path = join(projectRoot(), file);
    const result = await maps.importMap([{ name: path, text: readFileSync(path, 'utf8') }]);
    log(`loaded demo map "${result.map.name}" from ${file}`);
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
