import { DataCategoryRow, OrganizationRow, SystemRow } from '@tadoru/catalog';
import { Finding } from '@tadoru/rules';
import { ElementNames, evidenceDiagram, evidenceInWords } from './evidence-path';

const names: ElementNames = {
  systems: new Map([
    ['site', { id: 'site', name: 'Job site', operator: 'rca', country: 'JP' } as SystemRow],
    ['model', { id: 'model', name: 'Scoring model', operator: 'rca', country: 'JP' } as SystemRow],
    ['ats', { id: 'ats', name: 'Applicant system', operator: 'toyota', country: 'JP' } as SystemRow],
  ]),
  organizations: new Map([
    ['rca', { id: 'rca', name: 'Recruit Career Co., Ltd.', nameJa: '株式会社リクルートキャリア' } as OrganizationRow],
    ['toyota', { id: 'toyota', name: 'Toyota Motor Corporation' } as OrganizationRow],
  ]),
  categories: new Map([
    ['name', { id: 'name', name: 'Student name' } as DataCategoryRow],
    ['score', { id: 'score', name: 'Decline score' } as DataCategoryRow],
  ]),
};

const finding = {
  id: 'APPI-27-1:flow:scores',
  rule: 'APPI-27-1',
  target: { kind: 'flow', id: 'scores' },
  path: ['site', 'model', 'ats'],
  pathSteps: [
    { kind: 'COLLECTION', via: 'site', fromSystem: 'site', toSystem: 'site', fromCategory: 'name', toCategory: 'name' },
    { kind: 'FLOW', via: 'to-model', fromSystem: 'site', toSystem: 'model', fromCategory: 'name', toCategory: 'name' },
    { kind: 'DERIVATION', via: 'decline-model', fromSystem: 'model', toSystem: 'model', fromCategory: 'name', toCategory: 'score' },
    { kind: 'FLOW', via: 'scores', fromSystem: 'model', toSystem: 'ats', fromCategory: 'score', toCategory: 'score' },
  ],
} as unknown as Finding;

describe('evidence path', () => {
  it('draws the path as a diagram block keyed by the finding', () => {
    const block = evidenceDiagram('path:x', 'Evidence', finding, names, 'en');
    expect(block).toMatchObject({ type: 'diagram', key: 'path:x' });
    expect(block?.svg).toContain('Applicant system');
  });

  it('says the path in words, naming the companies and marking the unlawful step', () => {
    const en = evidenceInWords(finding, names, 'en');
    expect(en).toBe(
      'Collected at Job site (Recruit Career Co., Ltd.): Student name; then sent by flow to-model from Job site (Recruit Career Co., Ltd.) to Scoring model (Recruit Career Co., Ltd.): Student name; then turned from Student name into Decline score by derivation decline-model at Scoring model (Recruit Career Co., Ltd.); then sent by flow scores from Scoring model (Recruit Career Co., Ltd.) to Applicant system (Toyota Motor Corporation): Decline score [the unlawful step].',
    );
    const ja = evidenceInWords(finding, names, 'ja');
    expect(ja).toContain('株式会社リクルートキャリア');
    expect(ja).toMatch(/Applicant system（Toyota Motor Corporation）へDecline scoreを移転［違法な段階］。$/);
  });
});
