/**
 * A throwaway PostgreSQL server for the benchmark: Debian's binaries, a fresh cluster in a temporary
 * directory, listening on a free port of 127.0.0.1 only (unix socket inside the temporary directory),
 * stopped and deleted afterwards — also when the process fails or is interrupted.
 *
 * PostgreSQL refuses to run as root, so as root the server runs as the unprivileged `postgres`
 * system user that Debian's package creates.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, ClientConfig } from 'pg';
import { readProcFile, sumProcField } from '../process-memory';

export interface PostgresServerOptions {
  /** Extra or overriding server settings (`name: value`, as in postgresql.conf). */
  settings?: Record<string, string>;
  /** Time allowed for the server to accept connections after it was spawned, default 60 000 ms. */
  startTimeoutMs?: number;
  /** Progress lines (the apt-get install, initdb, start and stop). */
  log?: (line: string) => void;
}

export interface PostgresServer {
  /** Superuser connection over TCP to 127.0.0.1 (authentication is `trust`: nothing else can reach it). */
  connection: ClientConfig;
  version: string;
  dataDir: string;
  postmasterPid: number;
  /** The postmaster and every process it started (backends, checkpointer, WAL writer, …). */
  pids(): number[];
  /** Sum of VmRSS over `pids()`, in bytes. Shared buffers count once per process that touched them. */
  rssBytes(): number;
  /** Sum of Pss over `pids()`, in bytes: shared pages split between the processes sharing them. */
  pssBytes(): number;
  /** Stops the server (fast shutdown) and removes its directory; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Sized for a 2-core, 24 GiB machine that also runs Neo4j. Durability is switched off (fsync,
 * synchronous_commit, full_page_writes, minimal WAL): acceptable only because this database is
 * thrown away after the run, and it makes the bulk load measure PostgreSQL's work rather than the disk's.
 */
const BENCHMARK_SETTINGS: Record<string, string> = {
  shared_buffers: '1GB',
  effective_cache_size: '12GB',
  work_mem: '64MB',
  maintenance_work_mem: '1GB',
  max_connections: '20',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  wal_level: 'minimal',
  max_wal_senders: '0',
  max_wal_size: '8GB',
  checkpoint_timeout: '1h',
  // The bench runs ANALYZE itself after loading; autovacuum waking up mid-measurement only adds noise.
  autovacuum: 'off',
  // The data fits in memory: random reads cost about as much as sequential ones.
  random_page_cost: '1.1',
  // Recursive CTEs get large cost estimates, and compiling them costs more than the sub-10 ms queries take.
  jit: 'off',
  huge_pages: 'off',
};

const RUN_AS_USER = 'postgres';
const STOP_GRACE_MS = 30_000;
const LOG_TAIL_LINES = 40;

export async function startPostgres(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const log = options.log ?? (() => undefined);
  const { bin, version } = findOrInstallServer(log);
  const runAs = process.getuid?.() === 0 ? systemUser(RUN_AS_USER) : null;

  const root = mkdtempSync(join(tmpdir(), 'tadoru-pg-'));
  let server: ChildProcess | undefined;
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  // Registered before anything can fail, so that the directory never outlives the process.
  const onExit = () => {
    if (server?.exitCode === null && server.signalCode === null) server.kill('SIGQUIT');
    removeRoot();
  };
  process.on('exit', onExit);

  try {
    if (runAs) chownSync(root, runAs.uid, runAs.gid);
    const dataDir = join(root, 'data');
    const spawnAs = { cwd: root, ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' } };

    log(`initdb ${dataDir} (PostgreSQL ${version}${runAs ? `, as user ${RUN_AS_USER}` : ''})`);
    const init = spawnSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], {
      ...spawnAs,
      encoding: 'utf8',
    });
    if (init.status !== 0) {
      throw new Error(`initdb failed (${init.error?.message ?? `exit ${init.status}`}):\n${init.stdout}${init.stderr}`);
    }

    const port = await freePort();
    const settings = { ...BENCHMARK_SETTINGS, ...options.settings, listen_addresses: '127.0.0.1', port: String(port), unix_socket_directories: root };
    const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const logTail: string[] = [];
    server = spawn(join(bin, 'postgres'), args, { ...spawnAs, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [server.stdout, server.stderr]) {
      stream?.setEncoding('utf8').on('data', (chunk: string) => {
        logTail.push(...chunk.split('\n').filter((l) => l.trim() !== ''));
        logTail.splice(0, Math.max(0, logTail.length - LOG_TAIL_LINES));
      });
    }
    const postmaster = server;
    const spawnError = new Promise<never>((_, reject) => postmaster.once('error', (e) => reject(new Error(`cannot start ${join(bin, 'postgres')}: ${e.message}`))));
    const connection: ClientConfig = { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' };
    await Promise.race([waitUntilAccepting(postmaster, connection, options.startTimeoutMs ?? 60_000, logTail), spawnError]);
    log(`PostgreSQL ${version} accepting connections on 127.0.0.1:${port} (pid ${postmaster.pid})`);

    let stopping: Promise<void> | undefined;
    // A server that goes away on its own (killed from outside, out of memory) says so and why.
    postmaster.once('exit', (code, signal) => {
      if (!stopping) log(`PostgreSQL exited unexpectedly (${signal ?? `exit ${code}`}); its last lines:\n${logTail.join('\n')}`);
    });
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        for (const signal of INTERRUPTS) process.off(signal, onSignal);
        await shutDown(postmaster);
        removeRoot();
        process.off('exit', onExit);
        log('PostgreSQL stopped, its directory removed');
      })();
      return stopping;
    };
    // On Ctrl-C or kill: stop the server, then let the signal do what it would have done without us.
    const onSignal = (signal: NodeJS.Signals) => {
      void stop().finally(() => {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    };
    for (const signal of INTERRUPTS) process.once(signal, onSignal);

    const pid = postmaster.pid as number;
    const pids = () => [pid, ...descendantsOf(pid)];
    return {
      connection,
      version,
      dataDir,
      postmasterPid: pid,
      pids,
      rssBytes: () => sumProcField(pids(), 'status', 'VmRSS'),
      pssBytes: () => sumProcField(pids(), 'smaps_rollup', 'Pss'),
      stop,
    };
  } catch (error) {
    if (server) await shutDown(server);
    removeRoot();
    process.off('exit', onExit);
    throw error;
  }
}


const INTERRUPTS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The newest PostgreSQL under /usr/lib/postgresql, installed with apt-get when there is none and we may. */
function findOrInstallServer(log: (line: string) => void): { bin: string; version: string } {
  const found = newestServer();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/<version>/bin; install them with `sudo apt-get install -y postgresql` and run again');
  }
  const install = () => {
    log('no PostgreSQL under /usr/lib/postgresql: running apt-get install -y postgresql');
    return spawnSync('apt-get', ['install', '-y', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  if (!install()) {
    // A fresh machine's package lists may be missing or stale.
    log('apt-get install failed: running apt-get update and trying again');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    if (!install()) throw new Error('apt-get install -y postgresql failed (see its output above); install PostgreSQL and run again');
  }
  const installed = newestServer();
  if (!installed) throw new Error('apt-get installed postgresql, but no server binaries appeared under /usr/lib/postgresql/<version>/bin');
  return installed;
}

function newestServer(): { bin: string; version: string } | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(base, v, 'bin', 'postgres')) && existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? { bin: join(base, versions[0], 'bin'), version: versions[0] } : null;
}

function systemUser(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) {
    throw new Error(`PostgreSQL refuses to run as root and there is no "${name}" user to run it as; create one (useradd --system ${name}) or run as an unprivileged user`);
  }
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilAccepting(server: ChildProcess, connection: ClientConfig, timeoutMs: number, logTail: string[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`PostgreSQL exited while starting (${server.exitCode ?? server.signalCode}); its last lines:\n${logTail.join('\n')}`);
    }
    const client = new Client(connection);
    try {
      await client.connect();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms (${(error as Error).message}); its last lines:\n${logTail.join('\n')}`);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Fast shutdown (clients disconnected, no recovery needed), then immediate, then SIGKILL if it hangs. */
async function shutDown(server: ChildProcess): Promise<void> {
  const exited = () => server.exitCode !== null || server.signalCode !== null;
  for (const [signal, graceMs] of [['SIGINT', STOP_GRACE_MS], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    if (exited()) return;
    const gone = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill(signal);
    await Promise.race([gone, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }
}

/** Every process below `root`, found through the parent pid in /proc/<pid>/stat. */
function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcFile(Number(entry), 'stat');
    if (!stat) continue;
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so parse after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}
