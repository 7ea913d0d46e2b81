/**
 * Starts a local, embedded Neo4j 5.26 Community server for development and tests.
 *
 * The server is the small Maven module beside this file (pom.xml + EmbeddedNeo4jLauncher.java),
 * built on first use with `mvn -q -B package` into tools/neo4j/target. It listens for Bolt on
 * 127.0.0.1 only, with authentication disabled. The JVM's stdin is a pipe from this process, so it
 * shuts itself down when this process goes away, even on SIGKILL.
 *
 * Whether to use it at all (versus NEO4J_URI) is the application's decision, not this module's.
 * Only Node built-ins are used.
 */
import { spawn, ChildProcess } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export interface EmbeddedNeo4jOptions {
  /** Persistent directory; when absent a fresh temp dir is created and deleted on stop(). */
  dataDir?: string;
  /** 0 or absent = pick a free port on 127.0.0.1. */
  port?: number;
  /** JVM -Xmx, default '1g'. */
  heap?: string;
  /** Neo4j page cache, default '256m'. */
  pageCache?: string;
  /** db.transaction.timeout, default '60s'. */
  txTimeout?: string;
  /** Time allowed for the JVM to report READY (the first build is not counted), default 180 000. */
  startTimeoutMs?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

const LAUNCHER_CLASS = 'dev.tadoru.neo4j.EmbeddedNeo4jLauncher';
const LAUNCHER_MARKER = 'EmbeddedNeo4jLauncher';
const READY_PREFIX = 'TADORU_NEO4J_READY ';
const FAILED_PREFIX = 'TADORU_NEO4J_FAILED ';
const PID_FILE = 'tadoru-neo4j.pid';
const TEMP_PREFIX = 'tadoru-neo4j-';
const BUILD_STAMP = '.tadoru-build-stamp';
const BUILD_LOCK = '.tadoru-build.lock';
const BUILD_TIMEOUT_MS = 20 * 60_000;
const STOP_GRACE_MS = 20_000;
const TAIL_LINES = 40;

// ---------------------------------------------------------------------------------------------
// Paths

let cachedToolDir: string | undefined;

/** tools/neo4j, found by walking up from this file (source or dist/) and then from the cwd. */
function toolDir(): string {
  if (cachedToolDir) return cachedToolDir;
  const starts = [typeof __dirname === 'string' ? __dirname : undefined, process.cwd()];
  for (const start of starts) {
    if (!start) continue;
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, 'tools', 'neo4j');
      if (fs.existsSync(path.join(candidate, 'pom.xml'))) {
        cachedToolDir = candidate;
        return candidate;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(
    `cannot find tools/neo4j/pom.xml above ${starts.filter(Boolean).join(' or ')}; ` +
      'the embedded Neo4j launcher must run from inside the tadoru repository',
  );
}

function targetDir(): string {
  return path.join(toolDir(), 'target');
}

function launcherClassFile(): string {
  return path.join(targetDir(), 'classes', ...LAUNCHER_CLASS.split('.')) + '.class';
}

function libDir(): string {
  return path.join(targetDir(), 'lib');
}

/** pom.xml and every file under src/, sorted. */
function sourceFiles(): string[] {
  const dir = toolDir();
  const files = [path.join(dir, 'pom.xml')];
  const walk = (d: string): void => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) files.push(p);
    }
  };
  walk(path.join(dir, 'src'));
  return files.sort();
}

function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  const dir = toolDir();
  for (const file of sourceFiles()) {
    hash.update(path.relative(dir, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Building

/**
 * True when target/classes and target/lib hold a build of the current pom.xml and Java source
 * (same content hash as recorded by the last build, or, for a build made by hand with mvn, build
 * output newer than every source file).
 */
export function launcherIsBuilt(): boolean {
  if (buildInFlight) return false;
  try {
    // A build in progress in another process leaves target/lib half-copied.
    const holder = readLockHolder(path.join(targetDir(), BUILD_LOCK));
    if (typeof holder === 'number' && holder !== process.pid) return false;
  } catch {
    return false; // tools/neo4j not found
  }
  return buildOutputIsCurrent();
}

function buildOutputIsCurrent(): boolean {
  try {
    const classFile = launcherClassFile();
    if (!fs.existsSync(classFile) || !fs.existsSync(libDir())) return false;
    if (!fs.readdirSync(libDir()).some((f) => /^neo4j-kernel-.*\.jar$/.test(f))) return false;
    const stamp = path.join(targetDir(), BUILD_STAMP);
    if (fs.existsSync(stamp)) {
      return fs.readFileSync(stamp, 'utf8').trim() === sourceHash();
    }
    const builtAt = Math.min(fs.statSync(classFile).mtimeMs, fs.statSync(libDir()).mtimeMs);
    return sourceFiles().every((f) => fs.statSync(f).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

let buildInFlight: Promise<void> | undefined;

/** Runs `mvn -q -B package -DskipTests` in tools/neo4j (serialised across processes by a lock file). */
export async function buildLauncher(log?: (line: string) => void): Promise<void> {
  await buildOnce(log, false);
}

async function ensureLauncherBuilt(log?: (line: string) => void): Promise<void> {
  if (launcherIsBuilt()) return;
  await buildOnce(log, true);
}

function buildOnce(log: ((line: string) => void) | undefined, onlyIfNeeded: boolean): Promise<void> {
  if (!buildInFlight) {
    buildInFlight = buildUnderLock(log, onlyIfNeeded).finally(() => {
      buildInFlight = undefined;
    });
  }
  return buildInFlight;
}

async function buildUnderLock(log: ((line: string) => void) | undefined, onlyIfNeeded: boolean): Promise<void> {
  await checkBuildTools();
  fs.mkdirSync(targetDir(), { recursive: true });
  const lock = path.join(targetDir(), BUILD_LOCK);
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  let waitedFor: number | undefined;
  for (;;) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readLockHolder(lock);
    if (holder === 'stale') {
      fs.rmSync(lock, { force: true });
      continue;
    }
    if (waitedFor !== holder) {
      waitedFor = holder;
      log?.(`waiting for another build of the Neo4j launcher${holder ? ` (pid ${holder})` : ''}…`);
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for the Neo4j launcher build lock ${lock} (held by pid ${holder})`);
    }
    await sleep(500);
  }
  try {
    if (onlyIfNeeded && buildOutputIsCurrent()) return;
    const firstRun = !fs.existsSync(libDir());
    log?.(
      firstRun
        ? 'building the Neo4j launcher (first run, downloads from Maven Central)…'
        : 'rebuilding the Neo4j launcher (pom.xml or Java source changed)…',
    );
    const hash = sourceHash();
    fs.rmSync(path.join(targetDir(), BUILD_STAMP), { force: true });
    const started = Date.now();
    await runMaven(['-q', '-B', '-Dstyle.color=never', 'package', '-DskipTests']);
    if (!fs.existsSync(launcherClassFile())) {
      throw new Error(`mvn package finished but ${launcherClassFile()} is missing`);
    }
    fs.writeFileSync(path.join(targetDir(), BUILD_STAMP), `${hash}\n`);
    log?.(`Neo4j launcher built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } finally {
    try {
      if (fs.readFileSync(lock, 'utf8').trim() === String(process.pid)) fs.rmSync(lock, { force: true });
    } catch {
      // already gone
    }
  }
}

/** The pid holding the build lock, or 'stale' when that process is gone (or the file is junk). */
function readLockHolder(lock: string): number | 'stale' {
  let text: string;
  let ageMs: number;
  try {
    text = fs.readFileSync(lock, 'utf8').trim();
    ageMs = Date.now() - fs.statSync(lock).mtimeMs;
  } catch {
    return 'stale'; // no lock (or it vanished between our attempts)
  }
  const pid = Number(text);
  if (!text) return ageMs > 10_000 ? 'stale' : 0; // being written right now
  if (!Number.isInteger(pid) || pid <= 0) return 'stale';
  if (!processIsAlive(pid)) return 'stale';
  return pid;
}

function mavenCommand(): string {
  return process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
}

function javaCommand(): string {
  const home = process.env['JAVA_HOME'];
  if (home) {
    const candidate = path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'java';
}

async function checkBuildTools(): Promise<void> {
  const java = await capture(javaCommand(), ['-version']).catch((e: unknown) => {
    throw new Error(
      `Java 17+ is needed for the embedded Neo4j but '${javaCommand()}' could not be run (${errorText(e)}); ` +
        'install a JDK 17 (e.g. openjdk-17-jdk-headless) or set NEO4J_URI to use another Neo4j server',
    );
  });
  const version = /version "(\d+)(?:\.(\d+))?/.exec(java.output);
  if (version) {
    const major = Number(version[1]) === 1 ? Number(version[2]) : Number(version[1]);
    if (major < 17) {
      throw new Error(`Java 17+ is needed for the embedded Neo4j, found Java ${major} (${javaCommand()})`);
    }
  }
  await capture(mavenCommand(), ['-v']).catch((e: unknown) => {
    throw new Error(
      `Maven (mvn) is needed to build the embedded Neo4j launcher but could not be run (${errorText(e)}); ` +
        'install Maven 3.8+ or set NEO4J_URI to use another Neo4j server',
    );
  });
}

async function runMaven(args: string[]): Promise<void> {
  const result = await capture(mavenCommand(), args, { cwd: toolDir(), timeoutMs: BUILD_TIMEOUT_MS });
  if (result.code !== 0) {
    const tail = lastLines(stripAnsi(result.output), TAIL_LINES);
    throw new Error(
      `building the Neo4j launcher failed (mvn ${args.join(' ')} in ${toolDir()} exited with ` +
        `${result.code ?? result.signal}):\n${tail}`,
    );
  }
}

interface Captured {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a command, collecting stdout+stderr; rejects only when it cannot be started (or times out). */
function capture(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<Captured> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      reject(e);
      return;
    }
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => chunks.push(c));
    child.stderr?.on('data', (c: Buffer) => chunks.push(c));
    let timer: NodeJS.Timeout | undefined;
    if (opts.timeoutMs) {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${cmd} ${args.join(' ')} did not finish within ${opts.timeoutMs} ms`));
      }, opts.timeoutMs);
    }
    child.once('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Running

/** One launched JVM. */
class RunningNeo4j implements EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
    readonly port: number,
    readonly dataDir: string,
    private readonly temporary: boolean,
  ) {
    this.uri = `bolt://127.0.0.1:${port}`;
    this.pid = child.pid ?? -1;
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  stop(): Promise<void> {
    if (!this.stopping) this.stopping = this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    try {
      this.child.ref();
      if (isRunning(this.child)) {
        this.child.stdin?.end(); // EOF: the launcher shuts Neo4j down cleanly and exits 0
        if (!(await withTimeout(this.exited, STOP_GRACE_MS))) {
          this.child.kill('SIGKILL');
          await withTimeout(this.exited, 5_000);
        }
      }
      this.child.stdin?.destroy();
      removePidFile(this.dataDir, this.pid);
      if (this.temporary) await removeDir(this.dataDir);
    } finally {
      running.delete(this);
      updateExitHandlers();
    }
  }

  /** Best effort from a process 'exit' handler: only synchronous calls are possible there. */
  stopSync(): void {
    if (!running.has(this)) return;
    running.delete(this);
    try {
      this.child.stdin?.destroy();
      if (isRunning(this.child) && this.pid > 0) {
        // The JVM sees EOF only once this process is gone; SIGTERM makes it shut down now.
        signalQuietly(this.pid, 'SIGTERM');
        if (!waitForDeathSync(this.pid, 10_000)) signalQuietly(this.pid, 'SIGKILL');
        waitForDeathSync(this.pid, 2_000);
      }
      removePidFile(this.dataDir, this.pid);
      if (this.temporary) fs.rmSync(this.dataDir, { recursive: true, force: true });
    } catch {
      // exiting anyway
    }
  }
}

const running = new Set<RunningNeo4j>();

/** Starts Neo4j (building the launcher first when needed) and resolves once it accepts Bolt. */
export async function startEmbeddedNeo4j(opts: EmbeddedNeo4jOptions = {}): Promise<EmbeddedNeo4j> {
  const log = opts.log;
  await ensureLauncherBuilt(log);
  sweepAbandonedTempDirs();

  const temporary = !opts.dataDir;
  const dataDir = temporary
    ? fs.mkdtempSync(path.join(os.tmpdir(), TEMP_PREFIX))
    : path.resolve(opts.dataDir as string);
  fs.mkdirSync(dataDir, { recursive: true });

  try {
    await clearStalePidFile(dataDir, log);
    const fixedPort = opts.port && opts.port > 0 ? opts.port : undefined;
    for (let attempt = 1; ; attempt++) {
      const port = fixedPort ?? (await findFreePort());
      try {
        return await launch(port, dataDir, temporary, opts);
      } catch (e) {
        // A port picked by us can be taken by someone else before the JVM binds it: try another.
        if (fixedPort || attempt >= 3 || !/already in use|BindException|bind/i.test(errorText(e))) throw e;
        log?.(`port ${port} was taken, trying another…`);
      }
    }
  } catch (e) {
    if (temporary) await removeDir(dataDir);
    throw e;
  }
}

async function launch(port: number, dataDir: string, temporary: boolean, opts: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = opts.log;
  const heap = opts.heap ?? '1g';
  const timeoutMs = opts.startTimeoutMs ?? 180_000;
  const large = heapBytes(heap) > 1024 ** 3;
  const jvmArgs = [
    `-Xmx${heap}`,
    // Serial GC with a small start: an idle test server needs ~260 MB RSS instead of ~430 MB with G1
    // (2-core machines). A large heap is for large maps: the parallel collector and the whole heap
    // up front, or full collections of a growing serial heap stall bulk writes for seconds.
    ...(large ? [`-Xms${heap}`, '-XX:+UseParallelGC'] : [...initialHeapArg(heap), '-XX:+UseSerialGC']),
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    // As the Neo4j server scripts do; without them the page cache and native I/O fall back and warn.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  ];
  const classpath = [path.join(targetDir(), 'classes'), path.join(libDir(), '*')].join(path.delimiter);
  const args = [
    ...jvmArgs,
    '-cp',
    classpath,
    LAUNCHER_CLASS,
    '--port',
    String(port),
    '--data-dir',
    dataDir,
    '--page-cache',
    opts.pageCache ?? '256m',
    '--tx-timeout',
    opts.txTimeout ?? '60s',
  ];

  log?.(`starting Neo4j on 127.0.0.1:${port} (data in ${dataDir})…`);
  const started = Date.now();
  // stdin is a pipe we never write to: when this process dies, the JVM reads EOF and shuts down.
  const child = spawn(javaCommand(), args, { cwd: dataDir, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  const stderrTail: string[] = [];
  const stdoutTail: string[] = [];
  let readyUri: string | undefined;
  let failedReason: string | undefined;
  let spawnError: Error | undefined;
  let onReady: (() => void) | undefined;

  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (e) => {
      spawnError = e;
      resolve();
    });
  });
  // 'close' comes after 'exit' once stdout/stderr are drained (or right away if spawning failed).
  const closed = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
  child.stdin?.on('error', () => undefined); // EPIPE when the JVM is already gone
  onLines(child.stderr, (line) => pushTail(stderrTail, line));
  onLines(child.stdout, (line) => {
    if (!readyUri && line.startsWith(READY_PREFIX)) {
      readyUri = line.slice(READY_PREFIX.length).trim();
      onReady?.();
    } else if (line.startsWith(FAILED_PREFIX)) {
      failedReason = line.slice(FAILED_PREFIX.length).trim();
    } else {
      pushTail(stdoutTail, line);
    }
  });
  if (child.pid) writePidFile(dataDir, child.pid);

  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    sleep(timeoutMs, true).then(() => 'timeout' as const),
  ]);

  if (outcome !== 'ready' || !readyUri) {
    if (outcome === 'timeout') {
      child.kill('SIGKILL');
      await withTimeout(exited, 10_000);
    }
    await withTimeout(closed, 3_000); // let the last stdout/stderr lines arrive
    const reason = spawnError
      ? `could not run '${javaCommand()}' (${spawnError.message}); install a JDK 17 or set NEO4J_URI`
      : failedReason ??
        (outcome === 'timeout'
          ? `not ready within ${timeoutMs} ms`
          : `the launcher exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    const details = [
      stderrTail.length ? `--- launcher stderr (last lines) ---\n${stderrTail.join('\n')}` : '',
      stdoutTail.length ? `--- launcher stdout ---\n${stdoutTail.join('\n')}` : '',
      debugLogTail(dataDir),
    ].filter(Boolean);
    removePidFile(dataDir, child.pid ?? -1);
    throw new Error(`embedded Neo4j failed to start: ${reason}${details.length ? '\n' + details.join('\n') : ''}`);
  }

  const instance = new RunningNeo4j(child, exited, port, dataDir, temporary);
  running.add(instance);
  updateExitHandlers();
  void exited.then(() => {
    if (running.has(instance) && !instance.isStopping) {
      log?.(`Neo4j (pid ${instance.pid}) exited unexpectedly (${child.exitCode ?? child.signalCode}); see ${path.join(dataDir, 'logs', 'debug.log')}`);
    }
  });
  // Do not keep the event loop alive for the JVM: an app that ends without stop() still exits,
  // and the 'exit' handler (or the EOF on the JVM's stdin) stops Neo4j.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
  log?.(`Neo4j ready on ${instance.uri} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return instance;
}

function heapBytes(heap: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(heap.trim());
  if (!m) return 0;
  const units: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  return Number(m[1]) * (units[(m[2] ?? '').toLowerCase()] ?? 1);
}

function initialHeapArg(heap: string): string[] {
  if (heapBytes(heap) === 0) return [];
  // Explicit -Xms (Neo4j warns without one), kept small so an idle test server stays small.
  return [heapBytes(heap) <= 128 * 1024 ** 2 ? `-Xms${heap}` : '-Xms128m'];
}

// ---------------------------------------------------------------------------------------------
// Pid file and stale processes

interface PidFile {
  javaPid: number;
  ownerPid: number;
}

function writePidFile(dataDir: string, javaPid: number): void {
  fs.writeFileSync(path.join(dataDir, PID_FILE), `${javaPid}\n${process.pid}\n`);
}

function readPidFile(dataDir: string): PidFile | undefined {
  try {
    const [java, owner] = fs.readFileSync(path.join(dataDir, PID_FILE), 'utf8').split(/\s+/);
    return { javaPid: Number(java) || 0, ownerPid: Number(owner) || 0 };
  } catch {
    return undefined;
  }
}

function removePidFile(dataDir: string, javaPid: number): void {
  const current = readPidFile(dataDir);
  if (current && current.javaPid === javaPid) fs.rmSync(path.join(dataDir, PID_FILE), { force: true });
}

/**
 * A pid file left by a crash: if it names a live launcher on this data dir whose owner is gone,
 * stop it (it still holds Neo4j's store lock); if it is dead or not ours, just drop the file.
 */
async function clearStalePidFile(dataDir: string, log?: (line: string) => void): Promise<void> {
  const stale = readPidFile(dataDir);
  if (!stale) return;
  const { javaPid } = stale;
  if (javaPid > 0 && processIsAlive(javaPid) && isOurLauncher(javaPid, dataDir)) {
    const parent = parentPid(javaPid);
    if (parent !== undefined && parent === stale.ownerPid && processIsAlive(parent)) {
      throw new Error(
        `${dataDir} is in use by a running embedded Neo4j (pid ${javaPid}, started by pid ${parent}); ` +
          'stop that one or use another data directory',
      );
    }
    log?.(`stopping a leftover Neo4j launcher (pid ${javaPid}) on ${dataDir}…`);
    signalQuietly(javaPid, 'SIGTERM');
    if (!(await waitForDeath(javaPid, STOP_GRACE_MS))) {
      signalQuietly(javaPid, 'SIGKILL');
      if (!(await waitForDeath(javaPid, 5_000))) {
        throw new Error(`a leftover Neo4j launcher (pid ${javaPid}) on ${dataDir} does not die`);
      }
    }
  }
  fs.rmSync(path.join(dataDir, PID_FILE), { force: true });
}

function isOurLauncher(pid: number, dataDir: string): boolean {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.some((a) => a.includes(LAUNCHER_MARKER)) && args.includes(dataDir);
  } catch {
    return false; // no /proc (or the process just went away): never kill what we cannot identify
  }
}

function parentPid(pid: number): number | undefined {
  try {
    const m = /^PPid:\s*(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Temp dirs of runs that were killed before they could clean up (both their JVM and owner gone). */
function sweepAbandonedTempDirs(): void {
  try {
    const tmp = os.tmpdir();
    for (const name of fs.readdirSync(tmp)) {
      if (!name.startsWith(TEMP_PREFIX)) continue;
      const dir = path.join(tmp, name);
      const pids = readPidFile(dir);
      if (!pids || pids.ownerPid === process.pid) continue;
      if (processIsAlive(pids.javaPid) || processIsAlive(pids.ownerPid)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } catch {
    // best effort
  }
}

// ---------------------------------------------------------------------------------------------
// Exit and signal handling

let handlersInstalled = false;
let signalSeen = false;

function onProcessExit(): void {
  for (const instance of [...running]) instance.stopSync();
}

function onSignal(signal: 'SIGINT' | 'SIGTERM'): void {
  const othersListen = process.listeners(signal).some((l) => l !== signalHandlers[signal]);
  if (signalSeen && !othersListen) {
    // Second signal while stopping: leave now (the JVMs see EOF on stdin and stop themselves).
    removeHandlers();
    process.kill(process.pid, signal);
    return;
  }
  signalSeen = true;
  const stopping = Promise.allSettled([...running].map((r) => r.stop()));
  if (!othersListen) {
    // We were the only listener, so Node's default (terminate) was suppressed: re-raise it.
    void stopping.then(() => {
      removeHandlers();
      process.kill(process.pid, signal);
    });
  }
  // Otherwise the application's own handler decides when to exit; the 'exit' handler covers the rest.
}

const signalHandlers: Record<'SIGINT' | 'SIGTERM', () => void> = {
  SIGINT: () => onSignal('SIGINT'),
  SIGTERM: () => onSignal('SIGTERM'),
};

function updateExitHandlers(): void {
  if (running.size > 0 && !handlersInstalled) {
    process.on('exit', onProcessExit);
    process.on('SIGINT', signalHandlers.SIGINT);
    process.on('SIGTERM', signalHandlers.SIGTERM);
    handlersInstalled = true;
  } else if (running.size === 0 && handlersInstalled) {
    removeHandlers();
  }
}

function removeHandlers(): void {
  process.removeListener('exit', onProcessExit);
  process.removeListener('SIGINT', signalHandlers.SIGINT);
  process.removeListener('SIGTERM', signalHandlers.SIGTERM);
  handlersInstalled = false;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // An exited child that nobody reaped yet is a zombie: dead for our purposes.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return process.platform !== 'linux';
  }
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

async function waitForDeath(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (processIsAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

function waitForDeathSync(pid: number, ms: number): boolean {
  const deadline = Date.now() + ms;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (processIsAlive(pid)) {
    if (Date.now() > deadline) return false;
    Atomics.wait(cell, 0, 0, 50);
  }
  return true;
}

function sleep(ms: number, unref = false): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    if (unref) t.unref();
  });
}

/** Resolves true when `p` settles within `ms`, false otherwise. */
async function withTimeout(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true as const), timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

async function removeDir(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      return;
    } catch {
      await sleep(200);
    }
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

function onLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      onLine(buffered.slice(0, nl).replace(/\r$/, ''));
      buffered = buffered.slice(nl + 1);
    }
    if (buffered.length > 64 * 1024) buffered = buffered.slice(-64 * 1024);
  });
  stream.on('end', () => {
    if (buffered) onLine(buffered);
    buffered = '';
  });
}

function pushTail(tail: string[], line: string): void {
  tail.push(line);
  if (tail.length > TAIL_LINES) tail.shift();
}

function debugLogTail(dataDir: string): string {
  const file = path.join(dataDir, 'logs', 'debug.log');
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.trim() ? `--- ${file} (last lines) ---\n${lastLines(text, 20)}` : '';
  } catch {
    return '';
  }
}

function lastLines(text: string, n: number): string {
  return text.trimEnd().split(/\r?\n/).slice(-n).join('\n');
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
