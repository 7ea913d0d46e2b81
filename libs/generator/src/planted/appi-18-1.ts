import { RulePlants } from './scenario';

/** APPI-18-1: a derivation that uses collected data for a purpose it was not collected for. */
export const APPI_18_1: RulePlants = {
  violations: [
    // Purchases collected to run the shop are turned into credit risk scores.
    (b) => {
      const org = b.org('retailer', 'consumer');
      const notice = b.notice('policy', org, '2019-04-01', ['service-provision', 'risk-scoring']);
      const history = b.category('purchases', 'Purchase history', 'shoppers', 'PERSONAL');
      const risk = b.category('risk', 'Credit risk score', 'shoppers', 'PERSONAL', { profiling: true });
      const app = b.system('app', org, 'Shop app', [{ id: 'checkout', categories: [history], method: 'DIRECT', purposes: ['service-provision'], notice }]);
      const analytics = b.system('analytics', org, 'Risk analytics');
      b.flow('purchases-to-analytics', app, analytics, [history], 'INTERNAL', { purposes: ['service-provision'] });
      b.expect('APPI-18-1', 'derivation', b.derivation('risk-model', analytics, [history], [risk], ['risk-scoring']));
    },
    // Collected in two places for two purposes; the model serves both and a third.
    (b) => {
      const org = b.org('card-issuer', 'consumer');
      const notice = b.notice('policy', org, '2020-07-01', ['service-provision', 'points-program', 'ad-targeting']);
      const history = b.category('purchases', 'Card purchase history', 'cardholders', 'PERSONAL');
      const segment = b.category('segment', 'Spending segment', 'cardholders', 'PERSONAL', { profiling: true });
      const app = b.system('app', org, 'Card app', [{ id: 'statements', categories: [history], method: 'DIRECT', purposes: ['service-provision'], notice }]);
      b.system('pos', org, 'Partner store terminals', [{ id: 'points', categories: [history], method: 'AUTOMATIC', purposes: ['points-program'], notice }]);
      b.expect('APPI-18-1', 'derivation', b.derivation('segmentation', app, [history], [segment], ['points-program', 'ad-targeting']));
    },
    // A collection that names no purpose covers none: any use of its data is beyond it.
    (b) => {
      const org = b.org('community', 'consumer');
      const posts = b.category('posts', 'Forum posts', 'members', 'PERSONAL');
      const interests = b.category('interests', 'Inferred interests', 'members', 'PERSONAL', { profiling: true });
      const forum = b.system('forum', org, 'Community forum', [{ id: 'posting', categories: [posts], method: 'DIRECT' }]);
      b.expect('APPI-18-1', 'derivation', b.derivation('interest-mining', forum, [posts], [interests], ['research']));
    },
  ],
  nearMisses: [
    // Each purpose of the derivation is among the purposes of some collection of its input.
    (b) => {
      const org = b.org('grocer', 'consumer');
      const notice = b.notice('policy', org, '2019-02-01', ['service-provision', 'points-program']);
      const history = b.category('purchases', 'Purchase history', 'shoppers', 'PERSONAL');
      const offers = b.category('offers', 'Personal offers', 'shoppers', 'PERSONAL', { profiling: true });
      const app = b.system('app', org, 'Grocery app', [{ id: 'orders', categories: [history], method: 'DIRECT', purposes: ['service-provision'], notice }]);
      b.system('pos', org, 'Store terminals', [{ id: 'points', categories: [history], method: 'DIRECT', purposes: ['points-program'], notice }]);
      b.derivation('offer-model', app, [history], [offers], ['service-provision', 'points-program']);
    },
    // The deriving organization received its input; it did not collect it.
    (b) => {
      const client = b.org('client', 'consumer');
      const vendor = b.org('vendor', 'processor', { roles: ['PROCESSOR'] });
      const logs = b.category('logs', 'Access logs', 'members', 'PERSONAL');
      const summary = b.category('summary', 'Access summary', 'members', 'STATISTICAL');
      const web = b.system('web', client, 'Member site', [{ id: 'access', categories: [logs], method: 'AUTOMATIC', purposes: ['service-provision'] }]);
      const box = b.system('box', vendor, 'Log analytics');
      b.flow('log-shipping', web, box, [logs], 'ENTRUSTMENT', { purposes: ['service-improvement'] });
      b.derivation('summaries', box, [logs], [summary], ['research']);
    },
  ],
};
