import { PERMISSION_NAMES, PERMISSIONS, roleHas } from './permissions';
import { Role, ROLES } from './roles';

describe('the permission table', () => {
  it('is what the issue says', () => {
    const holders = Object.fromEntries(PERMISSION_NAMES.map((p) => [p, [...PERMISSIONS[p]].sort()]));
    expect(holders).toEqual({
      read: ['ADMIN', 'ARCHITECT', 'AUDITOR', 'DPO'],
      identity: ['ADMIN', 'ARCHITECT', 'AUDITOR', 'DPO'],
      import: ['ADMIN', 'ARCHITECT'],
      delete: ['ADMIN'],
      propose: ['ADMIN', 'ARCHITECT'],
      submit: ['ADMIN', 'ARCHITECT'],
      apply: ['ADMIN', 'ARCHITECT'],
      review: ['ADMIN', 'DPO'],
      changeRequests: ['ADMIN', 'ARCHITECT', 'DPO'],
      history: ['ADMIN', 'AUDITOR', 'DPO'],
      reports: ['ADMIN', 'AUDITOR', 'DPO'],
      keys: ['ADMIN'],
    });
  });

  it('gives ADMIN every permission and only ADMIN the keys', () => {
    for (const p of PERMISSION_NAMES) expect(roleHas(Role.ADMIN, p)).toBe(true);
    expect(ROLES.filter((r) => roleHas(r, 'keys'))).toEqual([Role.ADMIN]);
    expect(PERMISSION_NAMES.filter((p) => roleHas(Role.AUDITOR, p)).sort()).toEqual(['history', 'identity', 'read', 'reports']);
  });
});
