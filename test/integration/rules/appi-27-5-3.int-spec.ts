import { INestApplicationContext } from '@nestjs/common';
import { DataMap, Flow, SharedUse } from '@tadoru/map';
import { baseMap, findingsOfRule } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-27-5-3';

/**
 * The job site declares joint use of names for matching within its group (grp: site and sister),
 * managed by itself, and sends names to the sister company under that declaration.
 */
function mapWith(flow: Partial<Flow>, sharedUse: Partial<SharedUse> | null = {}): DataMap {
  const declaration: SharedUse = { users: ['grp'], dataCategories: ['name'], purposes: ['matching'], manager: 'site', ...sharedUse };
  return baseMap({
    notices: [
      { id: 'group-policy', organization: 'site', publishedAt: '2019-01-01', purposes: ['matching'], ...(sharedUse === null ? {} : { sharedUse: declaration }) },
    ],
    flows: [{ id: 'to-sister', from: 'site-web', to: 'sister-app', dataCategories: ['name'], purposes: ['matching'], basis: 'SHARED_USE', notice: 'group-policy', ...flow } as Flow],
  });
}

describe(`${RULE}: joint use outside its declaration`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('does not fire on joint use within a complete declaration naming the recipient through its group', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({}))).size).toBe(0);
  });

  it('does not fire when the recipient is named directly, inside or outside the group', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({}, { users: ['site', 'sister'] }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'employer-ats' }, { users: ['grp', 'employer'] }))).size).toBe(0);
  });

  it('fires when the flow names no notice', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ notice: undefined }))).get('to-sister');
    expect(f).toMatchObject({
      severity: 'high',
      target: { kind: 'flow', id: 'to-sister' },
      affectedPeople: null,
      reason: 'no-notice',
      organizations: ['site', 'sister'],
    });
    expect(f?.path).toEqual(['site-web', 'sister-app']);
    expect(f?.message).toContain('Flow to-sister shares name from site with sister as joint use, but names no notice');
    expect(f?.messageJa).toContain('共同利用を通知・公表した通知が示されていない');
  });

  it('fires when the notice declares no joint use', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({}, null))).get('to-sister');
    expect(f).toMatchObject({ severity: 'high', affectedPeople: null, reason: 'no-shared-use' });
    expect(f?.message).toContain('under notice group-policy, but that notice declares no joint use');
  });

  it('fires when the declaration names no manager', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({}, { manager: undefined }))).get('to-sister');
    expect(f).toMatchObject({ severity: 'high', affectedPeople: null, reason: 'no-manager' });
    expect(f?.evidence).toMatchObject({ reasons: ['no-manager'], manager: null });
    expect(f?.message).toBe(
      'Flow to-sister shares name from site with sister as joint use under notice group-policy, but its joint-use declaration names no manager responsible for the data.',
    );
    expect(f?.messageJa).toContain('管理責任者が定められていない');
  });

  it('fires when the recipient is not among the users, directly or through its group', async () => {
    // Outside the group, and not named.
    const f = (await findingsOfRule(ctx, RULE, mapWith({ to: 'employer-ats' }))).get('to-sister');
    expect(f).toMatchObject({ severity: 'high', affectedPeople: null, reason: 'recipient-not-user', organizations: ['site', 'employer'] });
    expect(f?.message).toContain('does not name employer, directly or through its group, among the joint users (grp)');
    expect(f?.messageJa).toContain('共同利用者の範囲（grp）に employer は');
    // In the group, but the declaration names only a sibling, not the group.
    expect((await findingsOfRule(ctx, RULE, mapWith({}, { users: ['site'] }))).get('to-sister')).toMatchObject({ reason: 'recipient-not-user' });
    // No users at all.
    expect((await findingsOfRule(ctx, RULE, mapWith({}, { users: undefined }))).get('to-sister')).toMatchObject({ reason: 'recipient-not-user' });
  });

  it('fires when a category or a purpose of the flow is not listed, naming what is missing', async () => {
    const byCategory = (await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['name', 'health'] }))).get('to-sister');
    expect(byCategory).toMatchObject({ severity: 'high', affectedPeople: null, reason: 'not-listed' });
    expect(byCategory?.evidence).toMatchObject({ unlistedCategories: ['health'], unlistedPurposes: [] });
    expect(byCategory?.message).toContain('its declaration does not list the categories health of the flow.');
    expect(byCategory?.messageJa).toContain('このフローの項目（health）が含まれていない');
    expect(byCategory?.pathSteps.at(-1)).toMatchObject({ kind: 'FLOW', via: 'to-sister', fromCategory: 'health' });

    const byPurpose = (await findingsOfRule(ctx, RULE, mapWith({ purposes: ['matching', 'ads'] }))).get('to-sister');
    expect(byPurpose).toMatchObject({ reason: 'not-listed' });
    expect(byPurpose?.evidence).toMatchObject({ unlistedCategories: [], unlistedPurposes: ['ads'] });
    expect(byPurpose?.message).toContain('does not list the purposes ads of the flow.');

    const both = (await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['browsing'], purposes: ['ads'] }, { dataCategories: undefined }))).get('to-sister');
    expect(both?.message).toContain('does not list the categories browsing and the purposes ads of the flow.');
    expect(both?.messageJa).toContain('項目（browsing）及び利用目的（ads）');
  });

  it('reports one finding per flow when several defects of the declaration hold: the first as reason, the others in the message', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ to: 'employer-ats', purposes: ['ads'] }, { manager: undefined }))).get('to-sister');
    expect(f).toMatchObject({ reason: 'no-manager' });
    expect(f?.evidence.reasons).toEqual(['no-manager', 'recipient-not-user', 'not-listed']);
    expect(f?.message).toContain('Also, it does not name employer among the joint users; and it does not list the purposes ads of the flow.');
    expect(f?.messageJa).toContain('また、共同利用者の範囲に employer が含まれていない。また、このフローの利用目的（ads）が記載されていない。');
  });

  it('near-misses: another basis, or a flow inside one organization', async () => {
    for (const basis of ['CONSENT', 'ENTRUSTMENT', 'INTERNAL', 'OPT_OUT'] as const) {
      expect((await findingsOfRule(ctx, RULE, mapWith({ basis, notice: undefined }))).size).toBe(0);
    }
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'site-db', notice: undefined }))).size).toBe(0);
  });

  it('with --as-of, judges only the flows running that day', async () => {
    const map = mapWith({ notice: undefined, validFrom: '2019-03-01', validTo: '2019-06-30' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-03-01' })).get('to-sister')).toMatchObject({ reason: 'no-notice' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-06-30' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-07-01' })).size).toBe(0);
  });
});
