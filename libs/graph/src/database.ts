import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { DEFAULT_DATABASE, externalConnectionFromEnv, GraphConnectionConfig, txTimeoutFromEnv } from './graph.config';
import { projectRoot } from './project-paths';

export interface OpenDatabase {
  connection: GraphConnectionConfig;
  /** What the user should be told about where the data lives. */
  description: string;
  /** Set when this process started the embedded server (and so must stop it). */
  embedded?: EmbeddedNeo4j;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * `persistent`: the service's data directory (TADORU_DATA_DIR, default .data/neo4j); `temporary`: a
   * fresh one, deleted on close; `shared-or-temporary`: the server a running tadoru already has on the
   * service's directory, else a temporary one (the service's store is never opened by this process).
   */
  storage: 'persistent' | 'temporary' | 'shared-or-temporary';
  log?: (line: string) => void;
  heap?: string;
}

const ENDPOINT_FILE = 'tadoru-endpoint.json';

/** The service's own files: TADORU_DATA_DIR, default .data in the project (the embedded Neo4j, the server secret, the admin key). */
export function tadoruDataDir(): string {
  return resolve(process.env.TADORU_DATA_DIR ?? join(projectRoot(), '.data'));
}

export function serviceDataDir(): string {
  return join(tadoruDataDir(), 'neo4j');
}

function alive(pid: unknown): boolean {
  if (typeof pid !== 'number') return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * An embedded server another tadoru process already runs on this data directory (`npm start` while
 * `tadoru import` runs): share it instead of starting a second one on a locked store.
 */
function runningEndpoint(dataDir: string): string | undefined {
  const file = join(dataDir, ENDPOINT_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as { uri?: string; owner?: number; java?: number };
    if (info.uri && alive(info.owner) && alive(info.java)) return info.uri;
  } catch {
    /* unreadable: treat as stale */
  }
  return undefined;
}

/**
 * The database to use: the external one named by NEO4J_URI, or the embedded Neo4j (started here,
 * or shared with the tadoru process that already runs it on the same directory).
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  const external = externalConnectionFromEnv();
  if (external) {
    return { connection: external, description: `external Neo4j at ${external.uri} (database ${external.database})`, close: async () => undefined };
  }
  const txTimeoutMs = txTimeoutFromEnv();
  if (options.storage === 'shared-or-temporary') {
    const shared = runningEndpoint(serviceDataDir());
    if (shared) {
      return {
        connection: { uri: shared, database: DEFAULT_DATABASE, txTimeoutMs },
        description: `embedded Neo4j already running at ${shared}`,
        close: async () => undefined,
      };
    }
  }
  const dataDir = options.storage === 'persistent' ? serviceDataDir() : undefined;
  if (dataDir) {
    const shared = runningEndpoint(dataDir);
    if (shared) {
      return {
        connection: { uri: shared, database: DEFAULT_DATABASE, txTimeoutMs },
        description: `embedded Neo4j already running at ${shared} (data in ${dataDir})`,
        close: async () => undefined,
      };
    }
    mkdirSync(dataDir, { recursive: true });
  }
  const embedded = await startEmbeddedNeo4j({
    dataDir,
    heap: options.heap ?? process.env.TADORU_NEO4J_HEAP,
    pageCache: process.env.TADORU_NEO4J_PAGE_CACHE,
    txTimeout: `${Math.ceil(txTimeoutMs / 1000) + 30}s`,
    log: options.log,
  });
  const endpointFile = dataDir ? join(dataDir, ENDPOINT_FILE) : undefined;
  if (endpointFile) writeFileSync(endpointFile, JSON.stringify({ uri: embedded.uri, owner: process.pid, java: embedded.pid }));
  let closed = false;
  return {
    connection: { uri: embedded.uri, database: DEFAULT_DATABASE, txTimeoutMs },
    description: dataDir ? `embedded Neo4j at ${embedded.uri} (data in ${dataDir})` : `embedded Neo4j at ${embedded.uri} (temporary data)`,
    embedded,
    close: async () => {
      if (closed) return;
      closed = true;
      if (endpointFile) rmSync(endpointFile, { force: true });
      await embedded.stop();
    },
  };
}
