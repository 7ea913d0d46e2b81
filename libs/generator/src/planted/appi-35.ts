import type { Consent } from '@tadoru/map';
import { RulePlants, ScenarioBuilder } from './scenario';

interface Provision {
  flow: string;
  policy: string;
  /** Adds a cohort of the site's members with these consents; returns its size. */
  members: (local: string, consents: (policy: string) => Consent[]) => number;
  /** A later version of the site's notice with the same provision. */
  revisedPolicy: () => string;
}

/** A job site's consented provision of names to an employer, running or within `validity`. */
function namesToEmployer(b: ScenarioBuilder, validity: { validFrom?: string; validTo?: string } = {}): Provision {
  const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
  const employer = b.org('employer', 'employer', { roles: ['EMPLOYER'] });
  const name = b.category('name', 'Job seeker name', 'part-time-job-seekers', 'PERSONAL');
  const provision = { provisions: [{ recipients: [employer], dataCategories: [name], purposes: ['recruitment-selection'] }] };
  const policy = b.notice('policy', site, '2019-04-01', ['job-matching'], provision);
  const app = b.system('app', site, 'Part-time job app', [{ id: 'register', categories: [name], method: 'DIRECT', purposes: ['job-matching'], notice: policy }]);
  const ats = b.system('ats', employer, 'Store hiring system');
  const flow = b.flow('applications', app, ats, [name], 'CONSENT', { purposes: ['recruitment-selection'], notice: policy, recordsKept: true, ...validity });
  b.people('stayed', 'part-time-job-seekers', [app], b.count(), '2019-05-01', [{ notice: policy, at: '2019-05-01' }]);
  return {
    flow,
    policy,
    members: (local, consents) => {
      const count = b.count();
      b.people(local, 'part-time-job-seekers', [app], count, '2019-05-01', consents(policy));
      return count;
    },
    revisedPolicy: () => b.notice('policy-revised', site, '2021-04-01', ['job-matching'], provision),
  };
}

/** APPI-35: provision continued after the consent it relied on was withdrawn. */
export const APPI_35: RulePlants = {
  violations: [
    // Still running after some members withdrew.
    (b) => {
      const p = namesToEmployer(b);
      const withdrawn = p.members('withdrew', (policy) => [{ notice: policy, at: '2019-05-01', withdrawnAt: '2022-03-01' }]);
      b.expect('APPI-35', 'flow', p.flow, withdrawn);
    },
    // Withdrawn before the contract ended, by two cohorts.
    (b) => {
      const p = namesToEmployer(b, { validFrom: '2020-04-01', validTo: '2023-03-31' });
      const first = p.members('withdrew-2021', (policy) => [{ notice: policy, at: '2019-05-01', withdrawnAt: '2021-10-01' }]);
      const second = p.members('withdrew-2022', (policy) => [{ notice: policy, at: '2019-05-01', withdrawnAt: '2022-05-01' }]);
      b.expect('APPI-35', 'flow', p.flow, first + second);
    },
  ],
  nearMisses: [
    // Withdrawn only after the provision had ended.
    (b) => {
      const p = namesToEmployer(b, { validFrom: '2020-04-01', validTo: '2021-12-31' });
      p.members('withdrew-later', (policy) => [{ notice: policy, at: '2019-05-01', withdrawnAt: '2022-03-01' }]);
    },
    // Withdrawn, then given again under the revised notice.
    (b) => {
      const p = namesToEmployer(b);
      const revised = p.revisedPolicy();
      p.members('came-back', (policy) => [
        { notice: policy, at: '2019-05-01', withdrawnAt: '2020-06-30' },
        { notice: revised, at: '2021-04-15' },
      ]);
    },
  ],
};
