import { RulePlants } from './scenario';

/** APPI-20-2: special care data collected without explicit consent. */
export const APPI_20_2: RulePlants = {
  violations: [
    // A health app asks about conditions at sign-up and records no consent at all.
    (b) => {
      const org = b.org('health-app', 'consumer');
      const name = b.category('name', 'Member name', 'members', 'PERSONAL');
      const conditions = b.category('conditions', 'Medical conditions', 'members', 'SPECIAL_CARE');
      const app = b.system('app', org, 'Health tracker app', [{ id: 'signup', categories: [name, conditions], method: 'DIRECT', purposes: ['service-provision'] }]);
      b.people('users', 'members', [app], b.count(), '2021-04-01');
      b.expect('APPI-20-2', 'collection', `${app}:signup`);
    },
    // A screening vendor buys criminal records from a third party and says consent was not obtained.
    (b) => {
      const org = b.org('screening', 'processor');
      const record = b.category('criminal-record', 'Criminal records of applicants', 'mid-career-job-seekers', 'SPECIAL_CARE');
      const db = b.system('db', org, 'Background check database', [{ id: 'purchase', categories: [record], method: 'THIRD_PARTY', purposes: ['recruitment-selection'], consent: false }]);
      b.expect('APPI-20-2', 'collection', `${db}:purchase`);
    },
  ],
  nearMisses: [
    // Special care data with explicit consent.
    (b) => {
      const org = b.org('clinic', 'consumer');
      const conditions = b.category('conditions', 'Medical conditions', 'members', 'SPECIAL_CARE');
      b.system('app', org, 'Clinic booking app', [{ id: 'intake', categories: [conditions], method: 'DIRECT', purposes: ['service-provision'], consent: true }]);
    },
    // Only ordinary personal data is collected without consent; special care data moves on internally after a consented collection.
    (b) => {
      const org = b.org('insurer', 'consumer');
      const name = b.category('name', 'Policyholder name', 'members', 'PERSONAL');
      const health = b.category('health', 'Health declaration', 'members', 'SPECIAL_CARE');
      const web = b.system('web', org, 'Quote website', [
        { id: 'quote', categories: [name], method: 'DIRECT', purposes: ['service-provision'] },
        { id: 'declaration', categories: [health], method: 'DIRECT', purposes: ['service-provision'], consent: true },
      ]);
      const db = b.system('db', org, 'Underwriting database');
      b.flow('underwriting', web, db, [name, health], 'INTERNAL', { purposes: ['service-provision'] });
    },
  ],
};
