import { RulePlants } from './scenario';

/** APPI-21-1: a purpose of use that none of the responsible organization's notices states. */
export const APPI_21_1: RulePlants = {
  violations: [
    // A collection for advertising the shop never announced.
    (b) => {
      const org = b.org('shop', 'consumer');
      const notice = b.notice('policy', org, '2020-04-01', ['service-provision', 'member-management']);
      const name = b.category('name', 'Customer name', 'shoppers', 'PERSONAL');
      const history = b.category('purchases', 'Purchase history', 'shoppers', 'PERSONAL');
      const app = b.system('app', org, 'Shop app', [{ id: 'checkout', categories: [name, history], method: 'DIRECT', purposes: ['service-provision', 'ad-targeting'], notice }]);
      b.people('customers', 'shoppers', [app], b.count(), '2020-05-01');
      b.expect('APPI-21-1', 'collection', `${app}:checkout`);
    },
    // Data moved between the company's own systems for risk scoring it never announced.
    (b) => {
      const org = b.org('lender', 'consumer');
      const notice = b.notice('policy', org, '2019-10-01', ['service-provision', 'payment-processing']);
      const name = b.category('name', 'Borrower name', 'cardholders', 'PERSONAL');
      const app = b.system('app', org, 'Loan application app', [{ id: 'apply', categories: [name], method: 'DIRECT', purposes: ['service-provision'], notice }]);
      const db = b.system('db', org, 'Credit database');
      const flow = b.flow('scoring-feed', app, db, [name], 'INTERNAL', { purposes: ['service-provision', 'risk-scoring'] });
      b.expect('APPI-21-1', 'flow', flow);
    },
    // A contractor receives data for e-mail marketing, a purpose its own notice does not state.
    (b) => {
      const client = b.org('client', 'consumer');
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      b.notice('vendor-policy', vendor, '2018-07-01', ['it-operations']);
      const email = b.category('email', 'Customer e-mail address', 'members', 'PERSONAL');
      const crm = b.system('crm', client, 'Customer CRM', [{ id: 'registration', categories: [email], method: 'DIRECT', purposes: ['member-management'] }]);
      const host = b.system('host', vendor, 'Hosting platform');
      const flow = b.flow('hosting', crm, host, [email], 'ENTRUSTMENT', { purposes: ['marketing-email'] });
      b.expect('APPI-21-1', 'flow', flow);
    },
    // A contractor derives talent analytics from entrusted data, a purpose it never states.
    (b) => {
      const client = b.org('client', 'employer', { roles: ['EMPLOYER'] });
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      b.notice('vendor-policy', vendor, '2019-01-15', ['it-operations']);
      const applicants = b.category('applicants', 'Applicant records', 'applicants', 'PERSONAL');
      const report = b.category('report', 'Hiring funnel report', 'applicants', 'STATISTICAL');
      const ats = b.system('ats', client, 'Applicant tracking', [{ id: 'careers', categories: [applicants], method: 'DIRECT', purposes: ['recruitment-selection'] }]);
      const box = b.system('box', vendor, 'Hosted ATS');
      b.flow('hosting', ats, box, [applicants], 'ENTRUSTMENT', { purposes: ['it-operations'] });
      const derivation = b.derivation('funnel-analysis', box, [applicants], [report], ['talent-analytics']);
      b.expect('APPI-21-1', 'derivation', derivation);
    },
  ],
  nearMisses: [
    // An organization whose notices the map does not describe is not judged.
    (b) => {
      const org = b.org('startup', 'consumer');
      const email = b.category('email', 'Subscriber e-mail', 'subscribers', 'PERSONAL');
      b.system('web', org, 'Newsletter signup', [{ id: 'signup', categories: [email], method: 'DIRECT', purposes: ['marketing-email', 'research'] }]);
    },
    // The purpose is stated by an earlier version of the notice only: it was still published.
    (b) => {
      const org = b.org('points', 'consumer');
      b.notice('policy-2018', org, '2018-04-01', ['service-provision', 'points-program']);
      const notice = b.notice('policy-2022', org, '2022-04-01', ['service-provision']);
      const card = b.category('card', 'Points card number', 'cardholders', 'PERSONAL');
      b.system('pos', org, 'Store terminals', [{ id: 'card-scan', categories: [card], method: 'DIRECT', purposes: ['points-program'], notice }]);
    },
    // The recipient states the purpose of what it receives; the sender need not.
    (b) => {
      const sender = b.org('sender', 'consumer');
      const recipient = b.org('recipient', 'holding');
      const notice = b.notice('sender-policy', sender, '2020-01-01', ['service-provision']);
      b.notice('recipient-policy', recipient, '2020-01-01', ['statistics']);
      const visits = b.category('visits', 'Visit counts', 'members', 'STATISTICAL');
      const web = b.system('web', sender, 'Website', [{ id: 'analytics-tag', categories: [visits], method: 'AUTOMATIC', purposes: ['service-provision'], notice }]);
      const lake = b.system('lake', recipient, 'Statistics platform');
      b.flow('visit-stats', web, lake, [visits], 'NOT_PERSONAL', { purposes: ['statistics'] });
    },
  ],
};
