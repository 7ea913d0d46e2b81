import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

const ROOT = join(__dirname, '../..');

/** `tadoru serve` on the embedded default (no NEO4J_URI, no TADORU_SECRET), on a fresh data directory. */
async function serve(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TADORU_DATA_DIR: dataDir, TADORU_NEO4J_HEAP: '512m', TADORU_DEMO: 'off' };
  delete env.NEO4J_URI;
  delete env.TADORU_SECRET;
  delete env.TADORU_LOOPBACK_ACCESS;
  const child = spawn(process.execPath, [join(ROOT, 'bin/tadoru.js'), 'serve', '--port', String(port)], { cwd: ROOT, env });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('tadoru is serving GraphQL')) {
        clearInterval(timer);
        resolve();
      }
    }, 200);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

describe('tadoru serve: the local admin key of the embedded default', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'tadoru-serve-keys-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates an admin key at first start in admin-key (0600), says where without showing it, serves loopback without it, and keeps it next time', async () => {
    const port = 40000 + Math.floor(Math.random() * 1000);
    const first = await serve(dataDir, port);
    const keyFile = join(dataDir, 'admin-key');
    let key = '';
    try {
      key = readFileSync(keyFile, 'utf8').trim();
      expect(key).toMatch(/^tdr_[A-Za-z0-9_-]{43}$/);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'server-secret')).mode & 0o777).toBe(0o600);
      expect(first.output()).toContain(`admin key created: ${keyFile} (send it from other machines or through a proxy; loopback needs none)`);
      expect(first.output()).not.toContain(key);
      expect(first.output()).not.toContain(key.slice(4));

      const server = request(`http://127.0.0.1:${port}`);
      // the playground's path: loopback, no key
      expect((await server.post('/graphql').send({ query: '{ viewer { name role } }' })).body.data.viewer).toEqual({ name: 'local-admin', role: 'ADMIN' });
      // through a proxy on the same host: the key is needed, and works
      const forwarded = await server.post('/graphql').set('x-forwarded-for', '198.51.100.4').send({ query: '{ viewer { name } }' });
      expect(forwarded.status).toBe(401);
      expect(forwarded.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const withKey = await server.post('/graphql').set('x-forwarded-for', '198.51.100.4').set('authorization', `Bearer ${key}`).send({ query: '{ viewer { name role } }' });
      expect(withKey.body.data.viewer).toEqual({ name: 'local-admin', role: 'ADMIN' });
    } finally {
      expect(await stop(first.child)).toBe(0);
    }

    const second = await serve(dataDir, port);
    try {
      expect(second.output()).toContain(`admin key: ${keyFile}`);
      expect(second.output()).not.toContain('admin key created');
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
      expect(second.output()).not.toContain(key);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 300_000);
});
