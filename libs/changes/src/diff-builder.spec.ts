import { finding } from '../../../test/fixtures/findings';
import { buildMapDiff, diffFindings, diffRecipients, toDiffFinding } from './diff-builder';
import { DiffRecipient } from './map-diff';

const recipient = (organization: string, system: string, category: string): DiffRecipient => ({ organization, system, category, flow: 'f', purposes: [], derived: false });

describe('toDiffFinding', () => {
  it('keeps exactly the keys of the check contract, in its order', () => {
    const diff = toDiffFinding(finding('APPI-27-1', 'critical', 'flow', 'k9'));
    expect(Object.keys(diff)).toEqual(['rule', 'severity', 'target', 'affectedPeople', 'path', 'message', 'messageJa']);
    expect(diff).toEqual({ rule: 'APPI-27-1', severity: 'critical', target: { kind: 'flow', id: 'k9' }, affectedPeople: 10, path: ['a', 'b'], message: 'APPI-27-1 on k9', messageJa: 'k9のAPPI-27-1' });
  });
});

describe('diffFindings', () => {
  it('identifies findings by rule, target kind and target id', () => {
    const before = [finding('APPI-29', 'medium', 'flow', 'old'), finding('APPI-27-1', 'critical', 'flow', 'kept')];
    const after = [finding('APPI-27-1', 'critical', 'flow', 'kept'), finding('APPI-28-1', 'high', 'flow', 'new'), finding('APPI-27-1', 'critical', 'flow', 'new'), finding('APPI-29', 'medium', 'derivation', 'old')];
    const diff = diffFindings(before, after);
    expect(diff.introduced.map((f) => `${f.rule} ${f.target.kind} ${f.target.id}`)).toEqual(['APPI-27-1 flow new', 'APPI-28-1 flow new', 'APPI-29 derivation old']);
    expect(diff.resolved.map((f) => `${f.rule} ${f.target.kind} ${f.target.id}`)).toEqual(['APPI-29 flow old']);
    expect(diff.changed).toEqual([]);
  });

  it('lists a finding present in both as changed, not introduced, when its message or affected people differ', () => {
    const diff = diffFindings([finding('APPI-27-1', 'critical', 'flow', 'k9', { affectedPeople: 10 })], [finding('APPI-27-1', 'critical', 'flow', 'k9', { affectedPeople: 120, message: 'now 120' })]);
    expect(diff.introduced).toEqual([]);
    expect(diff.resolved).toEqual([]);
    expect(diff.changed).toEqual([
      {
        rule: 'APPI-27-1',
        severity: 'critical',
        target: { kind: 'flow', id: 'k9' },
        before: { affectedPeople: 10, message: 'APPI-27-1 on k9', messageJa: 'k9のAPPI-27-1' },
        after: { affectedPeople: 120, message: 'now 120', messageJa: 'k9のAPPI-27-1' },
      },
    ]);
  });

  it('is empty for the same findings, whatever their order', () => {
    const a = [finding('APPI-29', 'medium', 'flow', 'x'), finding('APPI-27-1', 'critical', 'flow', 'y')];
    expect(diffFindings(a, [...a].reverse())).toEqual({ introduced: [], resolved: [], changed: [] });
  });
});

describe('diffRecipients', () => {
  it('compares the complete sets by organization, system and category', () => {
    const before = [recipient('b', 's', 'c'), recipient('a', 's', 'c')];
    const after = [recipient('c', 's', 'x'), { ...recipient('a', 's', 'c'), flow: 'other' }, recipient('a', 's', 'b')];
    expect(diffRecipients(before, after)).toEqual({ added: [recipient('a', 's', 'b'), recipient('c', 's', 'x')], removed: [recipient('b', 's', 'c')] });
  });
});

describe('buildMapDiff', () => {
  it('builds the document of the spec with severity summaries', () => {
    const diff = buildMapDiff({
      map: 'wantedly',
      baseVersion: 7,
      version: null,
      before: [finding('APPI-29', 'medium', 'flow', 'old')],
      after: [finding('APPI-27-1', 'critical', 'flow', 'k9-new')],
      recipientsBefore: [],
      recipientsAfter: [recipient('broker', 'broker-db', 'profile')],
      elements: { added: 3, changed: 0, retired: 0, removed: 0 },
    });
    expect(Object.keys(diff)).toEqual(['map', 'baseVersion', 'version', 'introduced', 'resolved', 'changed', 'recipients', 'elements', 'summary']);
    expect(diff.summary).toEqual({ introduced: { critical: 1, high: 0, medium: 0, low: 0 }, resolved: { critical: 0, high: 0, medium: 1, low: 0 } });
    expect(diff.recipients).toEqual({ added: [recipient('broker', 'broker-db', 'profile')], removed: [] });
    expect(diff.elements).toEqual({ added: 3, changed: 0, retired: 0, removed: 0 });
  });
});
