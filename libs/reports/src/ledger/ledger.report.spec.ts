import { DataCategoryRow, FlowRow, OrganizationRow } from '@tadoru/catalog';
import { classify, recordRow } from './ledger.report';
import { LedgerFlowDetails } from './ledger.repository';

const org = (id: string, country = 'JP', extra: Partial<OrganizationRow> = {}) => ({ id, name: `${id} Co.`, country, roles: [], optOutFiled: false, ...extra }) as unknown as OrganizationRow;
const category = (id: string, cls: string) => ({ id, name: id, class: cls, subject: 'person' }) as unknown as DataCategoryRow;
const flow = (id: string, basis: string, dataCategories: string[], extra: Partial<FlowRow> = {}) =>
  ({ id, from: 'a-sys', to: 'b-sys', sender: 'a', recipient: 'b', basis, dataCategories, purposes: [], recordsKept: false, equivalentMeasures: false, recipientCanIdentify: null, crossOrganization: true, recipientCountry: 'JP', ...extra }) as unknown as FlowRow;

function context(recipientCountry = 'JP', findings: Record<string, string[]> = {}) {
  return {
    organizations: new Map([['a', org('a')], ['b', org('b', recipientCountry)]]),
    categories: new Map([['name', category('name', 'PERSONAL')], ['cookie', category('cookie', 'PERSONALLY_REFERABLE')], ['stats', category('stats', 'STATISTICAL')]]),
    findings: new Map(Object.entries(findings).map(([k, v]) => [k, new Set(v)])),
  };
}

const details = (extra: Partial<LedgerFlowDetails> = {}): LedgerFlowDetails => ({
  flow: 'f', categories: [{ id: 'name', name: 'Name', class: 'PERSONAL', subject: 'person' }], peopleTotal: 1, headcount: 10, consentedHeadcount: 10,
  people: [{ id: 'p', count: 10, consented: true }], consentNotices: ['n'], collectionTotal: 0, collections: [], derivationTotal: 0, derivations: [], receivedTotal: 0, received: [], ...extra,
});

describe('ledger: which flows need which record', () => {
  it('a personal-data provision needs a provision and a receipt record', () => {
    expect(classify(flow('f', 'CONSENT', ['name']), context())).toMatchObject({ records: ['provision', 'receipt'], foreign: false });
  });

  it('entrustment, succession, joint use, internal use and legal exceptions need none at home', () => {
    for (const [basis, reason] of [['ENTRUSTMENT', 'entrustment'], ['SUCCESSION', 'succession'], ['SHARED_USE', 'shared-use'], ['INTERNAL', 'internal'], ['LAW', 'law']]) {
      expect(classify(flow('f', basis, ['name']), context())).toEqual(expect.objectContaining({ excluded: reason }));
    }
  });

  it('abroad, entrustment is a provision unless the recipient is in an adequate country or bound to equivalent measures; legal exceptions stay exempt', () => {
    expect(classify(flow('f', 'ENTRUSTMENT', ['name']), context('SG'))).toMatchObject({ records: ['provision', 'receipt'], foreign: true });
    expect(classify(flow('f', 'ENTRUSTMENT', ['name']), context('DE'))).toMatchObject({ excluded: 'entrustment' });
    expect(classify(flow('f', 'ENTRUSTMENT', ['name'], { equivalentMeasures: true }), context('SG'))).toMatchObject({ excluded: 'entrustment' });
    expect(classify(flow('f', 'LAW', ['name']), context('SG'))).toMatchObject({ excluded: 'law' });
  });

  it('personally referable data needs an Art. 31(3) record only towards a recipient that can identify (declared, or inferred by APPI-31-1)', () => {
    expect(classify(flow('f', 'NOT_PERSONAL', ['cookie'], { recipientCanIdentify: true }), context())).toMatchObject({ records: ['personally-referable'] });
    expect(classify(flow('f', 'NOT_PERSONAL', ['cookie']), context())).toMatchObject({ excluded: 'recipient-cannot-identify' });
    expect(classify(flow('f', 'NOT_PERSONAL', ['cookie']), context('JP', { f: ['APPI-31-1', 'APPI-31-1:inferred'] }))).toMatchObject({ records: ['personally-referable'] });
    expect(classify(flow('f', 'NOT_PERSONAL', ['cookie'], { recipientCanIdentify: false }), context('JP', { f: ['APPI-31-1'] }))).toMatchObject({ excluded: 'recipient-cannot-identify' });
    expect(classify(flow('f', 'NOT_PERSONAL', ['stats']), context())).toMatchObject({ excluded: 'no-personal-data' });
  });
});

describe('ledger: the items of a record', () => {
  it('consent is recorded as obtained only when no rule says otherwise', () => {
    expect(recordRow('provision', flow('f', 'CONSENT', ['name']), false, details(), context(), 'en').row.consent).toBe(true);
    const refused = recordRow('provision', flow('f', 'CONSENT', ['name']), false, details(), context('JP', { f: ['APPI-27-1'] }), 'en');
    expect(refused.row.consent).toEqual({ missing: true, requiredBy: 'APPI Rules 20(1)(ii)' });
    expect(refused.missing).toBe(true);
  });

  it('an opt-out record needs its date; a receipt needs the provider’s address, representative, acquisition and the published filing', () => {
    const provision = recordRow('provision', flow('f', 'OPT_OUT', ['name']), false, details(), context(), 'ja');
    expect(provision.row.from).toEqual({ missing: true, requiredBy: 'APPI Rules 20(1)(i)' });
    expect(provision.row.missingItems).toEqual(['提供年月日']);
    const receipt = recordRow('receipt', flow('f', 'OPT_OUT', ['name'], { validFrom: '2020-04-01' }), false, details(), context(), 'ja');
    expect(receipt.row).toMatchObject({ from: '2020-04-01', consent: null, providerAddress: { missing: true, requiredBy: 'APPI Rules 24(1)(i)' }, optOutFiled: { missing: true, requiredBy: 'APPI Rules 24(1)(i)' } });
    expect(receipt.row.missingItems).toEqual(['提供者の住所', '提供者の代表者の氏名', '提供者による取得の経緯', '届出事項が公表されている旨']);
  });
});
