import { INestApplication } from '@nestjs/common';
import { execFile, spawnSync } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeMap } from '@tadoru/map';
import { smallMap } from '../fixtures/small-map';
import { Role } from '@tadoru/auth';
import { createTestApi, createTestKey, gql } from '../support/test-api';
import { uniqueMapName } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const ONE_MORE_EMPLOYER = join(ROOT, 'examples', 'changes', 'rikunabi-one-more-employer.yaml');
const IMPORT = `mutation ($input: ImportMapInput!) { importMap(input: $input) { map { version } } }`;
const PROPOSE = `mutation ($map: String!, $change: ChangeSetInput, $content: String) {
  proposeChange(map: $map, change: $change, content: $content) {
    baseVersion version elements { added changed retired removed }
    recipients { added { organization system category flow derived } removed { organization } }
    introduced { rule severity target { kind id } path message messageJa }
    summary { introduced { critical high medium low } }
  }
}`;
const APPLY = `mutation ($map: String!, $change: ChangeSetInput, $content: String, $v: Int!, $failOn: FailOn) {
  applyChange(map: $map, change: $change, content: $content, expectedVersion: $v, failOn: $failOn) { applied diff { baseVersion version introduced { rule target { id } } } }
}`;
const RECIPIENTS_AT = `query ($map: String!, $version: Int) {
  map(name: $map, version: $version) { version recipients(category: "rn2020-browsing-member") { rows { organizationId flowId } } }
}`;

/** Runs the built `tadoru` command against the test database (NEO4J_URI), as a user would. */
function tadoru(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/tadoru.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: process.env.TADORU_TEST_NEO4J_URI, TADORU_DATA_DIR: join(tmpdir(), 'tadoru-cli-unused') },
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking this process: for commands that talk to the app this test serves. */
function tadoruAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/tadoru.js'), ...args], { cwd: ROOT, env: { ...process.env, TADORU_API_KEY: '' }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('change sets over GraphQL and the CLI (real Neo4j)', () => {
  let app: INestApplication;
  let dir: string;
  const rikunabi = uniqueMapName('rikunabi');
  const yamlChange = readFileSync(ONE_MORE_EMPLOYER, 'utf8');

  beforeAll(async () => {
    app = await createTestApi();
    dir = mkdtempSync(join(tmpdir(), 'tadoru-changes-'));
    const content = readFileSync(join(ROOT, 'examples/rikunabi-2019.yaml'), 'utf8');
    expect((await gql(app, IMPORT, { input: { content, map: rikunabi } })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('proposes the Rikunabi delivery to one more employer: the new recipient, the findings it introduces, nothing written', async () => {
    const res = await gql(app, PROPOSE, { map: rikunabi, content: yamlChange });
    expect(res.errors).toBeUndefined();
    const diff = res.data.proposeChange;
    expect(diff).toMatchObject({ baseVersion: 1, version: null, elements: { added: 5, changed: 0, retired: 0, removed: 0 } });
    expect(diff.recipients.added).toContainEqual({ organization: 'sample-employer', system: 'sample-employer-ats', category: 'rn2020-decline-score', flow: 'sample-employer-scores-named', derived: true });
    expect(diff.introduced.filter((f: { target: { id: string } }) => f.target.id === 'sample-employer-scores-named').length).toBeGreaterThan(0);
    const version = await gql(app, `query ($map: String!) { map(name: $map) { version } }`, { map: rikunabi });
    expect(version.data.map.version).toBe(1);
  });

  it('gives the same problems with the same paths for the typed input and the document', async () => {
    const typed = await gql(app, PROPOSE, { map: rikunabi, change: { upsert: { flows: [{ id: 'x', from: 'nowhere', to: 'dmp-follow-model', dataCategories: ['rn2020-name'], basis: 'CONSENT' }] }, remove: { purposes: ['job-matching'] } } });
    const text = await gql(app, PROPOSE, {
      map: rikunabi,
      content: JSON.stringify({ tadoru: 1, upsert: { flows: [{ id: 'x', from: 'nowhere', to: 'dmp-follow-model', dataCategories: ['rn2020-name'], basis: 'CONSENT' }] }, remove: { purposes: ['job-matching'] } }),
    });
    for (const res of [typed, text]) {
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.problems?.map((p) => p.path)).toEqual(expect.arrayContaining(['upsert.flows[0].from', 'remove.purposes[0]']));
    }
    expect(typed.errors?.[0].extensions?.problems).toEqual(text.errors?.[0].extensions?.problems);
    const both = await gql(app, PROPOSE, { map: rikunabi, content: yamlChange, change: { remove: { purposes: ['x'] } } });
    expect(both.errors?.[0].extensions?.problems?.[0].path).toBe('change');
  });

  it('applies with failOn refusing, then applies; a stale version is CONFLICT; map(version:) before and after answer differently', async () => {
    const refused = await gql(app, APPLY, { map: rikunabi, content: yamlChange, v: 1, failOn: 'high' });
    expect(refused.errors).toBeUndefined();
    expect(refused.data.applyChange).toMatchObject({ applied: false, diff: { version: null } });
    const architect = await createTestKey(app, uniqueMapName('aiko'), Role.ARCHITECT);
    const applied = await gql(app, APPLY, { map: rikunabi, content: yamlChange, v: 1 }, { key: architect });
    expect(applied.errors).toBeUndefined();
    expect(applied.data.applyChange).toMatchObject({ applied: true, diff: { baseVersion: 1, version: 2 } });
    const stale = await gql(app, APPLY, { map: rikunabi, change: { retire: { flows: [{ id: 'toyota-scores-named', on: '2019-07-31' }] } }, v: 1 });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    const before = await gql(app, RECIPIENTS_AT, { map: rikunabi, version: 1 });
    const after = await gql(app, RECIPIENTS_AT, { map: rikunabi, version: null });
    expect(before.errors).toBeUndefined();
    expect(after.errors).toBeUndefined();
    expect(before.data.map.version).toBe(1);
    expect(after.data.map.version).toBe(2);
    const orgs = (res: typeof before) => new Set(res.data.map.recipients.rows.map((r: { organizationId: string }) => r.organizationId));
    expect(orgs(before).has('sample-employer')).toBe(false);
    expect(orgs(after).has('sample-employer')).toBe(true);
    const missing = await gql(app, RECIPIENTS_AT, { map: rikunabi, version: 99 });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const history = await gql(app, `query ($map: String!) { changes(map: $map) { nodes { version kind actor { name role } description changeSet elementChanges { section id kind } } } }`, { map: rikunabi });
    expect(history.errors).toBeUndefined();
    expect(history.data.changes.nodes[0]).toMatchObject({ version: 2, kind: 'change', actor: { role: 'ARCHITECT' } });
    expect(history.data.changes.nodes[0].actor.name).toMatch(/^aiko-/);
    expect(JSON.parse(history.data.changes.nodes[0].changeSet).description).toContain('one more client employer');
    // The import is recorded as the change it amounts to: every element of the map upserted.
    const imported = history.data.changes.nodes[1];
    expect(imported).toMatchObject({ version: 1, kind: 'import' });
    expect(JSON.parse(imported.changeSet).upsert.flows).toHaveLength(90);
    expect(history.data.changes.nodes[0].elementChanges).toContainEqual({ section: 'flows', id: 'sample-employer-scores-named', kind: 'added' });
    const compared = await gql(app, `query ($map: String!) { compareVersions(map: $map, from: 1, to: 2) { diff { recipients { added { organization } } } changes { version } } }`, { map: rikunabi });
    expect(compared.errors).toBeUndefined();
    expect(compared.data.compareVersions.changes).toEqual([{ version: 2 }]);
  });

  it('review: submit, list, approve onto the base; a request that went stale is CONFLICT with a fresh diff', async () => {
    const name = uniqueMapName('review');
    expect((await gql(app, IMPORT, { input: { content: serializeMap(smallMap(name)) } })).errors).toBeUndefined();
    const flow = (id: string) => ({ upsert: { flows: [{ id, from: 'model', to: 'ats', dataCategories: ['name'], basis: 'CONSENT' }] } });
    const submit = `mutation ($map: String!, $change: ChangeSetInput) { submitChange(map: $map, change: $change) { id state baseVersion author { name } } }`;
    const first = await gql(app, submit, { map: name, change: flow('r1') });
    const second = await gql(app, submit, { map: name, change: flow('r2') });
    expect(first.errors).toBeUndefined();
    expect(first.data.submitChange).toMatchObject({ state: 'PENDING', baseVersion: 1 });
    const listed = await gql(app, `query ($map: String) { changeRequests(map: $map, state: "PENDING") { nodes { id } } }`, { map: name });
    expect(listed.data.changeRequests.nodes.map((n: { id: string }) => n.id).sort()).toEqual([first.data.submitChange.id, second.data.submitChange.id].sort());
    const approve = `mutation ($id: String!) { approveChange(id: $id, comment: "ok") { state appliedVersion reviewer { name } } }`;
    const ok = await gql(app, approve, { id: first.data.submitChange.id });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.approveChange).toMatchObject({ state: 'APPROVED', appliedVersion: 2 });
    const stale = await gql(app, approve, { id: second.data.submitChange.id });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((stale.errors?.[0].extensions as { diff?: { baseVersion: number } }).diff?.baseVersion).toBe(2);
    const reject = await gql(app, `mutation ($id: String!) { rejectChange(id: $id) { state } }`, { id: second.data.submitChange.id });
    expect(reject.errors?.[0].extensions?.problems?.[0].path).toBe('comment');
  });

  describe('tadoru propose and apply', () => {
    let name: string;
    let change: string;
    beforeAll(async () => {
      name = uniqueMapName('cli');
      expect((await gql(app, IMPORT, { input: { content: serializeMap(smallMap(name)) } })).errors).toBeUndefined();
      change = join(dir, 'change.yaml');
      writeFileSync(change, ['tadoru: 1', 'description: a score to the vendor', 'upsert:', '  flows:', '    - {id: cli-flow, from: model, to: backup, dataCategories: [score], basis: CONSENT}'].join('\n'));
    });

    it('proposes (json: exactly the diff document), writing nothing', () => {
      const result = tadoru('propose', change, '--map', name, '--format', 'json');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const diff = JSON.parse(result.stdout);
      expect(Object.keys(diff).sort()).toEqual(['baseVersion', 'changed', 'elements', 'introduced', 'map', 'recipients', 'resolved', 'summary', 'version']);
      expect(diff).toMatchObject({ map: name, baseVersion: 1, version: null, elements: { added: 1 } });
      expect(tadoru('propose', change, '--map', name, '--format', 'markdown').stdout).toContain('cli-flow');
    });

    it('applies with the exit codes of the spec: 1 on --fail-on, 4 on a stale version, 2 on an invalid change, 0 applied', () => {
      const failing = tadoru('apply', change, '--map', name, '--expected-version', '1', '--fail-on', 'low', '--format', 'json');
      // A score sent abroad on a consent nobody gave: it introduces findings, so --fail-on low refuses it.
      expect(JSON.parse(failing.stdout).introduced.length).toBeGreaterThan(0);
      expect(failing.status).toBe(1);
      expect(failing.stderr).toContain('not applied');
      const stale = tadoru('apply', change, '--map', name, '--expected-version', '7');
      expect(stale.status).toBe(4);
      expect(stale.stderr).toContain('CONFLICT'.toLowerCase());
      const invalid = join(dir, 'invalid.yaml');
      writeFileSync(invalid, 'tadoru: 1\nupsert:\n  flows:\n    - {id: bad, from: nowhere, to: ats, dataCategories: [name], basis: CONSENT}\n');
      const rejected = tadoru('apply', invalid, '--map', name, '--expected-version', '1');
      expect(rejected.status).toBe(2);
      expect(rejected.stderr).toContain('upsert.flows[0].from');
      const applied = tadoru('apply', change, '--map', name, '--expected-version', '1', '--format', 'json');
      expect(applied.status).toBe(0);
      expect(JSON.parse(applied.stdout)).toMatchObject({ baseVersion: 1, version: 2 });
      expect(tadoru('apply', change, '--map', name).status).toBe(2);
    });

    it('talks to a running service with --url and an API key; a bad key is refused (exit 5)', async () => {
      await app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const architect = await createTestKey(app, uniqueMapName('url'), Role.ARCHITECT);
      const proposed = await tadoruAsync('propose', change, '--map', name, '--url', url, '--key', architect, '--format', 'json');
      expect(proposed.stderr).toBe('');
      expect(proposed.status).toBe(0);
      expect(JSON.parse(proposed.stdout)).toMatchObject({ map: name, version: null });
      const refused = await tadoruAsync('propose', change, '--map', name, '--url', url, '--key', 'tdr_not-a-key');
      expect(refused.status).toBe(5);
      expect(refused.stderr).toMatch(/refused/);
      const stale = await tadoruAsync('apply', change, '--map', name, '--url', url, '--key', architect, '--expected-version', '1');
      expect(stale.status).toBe(4);
      const auditor = await createTestKey(app, uniqueMapName('auditor'), Role.AUDITOR);
      const forbidden = await tadoruAsync('apply', change, '--map', name, '--url', url, '--key', auditor, '--expected-version', '2');
      expect(forbidden.status).toBe(5);
      expect(forbidden.stderr).toContain('AUDITOR');
    });
  });
});
