import { INestApplicationContext } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neo4jService } from '@tadoru/graph';
import { createTestContext } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/tadoru.js');
const RIKUNABI = 'examples/rikunabi-2019.yaml';
const FIXTURES = 'test/fixtures/changes';
const BROKER_FEED = `${FIXTURES}/rikunabi-broker-feed.yaml`;
const NEW_PURPOSE = `${FIXTURES}/rikunabi-new-purpose.yaml`;
const BROKER_FEED_INVALID = `${FIXTURES}/rikunabi-broker-feed-invalid.yaml`;
const INVALID_BASE = `${FIXTURES}/invalid-base.yaml`;
const SMALL_BASE = `${FIXTURES}/small-base.yaml`;
const SMALL_OPT_OUT = `${FIXTURES}/small-opt-out.yaml`;

/** Runs the built `tadoru` as a CI job would, from the project root, against the test database. */
function tadoru(args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, NEO4J_URI: process.env.TADORU_TEST_NEO4J_URI, TADORU_DATA_DIR: join(tmpdir(), 'tadoru-check-base-unused') };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: env as NodeJS.ProcessEnv, timeout: 170_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const label = (f: { rule: string; target: { kind: string; id: string } }) => `${f.rule} ${f.target.kind} ${f.target.id}`;

describe('tadoru check PROPOSED --base BASE (the CI gate of shared/spec/changes.md)', () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx.close();
  });

  const leftovers = () => ctx.get(Neo4jService).read('test.leftovers', async (q) => (await q.run('testing/scratch-leftovers', {}))[0]);

  it('fails on a violation the change introduces, names it, lists the new recipients, and keeps nothing', async () => {
    const result = tadoru(['check', RIKUNABI, BROKER_FEED, '--base', RIKUNABI, '--format', 'json']);
    expect(result.status).toBe(1);
    const diff = JSON.parse(result.stdout);
    expect(Object.keys(diff)).toEqual(['map', 'baseVersion', 'version', 'introduced', 'resolved', 'changed', 'recipients', 'elements', 'summary']);
    expect(diff).toMatchObject({ map: 'rikunabi-2019', baseVersion: null, version: null, resolved: [], elements: { added: 3, changed: 0, retired: 0, removed: 0 } });
    // Only the new flow is new: every finding the Rikunabi map already had is left out.
    expect(diff.introduced.map(label)).toEqual(['APPI-27-2 flow broker-feed', 'APPI-29 flow broker-feed']);
    const optOut = diff.introduced[0];
    expect(Object.keys(optOut)).toEqual(['rule', 'severity', 'target', 'affectedPeople', 'path', 'message', 'messageJa']);
    expect(optOut).toMatchObject({ severity: 'critical', path: ['rikunabi-2020', 'broker-list'], message: expect.stringContaining('has not filed its opt-out provision') });
    expect(diff.summary).toEqual({ introduced: { critical: 1, high: 0, medium: 1, low: 0 }, resolved: { critical: 0, high: 0, medium: 0, low: 0 } });
    expect(diff.recipients).toEqual({
      added: [
        { organization: 'list-broker', system: 'broker-list', category: 'rn2020-email', flow: 'broker-feed', purposes: ['recruiting-support'], derived: false },
        { organization: 'list-broker', system: 'broker-list', category: 'rn2020-name', flow: 'broker-feed', purposes: ['recruiting-support'], derived: false },
      ],
      removed: [],
    });
    // Findings present before and after are not introduced, even where their message now names the broker.
    for (const c of diff.changed) expect(diff.introduced.map(label)).not.toContain(label(c));
    expect(await leftovers()).toEqual({ maps: 0, elements: 0 });
  });

  it('prints the pull-request comment in Markdown; --fail-on none passes and --fail-on critical still fails', () => {
    const md = tadoru(['check', RIKUNABI, BROKER_FEED, '--base', RIKUNABI, '--format', 'markdown', '--fail-on', 'critical']);
    expect(md.status).toBe(1);
    expect(md.stdout.startsWith('## ❌ tadoru: this change introduces 2 findings (1 critical, 1 medium)\n')).toBe(true);
    expect(md.stdout).toContain('| critical | APPI-27-2 | flow `broker-feed` |  | rikunabi-2020 → broker-list |');
    expect(md.stdout).toContain('| `list-broker` | `broker-list` | `rn2020-name` | no | `broker-feed` | recruiting-support |');
    expect(md.stdout.split('\n').filter((l) => l !== l.trimEnd())).toEqual([]);
    const none = tadoru(['check', SMALL_OPT_OUT, '--base', SMALL_BASE, '--format', 'json', '--fail-on', 'none']);
    expect(none.status).toBe(0);
    expect(JSON.parse(none.stdout).introduced.map(label)).toEqual(['APPI-27-2 flow f', 'APPI-29 flow f']);
  });

  it('passes two identical maps with an empty diff', () => {
    const result = tadoru(['check', RIKUNABI, '--base', RIKUNABI, '--format', 'json', '--fail-on', 'low']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      map: 'rikunabi-2019',
      baseVersion: null,
      version: null,
      introduced: [],
      resolved: [],
      changed: [],
      recipients: { added: [], removed: [] },
      elements: { added: 0, changed: 0, retired: 0, removed: 0 },
      summary: { introduced: { critical: 0, high: 0, medium: 0, low: 0 }, resolved: { critical: 0, high: 0, medium: 0, low: 0 } },
    });
  });

  it('never fails on findings the base already had', () => {
    // The Rikunabi map has critical findings; the change adds a purpose and none.
    const result = tadoru(['check', RIKUNABI, NEW_PURPOSE, '--base', RIKUNABI, '--format', 'table', '--fail-on', 'low']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('this change introduces no finding\n');
    expect(result.stdout).toContain('introduced findings: none\n');
    expect(result.stdout).toMatch(/elements: 1 added, 0 changed, 0 retired, 0 removed\n$/);
  });

  it('lists a finding the change removes as resolved, and the organization that no longer receives', () => {
    const result = tadoru(['check', SMALL_BASE, '--base', SMALL_OPT_OUT, '--format', 'json']);
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff.introduced).toEqual([]);
    expect(diff.resolved.map(label)).toEqual(['APPI-27-2 flow f', 'APPI-29 flow f']);
    expect(diff.summary.resolved).toEqual({ critical: 1, high: 0, medium: 1, low: 0 });
    expect(diff.recipients).toEqual({ added: [], removed: [{ organization: 'b', system: 'y', category: 'c', flow: 'f', purposes: [], derived: false }] });
    expect(diff.elements).toEqual({ added: 0, changed: 0, retired: 0, removed: 1 });
  });

  it('rejects an invalid proposed map with exit 2, naming the side, the file and the path', () => {
    const json = tadoru(['check', RIKUNABI, BROKER_FEED_INVALID, '--base', RIKUNABI, '--format', 'json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      errors: [
        { side: 'proposed', file: BROKER_FEED_INVALID, path: 'flows[0].to', message: 'unknown system "broker-lst"' },
        { side: 'proposed', file: BROKER_FEED_INVALID, path: 'flows[0].dataCategories[1]', message: 'unknown data category "rn2020-mail"' },
      ],
    });
    const table = tadoru(['check', RIKUNABI, BROKER_FEED_INVALID, '--base', RIKUNABI]);
    expect(table.status).toBe(2);
    expect(table.stderr).toContain(`proposed map ${BROKER_FEED_INVALID}: flows[0].to: unknown system "broker-lst"`);
  });

  it('rejects an invalid base map with exit 2, and reports the problems of both sides at once', () => {
    const json = tadoru(['check', SMALL_BASE, '--base', INVALID_BASE, '--format', 'json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).errors).toEqual([
      { side: 'base', file: INVALID_BASE, path: 'flows[0].to', message: 'unknown system "dmp"' },
      { side: 'base', file: INVALID_BASE, path: 'flows[0].dataCategories[0]', message: 'unknown data category "c"' },
    ]);
    const both = tadoru(['check', RIKUNABI, BROKER_FEED_INVALID, '--base', INVALID_BASE, `${FIXTURES}/missing.yaml`, '--format', 'json']);
    expect(both.status).toBe(2);
    expect(JSON.parse(both.stdout).errors.map((e: { side: string; path: string }) => `${e.side} ${e.path}`)).toEqual(['base (file)', 'proposed flows[0].to', 'proposed flows[0].dataCategories[1]']);
  });

  it('rejects --as-of with --base and bad options with exit 2, naming the option', () => {
    for (const [args, path] of [
      [['--as-of', '2019-05-01'], '--as-of'],
      [['--fail-on', 'severe'], '--fail-on'],
      [['--format', 'xml'], '--format'],
    ] as const) {
      const result = tadoru(['check', SMALL_OPT_OUT, '--base', SMALL_BASE, ...args]);
      expect(result.status).toBe(2);
      expect(result.stdout + result.stderr).toContain(path);
    }
  });

  it('explains the gate in --help', () => {
    const help = tadoru(['check', '--help']);
    expect(help.status).toBe(0);
    for (const word of ['--base', 'introduced', 'base or proposed']) expect(help.stdout).toContain(word);
  });
});
