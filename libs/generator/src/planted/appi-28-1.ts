import { RulePlants, ScenarioBuilder } from './scenario';

/** A Japanese company's customer names entrusted to `country`'s contractor; returns the flow's id. */
function entrustAbroad(b: ScenarioBuilder, country: string, fields: { equivalentMeasures?: boolean; systemCountry?: string } = {}): string {
  const client = b.org('client', 'consumer');
  const vendor = b.org('vendor', 'processor', { country, roles: ['PROCESSOR'] });
  const name = b.category('name', 'Customer name', 'members', 'PERSONAL');
  const crm = b.system('crm', client, 'Customer CRM', [{ id: 'accounts', categories: [name], method: 'DIRECT', purposes: ['customer-support'] }]);
  const desk = b.system('desk', vendor, 'Offshore support desk', [], fields.systemCountry);
  return b.flow('support-order', crm, desk, [name], 'ENTRUSTMENT', {
    purposes: ['customer-support'],
    ...(fields.equivalentMeasures ? { equivalentMeasures: true } : {}),
  });
}

/** A job site's applications to an employer in `country`, with a provision naming `named`; returns the flow's id. */
function consentAbroad(b: ScenarioBuilder, country: string, named: string[]): string {
  const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
  const employer = b.org('employer', 'employer', { country, roles: ['EMPLOYER'] });
  const resume = b.category('resume', 'Resume', 'mid-career-job-seekers', 'PERSONAL');
  const policy = b.notice('policy', site, '2021-02-01', ['job-matching'], {
    provisions: [{ recipients: [employer], dataCategories: [resume], purposes: ['recruitment-selection'], countries: named }],
  });
  const web = b.system('web', site, 'Global careers site', [{ id: 'profile', categories: [resume], method: 'DIRECT', purposes: ['job-matching'], notice: policy }]);
  const ats = b.system('ats', employer, 'Overseas hiring system');
  b.people('applicants', 'mid-career-job-seekers', [web], b.count(), '2021-03-01', [{ notice: policy, at: '2021-03-01' }]);
  return b.flow('applications', web, ats, [resume], 'CONSENT', { purposes: ['recruitment-selection'], notice: policy, recordsKept: true });
}

/** APPI-28-1: personal data to a country without adequacy, with no consent naming it and no equivalent measures. */
export const APPI_28_1: RulePlants = {
  violations: [
    // Entrustment gives no exemption abroad.
    (b) => b.expect('APPI-28-1', 'flow', entrustAbroad(b, b.rng.pick(['US', 'IN', 'PH', 'VN']))),
    // Nor does joint use with a group company in Singapore.
    (b) => {
      const group = b.group('group');
      const holding = b.org('holding', 'holding', { group });
      const parent = b.org('parent', 'consumer', { group });
      const subsidiary = b.org('subsidiary', 'consumer', { country: 'SG', group });
      const name = b.category('name', 'Member name', 'travellers', 'PERSONAL');
      const policy = b.notice('policy', parent, '2019-06-01', ['service-provision', 'group-services'], {
        sharedUse: { users: [group], dataCategories: [name], purposes: ['group-services'], manager: holding },
      });
      const app = b.system('app', parent, 'Travel app', [{ id: 'booking', categories: [name], method: 'DIRECT', purposes: ['service-provision'], notice: policy }]);
      const crm = b.system('crm', subsidiary, 'Singapore CRM');
      b.expect('APPI-28-1', 'flow', b.flow('joint-use', app, crm, [name], 'SHARED_USE', { purposes: ['group-services'], notice: policy }));
    },
    // Consent whose provision names other countries than the recipient's.
    (b) => b.expect('APPI-28-1', 'flow', consentAbroad(b, 'CN', ['US'])),
    // The recipient is an Indian company: that its server stands in Japan changes nothing.
    (b) => b.expect('APPI-28-1', 'flow', entrustAbroad(b, 'IN', { systemCountry: 'JP' })),
  ],
  nearMisses: [
    // An adequate country.
    (b) => void entrustAbroad(b, b.rng.pick(['DE', 'GB', 'FR', 'NL'])),
    // A contractor bound to equivalent measures.
    (b) => void entrustAbroad(b, 'US', { equivalentMeasures: true }),
    // Consent that named the recipient's country.
    (b) => void consentAbroad(b, 'SG', ['SG', 'US']),
    // A Japanese recipient whose server runs abroad.
    (b) => void entrustAbroad(b, 'JP', { systemCountry: 'US' }),
    // A legal obligation to report abroad.
    (b) => {
      const bank = b.org('bank', 'consumer');
      const regulator = b.org('regulator', 'authority', { country: 'US', roles: ['PUBLIC_AUTHORITY'] });
      const account = b.category('account', 'Account holder', 'cardholders', 'PERSONAL');
      const core = b.system('core', bank, 'Core banking', [{ id: 'opening', categories: [account], method: 'DIRECT', purposes: ['legal-compliance'] }]);
      const portal = b.system('portal', regulator, 'Reporting portal');
      b.flow('tax-reporting', core, portal, [account], 'LAW', { purposes: ['legal-compliance'] });
    },
  ],
};
