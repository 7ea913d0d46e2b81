import { INestApplication } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '@tadoru/auth';
import { MapStoreService } from '@tadoru/store';
import { codesOf, createTestApi, createTestKey, gql, TEST_SECRET } from '../support/test-api';
import { uniqueMapName } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/tadoru.js');
const RIKUNABI = readFileSync(join(ROOT, 'examples', 'rikunabi-2019.yaml'), 'utf8');

function tadoru(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: process.env.TADORU_TEST_NEO4J_URI, TADORU_SECRET: TEST_SECRET, TADORU_DATA_DIR: join(tmpdir(), 'tadoru-cli-unused') },
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REPORT = `query($kind: ReportKind!, $map: String!, $lang: ReportLang, $format: ReportFormat, $version: Int) {
  report(kind: $kind, map: $map, lang: $lang, format: $format, version: $version) { kind title lang map version versionRecordedAt json downloadUrl }
}`;

describe('reports over HTTP and from the command line (real Neo4j)', () => {
  let app: INestApplication;
  let map: string;
  let dir: string;
  const keys = new Map<Role, string>();

  beforeAll(async () => {
    app = await createTestApi({ loopbackAccess: 'off' });
    map = uniqueMapName('rikunabi');
    await app.get(MapStoreService).importMap([{ name: 'rikunabi-2019.yaml', text: RIKUNABI }], { mapName: map, actor: { name: 'aiko', role: 'ARCHITECT' } });
    for (const role of [Role.ADMIN, Role.ARCHITECT, Role.DPO, Role.AUDITOR]) keys.set(role, await createTestKey(app, uniqueMapName(role.toLowerCase()), role));
    dir = mkdtempSync(join(tmpdir(), 'tadoru-report-'));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the report query returns the JSON document and a download URL pinned to the version', async () => {
    const res = await gql(app, REPORT, { kind: 'overview', map, lang: 'ja' }, { key: keys.get(Role.DPO) });
    expect(res.errors).toBeUndefined();
    const report = res.data.report;
    expect(report).toMatchObject({ kind: 'overview', title: 'データマップ概要', lang: 'ja', map, version: 1 });
    expect(JSON.parse(report.json).report).toMatchObject({ kind: 'overview', map, version: 1, lang: 'ja' });
    expect(report.downloadUrl).toBe(`/reports/overview?map=${map}&format=pdf&lang=ja&version=1`);
  });

  it('a kind without the option it needs is BAD_USER_INPUT naming it', async () => {
    const res = await gql(app, REPORT, { kind: 'disclosure', map }, { key: keys.get(Role.AUDITOR) });
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0].extensions?.problems).toEqual([{ path: 'person', message: 'is required for a disclosure report' }]);
  });

  it('downloads a report with its content type and a file name saying map, kind, version and language', async () => {
    const res = await request(app.getHttpServer()).get(`/reports/overview?map=${map}&format=json&lang=en`).set('authorization', `Bearer ${keys.get(Role.AUDITOR)}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename="${map}-overview-v1-en.json"`);
    expect(JSON.parse(res.text).report).toMatchObject({ kind: 'overview', map, version: 1 });
  });

  it('the download is for DPO, AUDITOR and ADMIN; an architect is FORBIDDEN, no key UNAUTHENTICATED', async () => {
    const url = `/reports/overview?map=${map}&format=json`;
    for (const role of [Role.ADMIN, Role.DPO, Role.AUDITOR]) expect((await request(app.getHttpServer()).get(url).set('authorization', `Bearer ${keys.get(role)}`)).status).toBe(200);
    const architect = await request(app.getHttpServer()).get(url).set('authorization', `Bearer ${keys.get(Role.ARCHITECT)}`);
    expect(architect.status).toBe(403);
    expect(architect.text).toContain('FORBIDDEN');
    const nobody = await request(app.getHttpServer()).get(url);
    expect(nobody.status).toBe(401);
  });

  it('a bad download request is a 400 naming every problem, an unknown map a 404, never a stack', async () => {
    const key = keys.get(Role.DPO)!;
    const bad = await request(app.getHttpServer()).get(`/reports/overview?map=${map}&format=docx&lang=fr&version=x&colour=red`).set('authorization', `Bearer ${key}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_USER_INPUT');
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['colour', 'version']);
    const badValues = await request(app.getHttpServer()).get(`/reports/overview?map=${map}&format=docx&lang=fr`).set('authorization', `Bearer ${key}`);
    expect(badValues.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['format', 'lang']);
    const unknownKind = await request(app.getHttpServer()).get(`/reports/everything?map=${map}`).set('authorization', `Bearer ${key}`);
    expect(unknownKind.status).toBe(400);
    const missing = await request(app.getHttpServer()).get(`/reports/overview?map=${uniqueMapName('absent')}&format=json`).set('authorization', `Bearer ${key}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    for (const res of [bad, unknownKind, missing]) expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('tadoru report writes the file whole, and names every problem of a bad request with exit status 2, writing nothing', () => {
    const out = join(dir, 'overview.json');
    const ok = tadoru('report', 'overview', '--map', map, '--lang', 'ja', '--out', out);
    expect(ok.stderr).toContain(`wrote the overview report of "${map}" version 1 (ja, json) to ${out}`);
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).report).toMatchObject({ kind: 'overview', map, lang: 'ja' });

    const bad = tadoru('report', 'breach', '--map', map, '--lang', 'fr', '--out', join(dir, 'breach.pdf'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('invalid report request: 3 problems');
    expect(bad.stderr).toContain('lang: must be one of en, ja');
    expect(bad.stderr).toContain('system: is required for a breach report');
    expect(bad.stderr).toContain('since: is required for a breach report');
    expect(existsSync(join(dir, 'breach.pdf'))).toBe(false);

    const missing = tadoru('report', 'overview', '--map', uniqueMapName('absent'), '--out', join(dir, 'absent.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
    expect(readdirSync(dir).sort()).toEqual(['overview.json']);
  });
});
