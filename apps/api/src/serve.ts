import { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ApiKeysService, ensureLocalAdminKey, loopbackAccessFromEnv } from '@tadoru/auth';
import { externalConnectionFromEnv, MigrationRunner, openDatabase, OpenDatabase, projectRoot, tadoruDataDir } from '@tadoru/graph';
import { MapDirectoryService } from '@tadoru/catalog';
import { RuleEngine } from '@tadoru/rules';
import { GenerationSweeper, MapStoreService, StoreMaintenanceService } from '@tadoru/store';
import { createApiApp } from './api.factory';
import { RequestAuthenticator } from './graphql/request-authenticator';
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
    const loopbackAccess = loopbackAccessFromEnv();
    app = await createApiApp({ connection: db.connection, auth: { loopbackAccess } });
    await app.init();
    const applied = await app.get(MigrationRunner).apply();
    if (applied.length) options.log(`applied ${applied.length} migration(s)`);
    await announceKeys(app.get(ApiKeysService), loopbackAccess, options.log);
    const maintenance = app.get(StoreMaintenanceService);
    await maintenance.upgradeLegacyMaps();
    if (options.demo) await loadDemo(app.get(MapDirectoryService), app.get(MapStoreService), options.log);
    await app.listen(options.port, options.host);
    // The playground's questions are asked once before the service says it serves, so the first
    // question a user asks is planned already. Then, in the background: the rule queries are
    // planned, old versions are swept, and findings evaluated with an older rule pack are evaluated
    // again (until then they are evaluated on demand).
    await warmUpQuestions(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`, app.get(RequestAuthenticator).warmUpHeaders());
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

/**
 * What a user needs to know about access, in one or two lines and never a key: on the embedded
 * default, the local admin key (created at first start when no admin key exists) and that loopback
 * needs none; with NEO4J_URI, where the server secret is when TADORU_SECRET is not set.
 */
async function announceKeys(keys: ApiKeysService, loopbackAccess: 'admin' | 'off', log: (line: string) => void): Promise<void> {
  const loopback = loopbackAccess === 'admin' ? 'loopback needs none' : 'loopback access is off: every request needs a key';
  if (externalConnectionFromEnv()) {
    if (!process.env.TADORU_SECRET) log(`API keys are hashed with the secret in ${shownPath(join(tadoruDataDir(), 'server-secret'))}; set TADORU_SECRET to share one secret between instances and the CLI`);
    log(`API keys: create one with \`tadoru keys create --name N --role ADMIN\` (${loopback})`);
    return;
  }
  const admin = await ensureLocalAdminKey(keys, tadoruDataDir());
  if (admin.file) log(`admin key${admin.created ? ' created' : ''}: ${shownPath(admin.file)} (send it from other machines or through a proxy; ${loopback})`);
}

function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') ? path : `.${sep}${fromHere}`;
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
