import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServerSecret } from './server-secret';

describe('the server secret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tadoru-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is TADORU_SECRET when set, and then no file is written', () => {
    const secret = loadServerSecret({ TADORU_SECRET: 'x'.repeat(40) }, dir);
    expect(secret.value.toString()).toBe('x'.repeat(40));
    expect(secret.source).toBe('TADORU_SECRET');
    expect(() => statSync(join(dir, 'server-secret'))).toThrow();
    expect(() => loadServerSecret({ TADORU_SECRET: 'short' }, dir)).toThrow('TADORU_SECRET must be at least 32 characters');
  });

  it('is otherwise made once, at random, in server-secret with mode 0600, and read back the next time', () => {
    const first = loadServerSecret({}, dir);
    const file = join(dir, 'server-secret');
    expect(first.source).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(loadServerSecret({}, dir).value.equals(first.value)).toBe(true);
    const other = mkdtempSync(join(tmpdir(), 'tadoru-secret-'));
    try {
      expect(loadServerSecret({}, other).value.equals(first.value)).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
