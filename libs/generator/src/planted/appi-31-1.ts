import { RulePlants, ScenarioBuilder } from './scenario';

interface TagSetup {
  /** The recipient also collects the cookie id itself (through its own tag on other sites). */
  recipientSeesCookie: boolean;
  /** The subject of the names the recipient holds: the cookie's (`site-visitors`) or another. */
  recipientNamesOf: string;
  recipientCanIdentify?: boolean;
}

/** A news site's ad tag sending cookie ids and browsing to a social network; returns the flow's id. */
function adTag(b: ScenarioBuilder, setup: TagSetup): string {
  const publisher = b.org('publisher', 'consumer');
  const network = b.org('network', 'adPlatform', { roles: ['AD_PLATFORM'] });
  const cookie = b.category('cookie', 'Third-party cookie id', 'site-visitors', 'PERSONALLY_REFERABLE', { linkKey: true });
  const browsing = b.category('browsing', 'Article browsing history', 'site-visitors', 'PERSONALLY_REFERABLE');
  const names = b.category('names', 'Account holder names', setup.recipientNamesOf, 'PERSONAL');
  const web = b.system('web', publisher, 'News website', [{ id: 'tag', categories: [cookie, browsing], method: 'AUTOMATIC', purposes: ['ad-targeting'] }]);
  const accounts = setup.recipientSeesCookie ? [names, cookie] : [names];
  const social = b.system('social', network, 'Social network', [{ id: 'accounts', categories: accounts, method: 'DIRECT', purposes: ['service-provision'] }]);
  return b.flow('ad-tag', web, social, [cookie, browsing], 'NOT_PERSONAL', {
    purposes: ['ad-targeting'],
    ...(setup.recipientCanIdentify !== undefined ? { recipientCanIdentify: setup.recipientCanIdentify } : {}),
  });
}

/** A job site's browsing data to a recruiter on consent under `notice`'s provision; returns the flow's id. */
function browsingOnConsent(b: ScenarioBuilder, coveredBy: 'other-recipient' | 'recipient-notice'): string {
  const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
  const recruiter = b.org('recruiter', 'agency', { roles: ['JOB_PLACEMENT_AGENCY'] });
  const partner = b.org('partner', 'agency', { roles: ['JOB_PLACEMENT_AGENCY'] });
  const browsing = b.category('browsing', 'Job browsing history', 'engineers', 'PERSONALLY_REFERABLE');
  const sitePolicy = b.notice('site-policy', site, '2021-05-01', ['job-matching'], {
    provisions: [{ recipients: [partner], dataCategories: [browsing], purposes: ['placement'] }],
  });
  const notice =
    coveredBy === 'other-recipient'
      ? sitePolicy
      : b.notice('recruiter-policy', recruiter, '2021-05-01', ['placement'], { provisions: [{ recipients: [recruiter], dataCategories: [browsing], purposes: ['placement'] }] });
  const web = b.system('web', site, 'Engineer job board', [{ id: 'tracking', categories: [browsing], method: 'AUTOMATIC', purposes: ['job-matching'], notice: sitePolicy }]);
  const crm = b.system('crm', recruiter, 'Recruiter CRM');
  return b.flow('browsing-feed', web, crm, [browsing], 'CONSENT', { purposes: ['placement'], notice, recipientCanIdentify: true });
}

/** APPI-31-1: personally referable data to a recipient that can identify, without confirmed consent. */
export const APPI_31_1: RulePlants = {
  violations: [
    // The map says outright that the recipient can identify.
    (b) => b.expect('APPI-31-1', 'flow', adTag(b, { recipientSeesCookie: false, recipientNamesOf: 'members', recipientCanIdentify: true })),
    // Inferred: the network sees the same cookie through its own tag and holds names of the same people.
    (b) => b.expect('APPI-31-1', 'flow', adTag(b, { recipientSeesCookie: true, recipientNamesOf: 'site-visitors' })),
    // Consent is claimed, but the provision covers another recipient.
    (b) => b.expect('APPI-31-1', 'flow', browsingOnConsent(b, 'other-recipient')),
  ],
  nearMisses: [
    // The recipient declares it cannot identify.
    (b) => void adTag(b, { recipientSeesCookie: true, recipientNamesOf: 'site-visitors', recipientCanIdentify: false }),
    // The network holds names, but sees the cookie only through this flow.
    (b) => void adTag(b, { recipientSeesCookie: false, recipientNamesOf: 'site-visitors' }),
    // The network sees the cookie elsewhere, but holds names of other people only.
    (b) => void adTag(b, { recipientSeesCookie: true, recipientNamesOf: 'members' }),
    // Consent confirmed by the recipient under its own notice (APPI 31(1)(i)).
    (b) => void browsingOnConsent(b, 'recipient-notice'),
  ],
};
