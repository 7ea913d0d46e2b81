import { smallMap } from '../../../../test/fixtures/small-map';
import { recipientsOfMap } from './recipients-of-map';

describe('recipientsOfMap', () => {
  it('lists what cross-organization flows deliver, leaving internal flows out', () => {
    expect(recipientsOfMap(smallMap())).toEqual([
      { organization: 'employer', system: 'ats', category: 'name', flow: 'score-out', purposes: ['selection'], derived: false },
      { organization: 'employer', system: 'ats', category: 'score', flow: 'score-out', purposes: ['selection'], derived: true },
      { organization: 'vendor', system: 'backup', category: 'name', flow: 'to-backup', purposes: [], derived: false },
    ]);
  });

  it('keys by organization, system and category: the smallest flow id, the union of purposes', () => {
    const map = smallMap();
    map.purposes!.push({ id: 'archive', name: 'Archive' });
    map.flows!.push({ id: 'a-second-backup', from: 'model', to: 'backup', dataCategories: ['name'], purposes: ['archive', 'matching'], basis: 'ENTRUSTMENT' });
    const backup = recipientsOfMap(map).filter((r) => r.system === 'backup');
    expect(backup).toEqual([{ organization: 'vendor', system: 'backup', category: 'name', flow: 'a-second-backup', purposes: ['archive', 'matching'], derived: false }]);
  });

  it('counts a flow between two companies of one group as cross-organization, and ignores validity dates', () => {
    const map = smallMap();
    map.organizations!.push({ id: 'sister', name: 'Sister Co.', country: 'JP', group: 'grp' });
    map.systems!.push({ id: 'sister-crm', name: 'CRM', operator: 'sister' });
    map.flows!.push({ id: 'to-sister', from: 'site-web', to: 'sister-crm', dataCategories: ['browsing'], basis: 'SHARED_USE', validFrom: '2010-01-01', validTo: '2010-12-31' });
    expect(recipientsOfMap(map).map((r) => `${r.organization}/${r.system}/${r.category}`)).toEqual(['employer/ats/name', 'employer/ats/score', 'sister/sister-crm/browsing', 'vendor/backup/name']);
  });

  it('is empty for a map without flows', () => {
    expect(recipientsOfMap({ tadoru: 1 })).toEqual([]);
  });
});
