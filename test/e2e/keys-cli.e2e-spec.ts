import { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTH_CACHE_MS } from '@tadoru/auth';
import { codesOf, createTestApi, gql, TEST_SECRET } from '../support/test-api';
import { uniqueMapName } from '../support/test-database';

const ROOT = join(__dirname, '../..');

describe('tadoru keys (the built command, against the test database)', () => {
  let app: INestApplication;
  let dataDir: string;

  /**
   * The CLI with the test app's secret, so the API accepts the keys it makes. Run asynchronously: the
   * app in this process must go on (it records when a key was last used in a write of its own).
   */
  function tadoru(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, 'bin/tadoru.js'), ...args],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEO4J_URI: process.env.TADORU_TEST_NEO4J_URI, TADORU_SECRET: TEST_SECRET, TADORU_DATA_DIR: dataDir }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tadoru-keys-cli-'));
    app = await createTestApi({ loopbackAccess: 'off' });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a key (printed once, on stdout), lists it without key or hash, and revokes it by name', async () => {
    const name = uniqueMapName('cli-dpo');
    const created = await tadoru('keys', 'create', '--name', name, '--role', 'dpo');
    expect(created.stderr).toContain(`created API key "${name}" (role DPO`);
    expect(created.stderr).toContain('it will not be shown again');
    expect(created.status).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^tdr_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).not.toContain(key);
    expect((await gql(app, '{ viewer { name role } }', {}, { key })).data.viewer).toEqual({ name, role: 'DPO' });

    const listed = await tadoru('keys', 'list');
    expect(listed.status).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.startsWith(`${name} `)) as string;
    expect(line).toMatch(new RegExp(`^${name}\\s+DPO\\s+${key.slice(0, 12).replace(/[-]/g, '\\-')}\\s+\\d{4}-`));
    expect(listed.stdout).toMatch(/^NAME\s+ROLE\s+PREFIX\s+CREATED\s+REVOKED\s+LAST USED\s+ID/);
    expect(listed.stdout).not.toContain(key);
    expect(listed.stdout).not.toMatch(/[0-9a-f]{64}/);
    const json = JSON.parse((await tadoru('keys', 'list', '--format', 'json')).stdout) as Array<Record<string, unknown>>;
    const entry = json.find((k) => k.name === name) as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'role']);

    const revoked = await tadoru('keys', 'revoke', name);
    expect(revoked.stderr).toBe('');
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(`revoked API key "${name}" (role DPO, id ${entry.id as string})`);
    await new Promise((resolve) => setTimeout(resolve, AUTH_CACHE_MS + 200));
    expect(codesOf(await gql(app, '{ viewer { name } }', {}, { key }))).toEqual(['UNAUTHENTICATED']);
    expect((await tadoru('keys', 'list', '--format', 'json')).stdout).toContain('"revokedAt":"');
  });

  it('creates with --format json, revokes by id, and says what is wrong with a bad name, role or reference', async () => {
    const name = uniqueMapName('cli-json');
    const created = JSON.parse((await tadoru('keys', 'create', '--name', name, '--role', 'AUDITOR', '--format', 'json')).stdout) as Record<string, string>;
    expect(created).toMatchObject({ name, role: 'AUDITOR', key: expect.stringMatching(/^tdr_/), id: expect.any(String) });
    expect((await tadoru('keys', 'revoke', created.id)).stdout).toContain(`revoked API key "${name}"`);

    const badRole = await tadoru('keys', 'create', '--name', 'ok-name', '--role', 'root');
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('invalid input: role: must be one of ADMIN, ARCHITECT, DPO, AUDITOR');
    const badName = await tadoru('keys', 'create', '--name', 'no spaces', '--role', 'DPO');
    expect(badName.status).toBe(2);
    expect(badName.stderr).toContain('invalid input: name: must be 1 to 64 letters');
    const missing = await tadoru('keys', 'create');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('invalid input: name: is required');
    const unknown = await tadoru('keys', 'revoke', 'no-such-key');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('error (NOT_FOUND): unrevoked API key "no-such-key" not found');
    expect((await tadoru('keys', '--help')).stdout).toContain('create');
  });
});
