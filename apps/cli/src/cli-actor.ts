import { userInfo } from 'node:os';
import { Actor } from '@tadoru/common';

/** Writes made from this CLI straight to the database: whoever can reach the database is its administrator. */
export function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no user entry (some containers): keep "unknown"
  }
  return { name: `cli:${user}`, role: 'ADMIN' };
}
