import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tadoruDataDir } from '@tadoru/graph';

export const SECRET_FILE = 'server-secret';
const MIN_SECRET_CHARS = 32;

export interface ServerSecret {
  value: Buffer;
  /** Where it came from, for the start-up line (never the secret itself). */
  source: string;
}

/**
 * The key of the HMAC that API keys are stored as: TADORU_SECRET when set (every instance of a
 * deployment and its CLI must share it), else a random secret created once in `server-secret`
 * (mode 0600) in the data directory (TADORU_DATA_DIR, default .data) — the same file for the
 * embedded default and for a NEO4J_URI deployment on one machine. Losing it makes every key stop
 * working (create new ones); it is never stored in the database, so a copy of the database alone
 * cannot check a guessed key.
 */
export function loadServerSecret(env: NodeJS.ProcessEnv = process.env, dataDir: string = tadoruDataDir()): ServerSecret {
  const fromEnv = env.TADORU_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_SECRET_CHARS) throw new Error(`TADORU_SECRET must be at least ${MIN_SECRET_CHARS} characters long (e.g. \`openssl rand -hex 32\`)`);
    return { value: Buffer.from(fromEnv, 'utf8'), source: 'TADORU_SECRET' };
  }
  const file = join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  const value = readFileSync(file, 'utf8').trim();
  if (value.length < MIN_SECRET_CHARS) throw new Error(`${file} holds no usable secret (fewer than ${MIN_SECRET_CHARS} characters); delete it to create a new one (existing API keys then stop working)`);
  return { value: Buffer.from(value, 'utf8'), source: file };
}
