import { RulePlants } from './scenario';

/** APPI-27-5-1: a contractor that combines entrusted data with other data, or passes it on. */
export const APPI_27_5_1: RulePlants = {
  violations: [
    // The contractor matches the client's customers against a panel it collected itself.
    (b) => {
      const client = b.org('client', 'consumer');
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      const customers = b.category('customers', 'Customer list', 'members', 'PERSONAL');
      const panel = b.category('panel', 'Survey panel answers', 'members', 'PERSONAL');
      const enriched = b.category('enriched', 'Enriched customer profiles', 'members', 'PERSONAL', { profiling: true });
      const crm = b.system('crm', client, 'Customer CRM', [{ id: 'accounts', categories: [customers], method: 'DIRECT', purposes: ['member-management'] }]);
      const box = b.system('box', vendor, 'Marketing analytics', [{ id: 'panel', categories: [panel], method: 'DIRECT', purposes: ['research'] }]);
      const flow = b.flow('analysis-order', crm, box, [customers], 'ENTRUSTMENT', { purposes: ['research'] });
      b.derivation('enrichment', box, [customers, panel], [enriched], ['research']);
      b.expect('APPI-27-5-1', 'flow', flow);
    },
    // The contractor joins two clients' data: each client's entrustment fails.
    (b) => {
      const first = b.org('first-client', 'employer', { roles: ['EMPLOYER'] });
      const second = b.org('second-client', 'employer', { roles: ['EMPLOYER'] });
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      const firstList = b.category('first-applicants', 'Applicants of the first client', 'applicants', 'PERSONAL');
      const secondList = b.category('second-applicants', 'Applicants of the second client', 'applicants', 'PERSONAL');
      const overlap = b.category('overlap', 'Applicants of both clients', 'applicants', 'PERSONAL');
      const firstAts = b.system('first-ats', first, 'Applicant tracking', [{ id: 'careers', categories: [firstList], method: 'DIRECT', purposes: ['recruitment-selection'] }]);
      const secondAts = b.system('second-ats', second, 'Applicant tracking', [{ id: 'careers', categories: [secondList], method: 'DIRECT', purposes: ['recruitment-selection'] }]);
      const box = b.system('box', vendor, 'Screening service');
      const fromFirst = b.flow('first-order', firstAts, box, [firstList], 'ENTRUSTMENT', { purposes: ['recruitment-selection'] });
      const fromSecond = b.flow('second-order', secondAts, box, [secondList], 'ENTRUSTMENT', { purposes: ['recruitment-selection'] });
      b.derivation('cross-matching', box, [firstList, secondList], [overlap], ['talent-analytics']);
      b.expect('APPI-27-5-1', 'flow', fromFirst);
      b.expect('APPI-27-5-1', 'flow', fromSecond);
    },
    // The contractor hands the data to a subcontractor.
    (b) => {
      const client = b.org('client', 'consumer');
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      const sub = b.org('subcontractor', 'processor', { roles: ['PROCESSOR'] });
      const email = b.category('email', 'Customer e-mail', 'subscribers', 'PERSONAL');
      const crm = b.system('crm', client, 'Subscriber CRM', [{ id: 'signup', categories: [email], method: 'DIRECT', purposes: ['marketing-email'] }]);
      const box = b.system('box', vendor, 'Mail platform');
      const relay = b.system('relay', sub, 'Mail relay');
      const flow = b.flow('mailing-order', crm, box, [email], 'ENTRUSTMENT', { purposes: ['marketing-email'] });
      b.flow('relay', box, relay, [email], 'ENTRUSTMENT', { purposes: ['marketing-email'] });
      b.expect('APPI-27-5-1', 'flow', flow);
    },
    // What the contractor derived from the client's data goes to an authority.
    (b) => {
      const client = b.org('client', 'consumer');
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      const office = b.org('office', 'authority', { roles: ['PUBLIC_AUTHORITY'] });
      const transactions = b.category('transactions', 'Transactions', 'cardholders', 'PERSONAL');
      const alerts = b.category('alerts', 'Suspicious transaction alerts', 'cardholders', 'PERSONAL', { profiling: true });
      const ledger = b.system('ledger', client, 'Card ledger', [{ id: 'payments', categories: [transactions], method: 'AUTOMATIC', purposes: ['payment-processing'] }]);
      const box = b.system('box', vendor, 'Fraud screening');
      const filing = b.system('filing', office, 'Reporting portal');
      const flow = b.flow('screening-order', ledger, box, [transactions], 'ENTRUSTMENT', { purposes: ['fraud-prevention'] });
      b.derivation('screening', box, [transactions], [alerts], ['fraud-prevention']);
      b.flow('reports', box, filing, [alerts], 'LAW', { purposes: ['legal-compliance'] });
      b.expect('APPI-27-5-1', 'flow', flow);
    },
  ],
  nearMisses: [
    // The contractor returns only statistics to its client.
    (b) => {
      const client = b.org('client', 'consumer');
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      const visits = b.category('visits', 'Visit logs', 'app-users', 'PERSONAL');
      const report = b.category('report', 'Visit report', 'app-users', 'STATISTICAL');
      const app = b.system('app', client, 'Client app', [{ id: 'logs', categories: [visits], method: 'AUTOMATIC', purposes: ['service-improvement'] }]);
      const box = b.system('box', vendor, 'Log analytics');
      b.flow('logs', app, box, [visits], 'ENTRUSTMENT', { purposes: ['service-improvement'] });
      b.derivation('reporting', box, [visits], [report], ['service-improvement']);
      b.flow('report', box, app, [report], 'NOT_PERSONAL', { purposes: ['service-improvement'] });
    },
    // The contractor combines two lists, both from the same client.
    (b) => {
      const client = b.org('client', 'consumer');
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      const orders = b.category('orders', 'Orders', 'shoppers', 'PERSONAL');
      const returns = b.category('returns', 'Returns', 'shoppers', 'PERSONAL');
      const merged = b.category('merged', 'Order history', 'shoppers', 'PERSONAL');
      const shop = b.system('shop', client, 'Web shop', [{ id: 'checkout', categories: [orders, returns], method: 'DIRECT', purposes: ['service-provision'] }]);
      const box = b.system('box', vendor, 'Order processing');
      b.flow('orders', shop, box, [orders], 'ENTRUSTMENT', { purposes: ['service-provision'] });
      b.flow('returns', shop, box, [returns], 'ENTRUSTMENT', { purposes: ['service-provision'] });
      b.derivation('merge', box, [orders, returns], [merged], ['service-provision']);
    },
    // The contractor moves the data between its own systems.
    (b) => {
      const client = b.org('client', 'consumer');
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      const name = b.category('name', 'Customer name', 'members', 'PERSONAL');
      const crm = b.system('crm', client, 'CRM', [{ id: 'accounts', categories: [name], method: 'DIRECT', purposes: ['customer-support'] }]);
      const desk = b.system('desk', vendor, 'Support desk');
      const backup = b.system('backup', vendor, 'Backup');
      b.flow('support-order', crm, desk, [name], 'ENTRUSTMENT', { purposes: ['customer-support'] });
      b.flow('backup', desk, backup, [name], 'INTERNAL', { purposes: ['it-operations'] });
    },
  ],
};
