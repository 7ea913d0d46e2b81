import { Role } from './roles';

const { ADMIN, ARCHITECT, DPO, AUDITOR } = Role;

/**
 * The single source of truth for authorisation: each permission and the roles that hold it. Every
 * GraphQL resolver and REST handler declares one of these with `@Requires(...)`; one without a
 * declaration is refused (see the API's AuthGuard), so a forgotten decorator fails closed.
 */
export const PERMISSIONS = {
  /** Every map question: maps, map(...) and all its fields (elements, findings, recipients, lineage, personTrace), rules. */
  read: [ADMIN, ARCHITECT, DPO, AUDITOR],
  /** Who the caller is (`viewer`): any valid identity. */
  identity: [ADMIN, ARCHITECT, DPO, AUDITOR],
  /** importMap. */
  import: [ADMIN, ARCHITECT],
  /** deleteMap. */
  delete: [ADMIN],
  /** Proposing a change set to a map. */
  propose: [ADMIN, ARCHITECT],
  /** Submitting a proposal for review. */
  submit: [ADMIN, ARCHITECT],
  /** Applying an approved change. */
  apply: [ADMIN, ARCHITECT],
  /** approveChange, rejectChange. */
  review: [ADMIN, DPO],
  /** Listing change requests. */
  changeRequests: [ADMIN, ARCHITECT, DPO],
  /** The history of a map: changes, comparing versions. */
  history: [ADMIN, AUDITOR, DPO],
  /** Reports. */
  reports: [ADMIN, DPO, AUDITOR],
  /** Creating, listing and revoking API keys. */
  keys: [ADMIN],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
