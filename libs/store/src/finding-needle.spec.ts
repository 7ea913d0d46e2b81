import { Finding } from '@tadoru/rules';
import { recordedFinding } from './history';
import { findingNeedle } from './history.service';

const finding = (targetId: string) =>
  ({ id: `APPI-27-1:flow:${targetId}`, rule: 'APPI-27-1', severity: 'critical', target: { kind: 'flow', id: targetId }, affectedPeople: 7983, path: ['a', 'b'], message: 'm', messageJa: 'ja' }) as unknown as Finding;

describe('findingNeedle', () => {
  it('is found in the JSON a history record writes of the finding', () => {
    expect(JSON.stringify([recordedFinding(finding('toyota-scores-named'))])).toContain(findingNeedle(finding('toyota-scores-named')));
  });

  it('does not take one target id for the beginning of a longer one, and escapes ids as JSON does', () => {
    expect(JSON.stringify([recordedFinding(finding('toyota-scores-named-2'))])).not.toContain(findingNeedle(finding('toyota-scores-named')));
    expect(JSON.stringify([recordedFinding(finding('a"b'))])).toContain(findingNeedle(finding('a"b')));
  });
});
