import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMapSources } from '@tadoru/map';
import { Finding } from '@tadoru/rules';
import { findingsOf } from '../support/rule-harness';
import { createTestContext } from '../support/test-database';

/** The 21 users of offer-decline scores in the Rikunabi map: 20 client companies and Recruit Co. */
const SCORE_USERS = [
  'recruit-co', 'toyota', 'honda-rd', 'mitsubishi-corp', 'denso', 'denso-techno', 'ntt-comware', 'ntt-facilities', 'tokyo-electron', 'fujisoft',
  'kyocera', 'leopalace21', 'resona', 'aflac', 'daiwa-ir', 'ykk', 'mitsubishi-electric', 'jfe-steel', 'technopro', 'meitec', 'world-intec',
];
const CLIENTS = SCORE_USERS.filter((c) => c !== 'recruit-co');
const each = (suffix: string, who = SCORE_USERS) => who.map((c) => `${c}-${suffix}`);

function loadExample(file: string) {
  const { map, problems } = loadMapSources([{ name: file, text: readFileSync(join(__dirname, '../../examples', file), 'utf8') }]);
  if (!map) throw new Error(problems.map((p) => p.message).join('\n'));
  return map;
}

function byRule(findings: Finding[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) (out[f.rule] ??= []).push(f.target.id);
  for (const list of Object.values(out)) list.sort();
  return out;
}

const sorted = (ids: string[]) => [...ids].sort();

/** The findings the demo maps were built to produce (examples/README.md), asserted exactly. */
describe('findings on the demo maps', () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  describe('rikunabi-2019: what the regulators reported', () => {
    let findings: Finding[];
    let rules: Record<string, string[]>;
    beforeAll(async () => {
      findings = await findingsOf(ctx, loadExample('rikunabi-2019.yaml'));
      rules = byRule(findings);
    });

    it('third-party provision without consent for the 7,983 students without valid consent, on every named score delivery', () => {
      expect(rules['APPI-27-1']).toEqual(sorted(each('scores-named')));
      for (const f of findings.filter((x) => x.rule === 'APPI-27-1')) {
        expect(f).toMatchObject({ severity: 'critical', affectedPeople: 7983, reason: 'c' });
        expect(f.path[f.path.length - 1]).toBe(f.target.id.replace('-scores-named', '-ats'));
        expect(f.path).toContain('dmp-follow-model');
      }
    });

    it('the personally referable scheme: scores keyed by applicant id sent to clients who can identify them, and cookie data sent for matching', () => {
      expect(rules['APPI-31-1']).toEqual(sorted([...each('scores-survey'), 'partner-to-model', 'minshu-verification-2017']));
    });

    it('job-seeker profiling handed to employers: every score delivery, whatever its basis', () => {
      expect(rules['ESA-5-5-PROFILE']).toEqual(sorted([...each('scores-survey'), ...each('scores-named')]));
    });

    it('entrustment misuse: client outcome and applicant lists matched with data Recruit Career held itself', () => {
      expect(rules['APPI-27-5-1']).toEqual(sorted([...each('outcomes-survey'), ...each('applicants-named')]));
    });

    it('purpose defects: the decline prediction is stated in no notice and goes beyond the purposes of collection', () => {
      expect(rules['APPI-18-1']).toEqual(['applicant-member-matching', 'decline-model-named']);
      const purposeFindings = findings.filter((f) => f.rule === 'APPI-21-1');
      expect(purposeFindings.filter((f) => f.target.kind === 'derivation').map((f) => f.target.id).sort()).toEqual(['applicant-member-matching', 'decline-model-named', 'decline-model-survey']);
      expect(rules['APPI-21-1']).toEqual(expect.arrayContaining([...each('scores-named'), ...each('applicants-named', CLIENTS)]));
    });

    it('no provision records for the named scores, and nothing else', () => {
      expect(rules['APPI-29']).toEqual(sorted(each('scores-named')));
      expect(Object.keys(rules).sort()).toEqual(['APPI-18-1', 'APPI-21-1', 'APPI-27-1', 'APPI-27-5-1', 'APPI-29', 'APPI-31-1', 'ESA-5-5-PROFILE']);
    });

    it('as of a day in each period, only that period\'s deliveries are judged', async () => {
      const survey = byRule(await findingsOf(ctx, loadExample('rikunabi-2019.yaml'), { asOf: '2018-10-01' }));
      expect(survey['APPI-31-1']).toEqual(sorted(each('scores-survey')));
      expect(survey['APPI-27-1']).toBeUndefined();
      const named = byRule(await findingsOf(ctx, loadExample('rikunabi-2019.yaml'), { asOf: '2019-05-01' }));
      // NTT Facilities' named deliveries ended on 2019-03-31 in the map.
      expect(named['APPI-27-1']).toEqual(sorted(each('scores-named', SCORE_USERS.filter((c) => c !== 'ntt-facilities'))));
      expect(named['APPI-31-1']).toEqual(['partner-to-model']);
    });
  });

  it('persol-group: foreign provision the notice does not cover, and shared use beyond its declared items', async () => {
    expect(byRule(await findingsOf(ctx, loadExample('persol-group.yaml')))).toEqual({
      'APPI-28-1': ['apply-to-merlion-sg', 'referral-to-pacific-talent'],
      'APPI-27-5-3': ['crm-engagement-to-group'],
    });
  });

  it('wantedly: provision to Singapore, missing provision records, ad ids a social network can link', async () => {
    expect(byRule(await findingsOf(ctx, loadExample('wantedly.yaml')))).toEqual({
      'APPI-28-1': ['candidate-data-to-sg'],
      'APPI-29': ['member-data-to-sg', 'posting-views-to-recruiter'],
      'APPI-31-1': ['tags-to-social-ads'],
    });
  });
});
