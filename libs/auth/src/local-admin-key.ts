import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConflictError } from '@tadoru/common';
import { ApiKeysService } from './api-keys.service';
import { Role } from './roles';

export const ADMIN_KEY_FILE = 'admin-key';

export interface LocalAdminKey {
  /** The file that holds a working admin key, or undefined when the admin keys were made another way. */
  file?: string;
  created: boolean;
}

/**
 * First start of the embedded default: when no unrevoked ADMIN key exists, one named `local-admin`
 * is created and written to `admin-key` (mode 0600) in the data directory. The key itself is never
 * printed or logged; the caller says where the file is. A file whose key still works is reported
 * again on later starts; a stale one (its key revoked) is left alone and not reported.
 */
export async function ensureLocalAdminKey(keys: ApiKeysService, dataDir: string): Promise<LocalAdminKey> {
  const file = join(dataDir, ADMIN_KEY_FILE);
  if ((await keys.countActive(Role.ADMIN)) > 0) {
    const existing = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
    const actor = existing ? await keys.authenticate(existing) : null;
    return { file: actor?.role === Role.ADMIN ? file : undefined, created: false };
  }
  let created;
  try {
    created = await keys.create('local-admin', Role.ADMIN);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    created = await keys.create(`local-admin-${Date.now().toString(36)}`, Role.ADMIN);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${created.key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { file, created: true };
}
