import type { Flow, Role } from '@tadoru/map';
import { RulePlants, ScenarioBuilder } from './scenario';

interface ScoreDelivery {
  sender: Role;
  recipient: Role;
  /** Whose score: a job seeker's, or a customer's. */
  subject: 'new-graduates' | 'members';
  profiling: boolean;
  basis: Flow['basis'];
}

/**
 * A site scores its users from their browsing and delivers the scores to a company; the delivery is
 * otherwise lawful (consented and recorded, or entrusted). Returns the flow's id.
 */
function scoreDelivery(b: ScenarioBuilder, d: ScoreDelivery): string {
  const jobSide = d.sender === 'JOB_INFORMATION_PROVIDER' || d.sender === 'JOB_PLACEMENT_AGENCY';
  const site = b.org('site', jobSide ? 'jobSite' : 'adPlatform', { roles: [d.sender] });
  const company = b.org('company', d.recipient === 'EMPLOYER' ? 'employer' : 'processor', { roles: [d.recipient] });
  const name = b.category('name', 'User name', d.subject, 'PERSONAL');
  const browsing = b.category('browsing', 'Browsing history', d.subject, 'PERSONALLY_REFERABLE');
  const score = b.category('score', d.profiling ? 'Offer-decline likelihood' : 'Profile completeness', d.subject, 'PERSONAL', d.profiling ? { profiling: true } : {});
  const policy = b.notice('policy', site, '2019-03-01', ['job-matching'], {
    provisions: [{ recipientRoles: [d.recipient], dataCategories: [score, name], purposes: ['recruitment-selection'] }],
  });
  const web = b.system('web', site, 'Member site', [{ id: 'activity', categories: [name, browsing], method: 'DIRECT', purposes: ['job-matching'], notice: policy }]);
  const client = b.system('client', company, 'Client system');
  b.derivation('scoring', web, [browsing], [score], ['job-matching']);
  b.people('members', d.subject, [web], b.count(), '2019-03-10', [{ notice: policy, at: '2019-03-10' }]);
  const consented = d.basis === 'CONSENT' ? { notice: policy, recordsKept: true } : {};
  return b.flow('score-delivery', web, client, [score, name], d.basis, { purposes: ['recruitment-selection'], ...consented });
}

/** ESA-5-5-PROFILE: job seekers' profiling data from a job site or agency to an employer. */
export const ESA_5_5_PROFILE: RulePlants = {
  violations: [
    // Consented and recorded, and still unlawful: consent does not cure it.
    (b) => b.expect('ESA-5-5-PROFILE', 'flow', scoreDelivery(b, { sender: 'JOB_INFORMATION_PROVIDER', recipient: 'EMPLOYER', subject: 'new-graduates', profiling: true, basis: 'CONSENT' })),
    // An agency, under "entrustment".
    (b) => b.expect('ESA-5-5-PROFILE', 'flow', scoreDelivery(b, { sender: 'JOB_PLACEMENT_AGENCY', recipient: 'EMPLOYER', subject: 'new-graduates', profiling: true, basis: 'ENTRUSTMENT' })),
  ],
  nearMisses: [
    // Scores about customers, not job seekers.
    (b) => void scoreDelivery(b, { sender: 'JOB_INFORMATION_PROVIDER', recipient: 'EMPLOYER', subject: 'members', profiling: true, basis: 'CONSENT' }),
    // To a contractor, not an employer.
    (b) => void scoreDelivery(b, { sender: 'JOB_INFORMATION_PROVIDER', recipient: 'PROCESSOR', subject: 'new-graduates', profiling: true, basis: 'ENTRUSTMENT' }),
    // From an ad platform, which is neither a job site nor an agency.
    (b) => void scoreDelivery(b, { sender: 'AD_PLATFORM', recipient: 'EMPLOYER', subject: 'new-graduates', profiling: true, basis: 'CONSENT' }),
    // Not a profiling category.
    (b) => void scoreDelivery(b, { sender: 'JOB_INFORMATION_PROVIDER', recipient: 'EMPLOYER', subject: 'new-graduates', profiling: false, basis: 'CONSENT' }),
  ],
};
