/**
 * Who may do what is decided by the role of the caller's API key. The four roles of the issue:
 * ADMIN manages keys (and may do everything), ARCHITECT maintains maps, DPO reviews and reports,
 * AUDITOR reads, and sees history and reports.
 */
export enum Role {
  ADMIN = 'ADMIN',
  ARCHITECT = 'ARCHITECT',
  DPO = 'DPO',
  AUDITOR = 'AUDITOR',
}

export const ROLES: readonly Role[] = [Role.ADMIN, Role.ARCHITECT, Role.DPO, Role.AUDITOR];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is asking, as the API and the history know it: the key's name and role (never the key). */
export interface Actor {
  name: string;
  role: Role;
  /** The id of the API key used; absent for the local admin of loopback access. */
  keyId?: string;
}

/** The identity of a request without a key from this machine, when loopback access is on. */
export const LOCAL_ADMIN: Actor = Object.freeze({ name: 'local-admin', role: Role.ADMIN });
