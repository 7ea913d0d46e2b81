import { DataMap } from '@tadoru/map';
import { Finding, summarise } from '@tadoru/rules';
import { finding } from '../../../test/fixtures/findings';
import { smallMap } from '../../../test/fixtures/small-map';
import { CheckBaseService } from './check-base.service';
import { CheckService } from './check.service';

/** A CheckService that answers from a table instead of a database, and counts what it was asked. */
function fakeCheck(findingsOf: (map: DataMap) => Finding[]) {
  const checked: DataMap[] = [];
  const check = {
    check: async (map: DataMap, name: string) => {
      checked.push(map);
      const findings = findingsOf(map);
      return { map: name, findings, summary: summarise(findings) };
    },
  } as unknown as CheckService;
  return { service: new CheckBaseService(check), checked };
}

describe('CheckBaseService', () => {
  it('diffs the findings of both maps and computes recipients and element counts from the maps', async () => {
    const base = smallMap();
    const proposed = smallMap();
    proposed.flows = proposed.flows!.filter((f) => f.id !== 'to-backup');
    proposed.organizations!.push({ id: 'broker', name: 'Broker', country: 'JP' });
    const { service, checked } = fakeCheck((map) => (map === base ? [finding('APPI-29', 'medium', 'flow', 'to-backup')] : [finding('APPI-27-1', 'critical', 'flow', 'score-out')]));
    const diff = await service.compare(base, proposed, 'small');
    expect(checked).toEqual([base, proposed]);
    expect(diff).toMatchObject({ map: 'small', baseVersion: null, version: null, elements: { added: 1, changed: 0, retired: 0, removed: 1 } });
    expect(diff.introduced.map((f) => f.target.id)).toEqual(['score-out']);
    expect(diff.resolved.map((f) => f.target.id)).toEqual(['to-backup']);
    expect(diff.recipients.removed).toEqual([{ organization: 'vendor', system: 'backup', category: 'name', flow: 'to-backup', purposes: [], derived: false }]);
  });

  it('evaluates the same map only once', async () => {
    const { service, checked } = fakeCheck(() => [finding('APPI-29', 'medium', 'flow', 'to-backup')]);
    const diff = await service.compare(smallMap(), smallMap(), 'small');
    expect(checked).toHaveLength(1);
    expect(diff.introduced).toEqual([]);
    expect(diff.resolved).toEqual([]);
  });
});
