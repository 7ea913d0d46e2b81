import { INestApplicationContext } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neo4jService } from '@tadoru/graph';
import { createTestContext } from '../support/test-database';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/tadoru.js');
const RIKUNABI = join(ROOT, 'examples/rikunabi-2019.yaml');

/** Runs the built `tadoru` as a user would; against the test database unless `env` says otherwise. */
function tadoru(args: string[], env: Record<string, string | undefined> = { NEO4J_URI: process.env.TADORU_TEST_NEO4J_URI }) {
  const merged: Record<string, string | undefined> = { ...process.env, TADORU_DATA_DIR: join(tmpdir(), 'tadoru-check-unused'), ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: merged as NodeJS.ProcessEnv,
    timeout: 170_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tadoru check (the contract in shared/spec/data-map.md)', () => {
  let ctx: INestApplicationContext;
  let dir: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    dir = mkdtempSync(join(tmpdir(), 'tadoru-check-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ctx.close();
  });

  const leftovers = () => ctx.get(Neo4jService).read('test.leftovers', async (q) => (await q.run('testing/scratch-leftovers', {}))[0]);

  it('prints exactly one JSON document with the Rikunabi findings, exits 1, and leaves no trace in the shared database', async () => {
    const result = tadoru(['check', RIKUNABI, '--format', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['map', 'findings', 'summary']);
    expect(report.map).toBe('rikunabi-2019');
    expect(Object.keys(report.summary)).toEqual(['critical', 'high', 'medium', 'low']);
    const f = report.findings.find((x: any) => x.rule === 'APPI-27-1' && x.target.id === 'toyota-scores-named');
    expect(Object.keys(f)).toEqual(['rule', 'severity', 'target', 'affectedPeople', 'path', 'message', 'messageJa']);
    expect(f).toMatchObject({ severity: 'critical', target: { kind: 'flow', id: 'toyota-scores-named' }, affectedPeople: 7983 });
    expect(f.path[f.path.length - 1]).toBe('toyota-ats');
    expect(f.path).toContain('dmp-follow-model');
    const count = (s: string) => report.findings.filter((x: any) => x.severity === s).length;
    expect(report.summary).toEqual({ critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low') });
    expect(await leftovers()).toEqual({ maps: 0, elements: 0 });
  });

  it('exits by --fail-on: none never fails, a threshold above every finding passes', () => {
    const none = tadoru(['check', RIKUNABI, '--format', 'json', '--fail-on', 'none']);
    expect(none.status).toBe(0);
    const clean = join(dir, 'clean.yaml');
    writeFileSync(
      clean,
      [
        'tadoru: 1',
        'map: clean',
        'organizations: [{ id: a, name: A, country: JP }, { id: b, name: B, country: JP }]',
        'subjects: [{ id: s, name: S }]',
        'dataCategories: [{ id: c, name: C, subject: s, class: PERSONAL }]',
        'systems: [{ id: x, name: X, operator: a }, { id: y, name: Y, operator: b }]',
        'flows: [{ id: f, from: x, to: y, dataCategories: [c], basis: OPT_OUT }]',
      ].join('\n'),
    );
    // Only APPI-27-2 (opt-out not filed, critical) and APPI-29 (records, medium) apply.
    const medium = tadoru(['check', clean, '--format', 'json', '--fail-on', 'low']);
    expect(medium.status).toBe(1);
    expect(JSON.parse(medium.stdout).findings.map((x: any) => x.rule).sort()).toEqual(['APPI-27-2', 'APPI-29']);
    const filed = join(dir, 'filed.yaml');
    writeFileSync(filed, readFileSync(clean, 'utf8').replace('{ id: a, name: A, country: JP }', '{ id: a, name: A, country: JP, optOutFiled: true }'));
    expect(tadoru(['check', filed, '--format', 'json', '--fail-on', 'high']).status).toBe(0);
    expect(tadoru(['check', filed, '--format', 'json', '--fail-on', 'medium']).status).toBe(1);
  });

  it('judges the map as of a date', () => {
    const survey = JSON.parse(tadoru(['check', RIKUNABI, '--format', 'json', '--as-of', '2018-10-01']).stdout);
    const named = JSON.parse(tadoru(['check', RIKUNABI, '--format', 'json', '--as-of', '2019-05-01']).stdout);
    const targets = (r: any) => new Set(r.findings.map((x: any) => x.target.id));
    expect(targets(survey).has('toyota-scores-survey')).toBe(true);
    expect(targets(survey).has('toyota-scores-named')).toBe(false);
    expect(targets(named).has('toyota-scores-named')).toBe(true);
    expect(targets(named).has('toyota-scores-survey')).toBe(false);
  });

  it('prints a table and a Markdown report', () => {
    const table = tadoru(['check', RIKUNABI, '--format', 'table', '--fail-on', 'none']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^map rikunabi-2019\nSEVERITY\s+RULE\s+TARGET\s+PEOPLE\s+PATH\s+MESSAGE/);
    expect(table.stdout).toMatch(/critical\s+APPI-27-1\s+flow toyota-scores-named\s+7,983/);
    expect(table.stdout).toMatch(/\d+ findings: \d+ critical, \d+ high, \d+ medium, 0 low\n$/);
    const md = tadoru(['check', RIKUNABI, '--format', 'markdown', '--fail-on', 'none']);
    expect(md.stdout).toContain('# tadoru check: rikunabi-2019');
    expect(md.stdout).toContain('| critical | APPI-27-1 | flow `toyota-scores-named` | 7,983 |');
  });

  it('rejects an invalid map with exit 2 and every problem with its path, evaluating nothing', () => {
    const file = join(dir, 'invalid.yaml');
    writeFileSync(file, ['tadoru: 1', 'organizations: [{ id: a, name: A, country: JP }]', 'systems: [{ id: s, name: S, operator: a }]', 'flows:', '  - { id: f, from: s, to: dmp, dataCategories: [x], basis: CONSENT }'].join('\n'));
    const json = tadoru(['check', file, '--format', 'json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      errors: [
        { path: 'flows[0].to', message: 'unknown system "dmp"' },
        { path: 'flows[0].dataCategories[0]', message: 'unknown data category "x"' },
      ],
    });
    const table = tadoru(['check', file]);
    expect(table.status).toBe(2);
    expect(table.stderr).toContain('flows[0].to: unknown system "dmp"');
  });

  it('rejects bad options with exit 2, naming the option', () => {
    for (const [args, path] of [
      [['--fail-on', 'severe'], '--fail-on'],
      [['--format', 'xml'], '--format'],
      [['--as-of', '2019-02-30'], '--as-of'],
    ] as const) {
      const result = tadoru(['check', RIKUNABI, ...args]);
      expect(result.status).toBe(2);
      expect(result.stdout + result.stderr).toContain(path);
    }
    expect(tadoru(['check', join(dir, 'missing.yaml'), '--format', 'json']).status).toBe(2);
  });

  it('explains itself with --help', () => {
    const help = tadoru(['check', '--help']);
    expect(help.status).toBe(0);
    for (const word of ['--format', '--fail-on', '--as-of', 'Exit status']) expect(help.stdout).toContain(word);
  });

  it('works with nothing running: starts a temporary embedded Neo4j and keeps nothing', () => {
    const dataDir = join(dir, 'data');
    const result = tadoru(['check', join(ROOT, 'examples/wantedly.yaml'), '--format', 'json'], { NEO4J_URI: undefined, TADORU_DATA_DIR: dataDir });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.map).toBe('wantedly');
    expect(report.findings.some((x: any) => x.rule === 'APPI-28-1' && x.target.id === 'candidate-data-to-sg')).toBe(true);
    expect(result.stderr).toContain('Neo4j');
    // The service's own store was never created, let alone written.
    expect(existsSync(join(dataDir, 'neo4j'))).toBe(false);
  });
});
