import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { alive } from '../support/processes';

const ROOT = join(__dirname, '../..');

/** `tadoru serve` as `npm start` runs it: embedded Neo4j on a data directory, demo maps, HTTP. */
async function serve(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TADORU_DATA_DIR: dataDir, TADORU_NEO4J_HEAP: '512m' };
  delete env.NEO4J_URI;
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

describe('tadoru serve (what `npm start` runs)', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'tadoru-serve-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads the demo into an empty database, answers from Neo4j, stops cleanly on Ctrl-C, and reuses the data next time', async () => {
    const port = 39000 + Math.floor(Math.random() * 1000);
    const first = await serve(dataDir, port);
    const javaPid = JSON.parse(readFileSync(join(dataDir, 'neo4j/tadoru-endpoint.json'), 'utf8')).java as number;
    expect(first.output()).toContain('loaded demo map "rikunabi-2019"');
    const res = await request(`http://127.0.0.1:${port}`)
      .post('/graphql')
      .send({ query: '{ map(name: "rikunabi-2019") { flows(first: 1) { totalCount nodes { sender { name } recipient { name } dataCategories { id } basis } } } }' });
    expect(res.body.data.map.flows.totalCount).toBe(90);

    expect(await stop(first.child)).toBe(0);
    expect(alive(javaPid)).toBe(false);
    // an orderly stop: the service closed its database and withdrew the endpoint it had published
    expect(existsSync(join(dataDir, 'neo4j/tadoru-endpoint.json'))).toBe(false);

    const second = await serve(dataDir, port);
    try {
      expect(second.output()).not.toContain('loaded demo map');
      const again = await request(`http://127.0.0.1:${port}`).post('/graphql').send({ query: '{ maps { name } }' });
      expect(again.body.data.maps.map((m: { name: string }) => m.name)).toEqual(['persol-group', 'rikunabi-2019', 'wantedly']);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 300_000);
});
