import { finding } from '../../../test/fixtures/findings';
import { buildMapDiff } from './diff-builder';
import { MapDiff } from './map-diff';
import { renderMapDiff } from './render-map-diff';

function sampleDiff(): MapDiff {
  return buildMapDiff({
    map: 'wantedly',
    baseVersion: 7,
    version: null,
    before: [finding('APPI-29', 'medium', 'flow', 'old-feed'), finding('APPI-27-1', 'critical', 'flow', 'kept', { affectedPeople: 5 })],
    after: [
      finding('APPI-27-1', 'critical', 'flow', 'k9-new', { affectedPeople: 1200, path: ['w-app', 'broker-db'], message: 'Profile | scores go to broker', messageJa: '同意なき第三者提供' }),
      finding('APPI-27-1', 'critical', 'flow', 'kept', { affectedPeople: 8 }),
    ],
    recipientsBefore: [{ organization: 'old', system: 'old-db', category: 'profile', flow: 'old-feed', purposes: [], derived: false }],
    recipientsAfter: [{ organization: 'broker', system: 'broker-db', category: 'profile', flow: 'k9-new', purposes: ['recruiting'], derived: false }],
    elements: { added: 3, changed: 0, retired: 1, removed: 0 },
  });
}

const noTrailingSpace = (text: string) => text.split('\n').filter((l) => l !== l.trimEnd());

describe('renderMapDiff', () => {
  it('prints the JSON document of the spec, with changed findings', () => {
    const json = JSON.parse(renderMapDiff(sampleDiff(), 'json'));
    expect(Object.keys(json)).toEqual(['map', 'baseVersion', 'version', 'introduced', 'resolved', 'changed', 'recipients', 'elements', 'summary']);
    expect(json.introduced).toEqual([
      { rule: 'APPI-27-1', severity: 'critical', target: { kind: 'flow', id: 'k9-new' }, affectedPeople: 1200, path: ['w-app', 'broker-db'], message: 'Profile | scores go to broker', messageJa: '同意なき第三者提供' },
    ]);
    expect(json.resolved.map((f: { target: { id: string } }) => f.target.id)).toEqual(['old-feed']);
    expect(json.changed).toEqual([expect.objectContaining({ rule: 'APPI-27-1', target: { kind: 'flow', id: 'kept' }, before: expect.objectContaining({ affectedPeople: 5 }), after: expect.objectContaining({ affectedPeople: 8 }) })]);
    expect(json.recipients.added).toEqual([{ organization: 'broker', system: 'broker-db', category: 'profile', flow: 'k9-new', purposes: ['recruiting'], derived: false }]);
    expect(json.summary).toEqual({ introduced: { critical: 1, high: 0, medium: 0, low: 0 }, resolved: { critical: 0, high: 0, medium: 1, low: 0 } });
  });

  it('prints a terminal summary: who newly receives what, introduced findings with their path, resolved, counts', () => {
    const table = renderMapDiff(sampleDiff(), 'table');
    expect(table).toContain('map wantedly: version 7 → proposed change\nthis change introduces 1 finding (1 critical), resolves 1 (1 medium)\n');
    expect(table).toMatch(/newly receiving \(1\):\n\s+ORGANIZATION\s+SYSTEM\s+CATEGORY\s+DERIVED\s+FLOW\s+PURPOSES\n\s+broker\s+broker-db\s+profile\s+no\s+k9-new\s+recruiting\n/);
    expect(table).toMatch(/critical\s+APPI-27-1\s+flow k9-new\s+1,200\s+w-app → broker-db\s+Profile \| scores go to broker/);
    expect(table).toMatch(/resolved findings \(1\):\n.*\n\s+medium\s+APPI-29\s+flow old-feed/);
    expect(table).toContain('critical APPI-27-1 flow kept: 5 → 8 people\n');
    expect(table).toMatch(/elements: 3 added, 0 changed, 1 retired, 0 removed\n$/);
    expect(noTrailingSpace(table)).toEqual([]);
  });

  it('prints a pull-request comment: verdict, summary by severity, findings, recipients, counts', () => {
    const md = renderMapDiff(sampleDiff(), 'markdown');
    expect(md.startsWith('## ❌ tadoru: this change introduces 1 finding (1 critical), resolves 1 (1 medium)\n')).toBe(true);
    expect(md).toContain('| critical | 1 | 0 |\n| high | 0 | 0 |\n| medium | 0 | 1 |\n| low | 0 | 0 |');
    expect(md).toContain('### Introduced findings (1)');
    expect(md).toContain('| critical | APPI-27-1 | flow `k9-new` | 1,200 | w-app → broker-db | Profile \\| scores go to broker |');
    expect(md).toContain('<details><summary>日本語</summary>');
    expect(md).toContain('- **APPI-27-1** flow `k9-new`: 同意なき第三者提供');
    expect(md).toContain('### Resolved findings (1)');
    expect(md).toContain('### Newly receiving (1)');
    expect(md).toContain('| `broker` | `broker-db` | `profile` | no | `k9-new` | recruiting |');
    expect(md).toContain('### No longer receiving (1)');
    expect(md).toContain('<details><summary>Findings still present but changed (1)</summary>\n\n- critical **APPI-27-1** flow `kept`: affected people 5 → 8.\n\n</details>');
    expect(md).toMatch(/Elements: 3 added, 0 changed, 1 retired, 0 removed\.\n$/);
    expect(noTrailingSpace(md)).toEqual([]);
  });

  it('says plainly when nothing changes', () => {
    const empty = buildMapDiff({ map: 'm', baseVersion: null, version: null, before: [], after: [], recipientsBefore: [], recipientsAfter: [], elements: { added: 0, changed: 0, retired: 0, removed: 0 } });
    expect(renderMapDiff(empty, 'markdown')).toContain('## ✅ tadoru: this change introduces no finding\n\nMap `m`, base map → proposed map.');
    const table = renderMapDiff(empty, 'table');
    expect(table).toContain('introduced findings: none\n');
    expect(table).toContain('newly receiving: nobody\n');
    expect(noTrailingSpace(table)).toEqual([]);
    expect(JSON.parse(renderMapDiff(empty, 'json'))).toMatchObject({ introduced: [], resolved: [], changed: [], recipients: { added: [], removed: [] } });
  });
});
