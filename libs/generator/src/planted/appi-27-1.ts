import { RulePlants } from './scenario';

/** APPI-27-1: personal data provided to another company without consent or another legal ground. */
export const APPI_27_1: RulePlants = {
  violations: [
    // (a) A sister company is treated as "internal": group companies are third parties.
    (b) => {
      const group = b.group('group');
      const site = b.org('site', 'consumer', { group });
      const sister = b.org('sister', 'consumer', { group });
      const name = b.category('name', 'Member name', 'members', 'PERSONAL');
      const cookie = b.category('cookie', 'Cookie id', 'members', 'PERSONALLY_REFERABLE', { linkKey: true });
      const web = b.system('web', site, 'Member website', [{ id: 'login', categories: [name, cookie], method: 'DIRECT', purposes: ['member-management'] }]);
      const db = b.system('db', site, 'Member database');
      const app = b.system('app', sister, 'Sister company app');
      b.flow('sync', web, db, [name, cookie], 'INTERNAL', { purposes: ['member-management'] });
      const members = b.count();
      b.people('members', 'members', [web], members, '2020-02-01');
      b.expect('APPI-27-1', 'flow', b.flow('to-sister', db, app, [name, cookie], 'INTERNAL', { purposes: ['group-services'] }), members);
    },
    // (a) Hashed e-mail addresses sent as "not personal": nobody is concerned, so no people are counted.
    (b) => {
      const shop = b.org('shop', 'consumer');
      const partner = b.org('partner', 'adPlatform', { roles: ['AD_PLATFORM'] });
      const hashed = b.category('hashed-email', 'Hashed e-mail address', 'shoppers', 'PERSONAL', { linkKey: true });
      const crm = b.system('crm', shop, 'Customer CRM', [{ id: 'accounts', categories: [hashed], method: 'DIRECT', purposes: ['member-management'] }]);
      const audience = b.system('audience', partner, 'Custom audience matcher');
      b.expect('APPI-27-1', 'flow', b.flow('custom-audience', crm, audience, [hashed], 'NOT_PERSONAL', { purposes: ['ad-targeting'] }));
    },
    // (b) Consent is claimed but no notice supplies it.
    (b) => {
      const agency = b.org('agency', 'agency', { roles: ['JOB_PLACEMENT_AGENCY'] });
      const client = b.org('client', 'employer', { roles: ['EMPLOYER'] });
      const resume = b.category('resume', 'Resume', 'mid-career-job-seekers', 'PERSONAL');
      const app = b.system('app', agency, 'Candidate app', [{ id: 'registration', categories: [resume], method: 'DIRECT', purposes: ['placement'] }]);
      const ats = b.system('ats', client, 'Client ATS');
      const candidates = b.count();
      b.people('candidates', 'mid-career-job-seekers', [app], candidates, '2021-06-01');
      b.expect('APPI-27-1', 'flow', b.flow('referrals', app, ats, [resume], 'CONSENT', { purposes: ['recruitment-selection'], recordsKept: true }), candidates);
    },
    // (b) The notice named is the recipient's, not the sender's.
    (b) => {
      const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
      const employer = b.org('employer', 'employer', { roles: ['EMPLOYER'] });
      const name = b.category('name', 'Applicant name', 'part-time-job-seekers', 'PERSONAL');
      const policy = b.notice('employer-policy', employer, '2020-09-01', ['recruitment-selection'], {
        provisions: [{ recipients: [employer], dataCategories: [name], purposes: ['recruitment-selection'] }],
      });
      const web = b.system('web', site, 'Part-time job site', [{ id: 'apply', categories: [name], method: 'DIRECT', purposes: ['job-matching'] }]);
      const ats = b.system('ats', employer, 'Store hiring system');
      b.expect('APPI-27-1', 'flow', b.flow('applications', web, ats, [name], 'CONSENT', { purposes: ['recruitment-selection'], notice: policy, recordsKept: true }));
    },
    // (b) The sender's provision covers other data than what is sent: everyone concerned counts.
    (b) => {
      const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
      const employer = b.org('employer', 'employer', { roles: ['EMPLOYER'] });
      const name = b.category('name', 'Student name', 'new-graduates', 'PERSONAL');
      const email = b.category('email', 'Student e-mail', 'new-graduates', 'PERSONAL');
      const policy = b.notice('policy', site, '2019-03-01', ['job-matching'], {
        provisions: [{ recipients: [employer], dataCategories: [email], purposes: ['recruitment-selection'] }],
      });
      const web = b.system('web', site, 'Graduate job site', [{ id: 'register', categories: [name, email], method: 'DIRECT', purposes: ['job-matching'], notice: policy }]);
      const ats = b.system('ats', employer, 'Graduate hiring system');
      const consented = b.count();
      const others = b.count();
      b.people('consented', 'new-graduates', [web], consented, '2019-04-01', [{ notice: policy, at: '2019-04-01' }]);
      b.people('others', 'new-graduates', [web], others, '2019-04-01');
      const flow = b.flow('named-entries', web, ats, [name, email], 'CONSENT', { purposes: ['recruitment-selection'], notice: policy, recordsKept: true });
      b.expect('APPI-27-1', 'flow', flow, consented + others);
    },
    // (c) Covered by the notice, but some people never consented in time or at all: only they count.
    (b) => {
      const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
      const employer = b.org('employer', 'employer', { roles: ['EMPLOYER'] });
      const name = b.category('name', 'Applicant name', 'new-graduates', 'PERSONAL');
      const resume = b.category('resume', 'Resume', 'new-graduates', 'PERSONAL');
      const policy = b.notice('policy', site, '2020-04-01', ['job-matching'], {
        provisions: [{ recipients: [employer], dataCategories: [name, resume], purposes: ['recruitment-selection'] }],
      });
      const app = b.system('app', site, 'Job site app', [{ id: 'profile', categories: [name, resume], method: 'DIRECT', purposes: ['job-matching'], notice: policy }]);
      const db = b.system('db', site, 'Job site database');
      const ats = b.system('ats', employer, 'Employer ATS');
      b.flow('profiles', app, db, [name, resume], 'INTERNAL', { purposes: ['job-matching'] });
      const flow = b.flow('applications', db, ats, [name, resume], 'CONSENT', { purposes: ['recruitment-selection'], notice: policy, recordsKept: true, validFrom: '2020-06-01' });
      const late = b.count();
      const never = b.count();
      b.people('consented', 'new-graduates', [app], b.count(), '2020-05-01', [{ notice: policy, at: '2020-05-01' }]);
      b.people('consented-late', 'new-graduates', [app], late, '2020-05-01', [{ notice: policy, at: '2021-01-10' }]);
      b.people('never-consented', 'new-graduates', [app], never, '2020-05-01');
      b.expect('APPI-27-1', 'flow', flow, late + never);
    },
  ],
  nearMisses: [
    // Consent in time for everyone: one entry consented after joining, but before the flow began.
    (b) => {
      const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
      const employer = b.org('employer', 'employer', { roles: ['EMPLOYER'] });
      const resume = b.category('resume', 'Resume', 'engineers', 'PERSONAL');
      const policy = b.notice('policy', site, '2019-01-01', ['job-matching'], {
        provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: [resume], purposes: ['recruitment-selection'] }],
      });
      const web = b.system('web', site, 'Engineer job board', [{ id: 'profile', categories: [resume], method: 'DIRECT', purposes: ['job-matching'], notice: policy }]);
      const ats = b.system('ats', employer, 'Employer ATS');
      b.flow('applications', web, ats, [resume], 'CONSENT', { purposes: ['recruitment-selection'], notice: policy, recordsKept: true, validFrom: '2021-06-01' });
      b.people('early', 'engineers', [web], b.count(), '2020-01-01', [{ notice: policy, at: '2020-01-01' }]);
      b.people('before-start', 'engineers', [web], b.count(), '2020-01-01', [{ notice: policy, at: '2021-03-01' }]);
    },
    // Internal between two systems of one company.
    (b) => {
      const org = b.org('retailer', 'consumer');
      const name = b.category('name', 'Customer name', 'shoppers', 'PERSONAL');
      const web = b.system('web', org, 'Web shop', [{ id: 'checkout', categories: [name], method: 'DIRECT', purposes: ['service-provision'] }]);
      const crm = b.system('crm', org, 'CRM');
      b.flow('to-crm', web, crm, [name], 'INTERNAL', { purposes: ['service-provision'] });
    },
    // Statistics only: nothing personal leaves, whatever the basis says.
    (b) => {
      const shop = b.org('shop', 'consumer');
      const partner = b.org('partner', 'consumer');
      const sales = b.category('sales', 'Sales statistics', 'shoppers', 'STATISTICAL');
      const bi = b.system('bi', shop, 'Sales reporting');
      const portal = b.system('portal', partner, 'Supplier portal');
      b.flow('sales-report', bi, portal, [sales], 'INTERNAL', { purposes: ['statistics'] });
    },
    // People who use only the recipient's system are not concerned by the provision.
    (b) => {
      const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
      const employer = b.org('employer', 'employer', { roles: ['EMPLOYER'] });
      const resume = b.category('resume', 'Resume', 'healthcare-job-seekers', 'PERSONAL');
      const policy = b.notice('policy', site, '2018-05-01', ['job-matching'], {
        provisions: [{ recipients: [employer], dataCategories: [resume], purposes: ['recruitment-selection'] }],
      });
      const web = b.system('web', site, 'Nursing job site', [{ id: 'profile', categories: [resume], method: 'DIRECT', purposes: ['job-matching'], notice: policy }]);
      const ats = b.system('ats', employer, 'Hospital hiring system');
      b.flow('applications', web, ats, [resume], 'CONSENT', { purposes: ['recruitment-selection'], notice: policy, recordsKept: true });
      b.people('walk-ins', 'healthcare-job-seekers', [ats], b.count(), '2019-05-01');
    },
  ],
};
