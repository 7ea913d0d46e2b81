import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { openDatabase } from '@tadoru/graph';
import { alive } from '../support/processes';

async function query(uri: string, cypher: string): Promise<unknown[]> {
  const driver = neo4j.driver(uri);
  try {
    const { records } = await driver.executeQuery(cypher);
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

describe('the embedded database of the service', () => {
  const saved = { uri: process.env.NEO4J_URI, dir: process.env.TADORU_DATA_DIR };
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tadoru-data-'));
    delete process.env.NEO4J_URI;
    process.env.TADORU_DATA_DIR = dataDir;
  });
  afterAll(() => {
    if (saved.uri) process.env.NEO4J_URI = saved.uri;
    if (saved.dir) process.env.TADORU_DATA_DIR = saved.dir;
    else delete process.env.TADORU_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its data across restarts, is shared while running, and leaves no JVM behind', async () => {
    const first = await openDatabase({ storage: 'persistent', log: () => undefined, heap: '512m' });
    expect(first.embedded?.dataDir).toBe(join(dataDir, 'neo4j'));
    await query(first.connection.uri, "CREATE (:Probe {note: 'kept'})");

    // A second tadoru process (say `tadoru import` while the service runs) shares the server.
    const second = await openDatabase({ storage: 'persistent', log: () => undefined });
    expect(second.embedded).toBeUndefined();
    expect(second.connection.uri).toBe(first.connection.uri);
    await second.close();
    expect(alive(first.embedded!.pid)).toBe(true);

    const pid = first.embedded!.pid;
    await first.close();
    expect(alive(pid)).toBe(false);

    const again = await openDatabase({ storage: 'persistent', log: () => undefined, heap: '512m' });
    try {
      expect(await query(again.connection.uri, 'MATCH (p:Probe) RETURN p.note AS note')).toEqual([{ note: 'kept' }]);
    } finally {
      await again.close();
    }
  });

  it('uses NEO4J_URI instead when it is set, starting nothing', async () => {
    process.env.NEO4J_URI = 'neo4j://db.example:7687';
    process.env.NEO4J_USER = 'reader';
    try {
      const db = await openDatabase({ storage: 'persistent' });
      expect(db.embedded).toBeUndefined();
      expect(db.connection).toMatchObject({ uri: 'neo4j://db.example:7687', user: 'reader', database: 'neo4j' });
      process.env.NEO4J_URI = 'http://nope';
      await expect(openDatabase({ storage: 'persistent' })).rejects.toThrow(/NEO4J_URI must be a bolt:\/\/ or neo4j:\/\/ URI/);
    } finally {
      delete process.env.NEO4J_URI;
      delete process.env.NEO4J_USER;
    }
  });
});
