import { ScenarioTemplate } from './scenario';

/** Scenarios that break several rules at once, as real cases do; each expects every finding it causes. */
export const COMPOSITES: ScenarioTemplate[] = [
  // Rikunabi, 2019: decline scores sold to employers under a policy some students never agreed to, unrecorded.
  (b) => {
    const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
    const employer = b.org('employer', 'employer', { roles: ['EMPLOYER'] });
    const name = b.category('name', 'Student name', 'new-graduates', 'PERSONAL');
    const browsing = b.category('browsing', 'Job-posting browsing history', 'new-graduates', 'PERSONALLY_REFERABLE');
    const score = b.category('decline-score', 'Offer-decline likelihood', 'new-graduates', 'PERSONAL', { profiling: true });
    const old = b.notice('policy-2018', site, '2018-06-01', ['job-matching']);
    const revised = b.notice('policy-2019', site, '2019-03-01', ['job-matching'], {
      provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: [score, name], purposes: ['recruitment-selection'] }],
    });
    const web = b.system('web', site, 'Job site for students', [{ id: 'signup', categories: [name, browsing], method: 'DIRECT', purposes: ['job-matching'], notice: revised }]);
    const model = b.system('model', site, 'Decline prediction model');
    const ats = b.system('ats', employer, 'Employer ATS');
    b.flow('activity', web, model, [name, browsing], 'INTERNAL', { purposes: ['job-matching'] });
    b.derivation('decline-model', model, [browsing, name], [score], ['job-matching'], { validFrom: '2019-03-01', validTo: '2019-07-31' });
    b.people('entered', 'new-graduates', [web], b.count(), '2018-06-01', [{ notice: old, at: '2018-06-01' }, { notice: revised, at: '2019-03-01' }]);
    const neverAgreed = b.count();
    b.people('registered-before', 'new-graduates', [web], neverAgreed, '2018-06-01', [{ notice: old, at: '2018-06-01' }]);
    const flow = b.flow('scores', model, ats, [score, name], 'CONSENT', { purposes: ['recruitment-selection'], notice: revised, recordsKept: false, validFrom: '2019-03-01', validTo: '2019-07-31' });
    b.expect('APPI-27-1', 'flow', flow, neverAgreed);
    b.expect('APPI-29', 'flow', flow);
    b.expect('ESA-5-5-PROFILE', 'flow', flow);
  },
  // Risk scores from shop data: beyond the purpose of collection, and a purpose never announced.
  (b) => {
    const org = b.org('shop', 'consumer');
    const notice = b.notice('policy', org, '2021-01-01', ['service-provision']);
    const history = b.category('purchases', 'Purchase history', 'shoppers', 'PERSONAL');
    const risk = b.category('risk', 'Payment default risk', 'shoppers', 'PERSONAL', { profiling: true });
    const app = b.system('app', org, 'Shop app', [{ id: 'checkout', categories: [history], method: 'DIRECT', purposes: ['service-provision'], notice }]);
    const derivation = b.derivation('default-model', app, [history], [risk], ['risk-scoring']);
    b.expect('APPI-18-1', 'derivation', derivation);
    b.expect('APPI-21-1', 'derivation', derivation);
  },
  // Members' data to a Singapore partner "on consent" with no notice at all, and no records.
  (b) => {
    const org = b.org('app-maker', 'consumer');
    const partner = b.org('partner', 'consumer', { country: 'SG' });
    const name = b.category('name', 'Member name', 'app-users', 'PERSONAL');
    const app = b.system('app', org, 'Lifestyle app', [{ id: 'signup', categories: [name], method: 'DIRECT', purposes: ['service-provision'] }]);
    const crm = b.system('crm', partner, 'Partner CRM');
    const users = b.count();
    b.people('users', 'app-users', [app], users, '2022-01-01');
    const flow = b.flow('partner-sharing', app, crm, [name], 'CONSENT', { purposes: ['marketing-email'] });
    b.expect('APPI-27-1', 'flow', flow, users);
    b.expect('APPI-28-1', 'flow', flow);
    b.expect('APPI-29', 'flow', flow);
  },
  // An unfiled list seller ships to a US buyer: no filing, no equivalent measures, no records.
  (b) => {
    const broker = b.org('broker', 'broker', { roles: ['DATA_BROKER'] });
    const buyer = b.org('buyer', 'consumer', { country: 'US' });
    const contacts = b.category('contacts', 'Consumer contact list', 'members', 'PERSONAL');
    const db = b.system('db', broker, 'List database', [{ id: 'directories', categories: [contacts], method: 'PUBLIC', purposes: ['sales-outreach'] }]);
    const crm = b.system('crm', buyer, 'Buyer CRM');
    const flow = b.flow('export-sale', db, crm, [contacts], 'OPT_OUT', { purposes: ['sales-outreach'] });
    b.expect('APPI-27-2', 'flow', flow);
    b.expect('APPI-28-1', 'flow', flow);
    b.expect('APPI-29', 'flow', flow);
  },
];
