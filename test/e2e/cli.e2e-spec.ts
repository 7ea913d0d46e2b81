import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueMapName } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/tadoru.js');

/** Runs the built `tadoru` command against the test database (NEO4J_URI), as a user would. */
function tadoru(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: process.env.TADORU_TEST_NEO4J_URI, TADORU_DATA_DIR: join(tmpdir(), 'tadoru-cli-unused') },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the tadoru command', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tadoru-cli-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['serve', 'import', 'export', 'migrate', 'schema'])('explains %s with --help', (command) => {
    const result = tadoru(command, '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: tadoru ${command}`);
  });

  it('lists its commands', () => {
    const result = tadoru('--help');
    expect(result.status).toBe(0);
    for (const c of ['serve', 'import', 'export', 'migrate']) expect(result.stdout).toContain(c);
  });

  it('rejects an invalid map with exit status 2, every problem with its path, and writes nothing', () => {
    const name = uniqueMapName('invalid');
    const file = join(dir, 'invalid.yaml');
    writeFileSync(
      file,
      [
        'tadoru: 1',
        `map: ${name}`,
        'organizations:',
        '  - { id: a, name: A, country: JPN }',
        'systems:',
        '  - { id: s, name: S, operator: a, colour: red }',
        'flows:',
        '  - { id: f, from: s, to: dmp, dataCategories: [x], basis: CONSENT }',
      ].join('\n'),
    );
    const result = tadoru('import', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('invalid map: 4 problems');
    expect(result.stderr).toContain('organizations[0].country: must be an ISO 3166-1 alpha-2 country code');
    expect(result.stderr).toContain('systems[0].colour: unknown key "colour"');
    expect(result.stderr).toContain('flows[0].to: unknown system "dmp"');
    expect(result.stderr).toContain('flows[0].dataCategories[0]: unknown data category "x"');
    const exported = tadoru('export', name);
    expect(exported.status).toBe(1);
    expect(exported.stderr).toContain('NOT_FOUND');
  });

  it('reports a missing file as a problem, with exit status 2', () => {
    const result = tadoru('import', join(dir, 'nope.yaml'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/nope\.yaml: \(file\): no such file/);
  });

  it.each(['rikunabi-2019.yaml', 'persol-group.yaml', 'wantedly.yaml'])('imports and exports %s so that the export re-imports unchanged', (example) => {
    const name = uniqueMapName('cli');
    const imported = tadoru('import', join(ROOT, 'examples', example), '--map', name);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`^imported new map "${name}": \\d+ groups?`));

    const out = join(dir, `${name}.yaml`);
    expect(tadoru('export', name, '--out', out).status).toBe(0);
    const again = tadoru('import', out);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`re-imported unchanged map "${name}"`);

    const json = tadoru('export', name, '--format', 'json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).map).toBe(name);
    expect(readFileSync(out, 'utf8')).toContain(`map: ${name}`);
  });

  it('applies migrations once', () => {
    const result = tadoru('migrate');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('the database is up to date');
    expect(tadoru('migrate', '--status').stdout).toMatch(/V0001 unique element ids: applied/);
  });
});
