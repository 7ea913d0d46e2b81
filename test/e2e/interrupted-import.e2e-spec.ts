import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Neo4jService } from '@tadoru/graph';
import { createTestContext, uniqueMapName } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/tadoru.js');
const env = { ...process.env, NEO4J_URI: process.env.TADORU_TEST_NEO4J_URI, TADORU_DATA_DIR: join(tmpdir(), 'tadoru-cli-unused') };

function tadoru(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 300_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `tadoru import` and kills it (SIGKILL, as a crash or an OOM killer would) once it is writing. */
function importKilledWhileWriting(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', file, '--bulk'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/^writing/m.test(stderr)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => (signal === 'SIGKILL' ? resolve(stderr) : reject(new Error(`the import ended before it was killed (${code}): ${stderr}`))));
  });
}

describe('an import killed half-way (real Neo4j, the built command)', () => {
  let dir: string;
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tadoru-killed-'));
    ctx = await createTestContext();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ctx.close();
  });

  it('never blocks the name: the map does not exist, the next import works at once, and nothing of the killed one stays', async () => {
    const name = uniqueMapName('killed');
    const file = join(dir, `${name}.json`);
    expect(tadoru('generate', '--scale', '30000', '--seed', '5', '--out', file, '--map', name).status).toBe(0);
    await importKilledWhileWriting(file);

    const db = ctx.get(Neo4jService);
    const unfinished = async () => {
      const rows = await db.read('test.generations', (q) => q.run('store/generations-of-map', { name }));
      return rows.filter((r) => r.state === 'writing' || r.state === 'abandoned').length;
    };
    // what the killed writer left is there, but nobody can read it
    expect(await unfinished()).toBe(1);
    const exported = tadoru('export', name);
    expect(exported.status).toBe(1);
    expect(exported.stderr).toMatch(/NOT_FOUND/);

    // the next import neither waits for the dead writer nor is refused: its lock went with its transaction
    const again = tadoru('import', file, '--bulk');
    expect(again.stderr).not.toMatch(/CONFLICT|being written/);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^imported new map "${name}"`));
    expect(await unfinished()).toBe(0);
  });
});
