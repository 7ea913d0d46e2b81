import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '@tadoru/graph';

/** `tadoru serve` as a user starts it, in a child process with a database of its own. */
export interface ServiceProcess {
  url: string;
  /** From spawning the process to the "serving" line (Neo4j started, migrations, demo maps loaded). */
  readyMs: number;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `node bin/tadoru.js serve` on a free port with a fresh data directory (the embedded Neo4j
 * and the demo maps, as after a first `npm start`) and resolves once it says it is serving.
 */
export async function startService(options: { env?: Record<string, string>; log?: (line: string) => void } = {}): Promise<ServiceProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadoru-bench-service-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'tadoru.js'), 'serve', '--port', String(port)], {
    env: { ...process.env, TADORU_DATA_DIR: dataDir, TADORU_DEMO: 'on', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('tadoru is serving')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`tadoru serve exited with ${code} before serving:\n${output.slice(-3000)}`)));
  });
  await ready;
  const readyMs = performance.now() - started;
  options.log?.(`tadoru serve ready on port ${port} in ${(readyMs / 1000).toFixed(1)} s`);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    readyMs,
    pid: child.pid as number,
    stop: () => stopChild(child).finally(() => rmSync(dataDir, { recursive: true, force: true })),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Posts one GraphQL request; throws on an HTTP or GraphQL error. */
export async function askGraphQL(url: string, query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (!res.ok || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}
