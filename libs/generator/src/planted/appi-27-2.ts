import { RulePlants } from './scenario';

/** APPI-27-2: provision by opt-out that is not filed, or of data opt-out may never be used for. */
export const APPI_27_2: RulePlants = {
  violations: [
    // A list seller that never filed its opt-out provision with the PPC.
    (b) => {
      const broker = b.org('broker', 'broker', { roles: ['DATA_BROKER'] });
      const buyer = b.org('buyer', 'consumer');
      const contacts = b.category('contacts', 'Business contact list', 'business-contacts', 'PERSONAL');
      const db = b.system('db', broker, 'List database', [{ id: 'scraping', categories: [contacts], method: 'PUBLIC', purposes: ['sales-outreach'] }]);
      const crm = b.system('crm', buyer, 'Sales CRM');
      b.expect('APPI-27-2', 'flow', b.flow('list-sale', db, crm, [contacts], 'OPT_OUT', { purposes: ['sales-outreach'], recordsKept: true }));
    },
    // Special care data is never provided by opt-out, filed or not.
    (b) => {
      const broker = b.org('broker', 'broker', { roles: ['DATA_BROKER'], optOutFiled: true });
      const buyer = b.org('buyer', 'agency', { roles: ['JOB_PLACEMENT_AGENCY'] });
      const health = b.category('health', 'Health conditions of registrants', 'passive-candidates', 'SPECIAL_CARE');
      const db = b.system('db', broker, 'Registrant database', [{ id: 'survey', categories: [health], method: 'DIRECT', purposes: ['research'], consent: true }]);
      const crm = b.system('crm', buyer, 'Agency CRM');
      b.expect('APPI-27-2', 'flow', b.flow('health-list', db, crm, [health], 'OPT_OUT', { purposes: ['recruiting-outreach'], recordsKept: true }));
    },
    // Data itself obtained by opt-out is sold on by opt-out: only the second sale is unlawful.
    (b) => {
      const first = b.org('first-broker', 'broker', { roles: ['DATA_BROKER'], optOutFiled: true });
      const second = b.org('second-broker', 'broker', { roles: ['DATA_BROKER'], optOutFiled: true });
      const buyer = b.org('buyer', 'consumer');
      const contacts = b.category('contacts', 'Consumer contact list', 'members', 'PERSONAL');
      const source = b.system('source', first, 'List database', [{ id: 'directories', categories: [contacts], method: 'PUBLIC', purposes: ['sales-outreach'] }]);
      const resale = b.system('resale', second, 'Resale database');
      const crm = b.system('crm', buyer, 'Marketing CRM');
      b.flow('wholesale', source, resale, [contacts], 'OPT_OUT', { purposes: ['sales-outreach'], recordsKept: true });
      b.expect('APPI-27-2', 'flow', b.flow('resale', resale, crm, [contacts], 'OPT_OUT', { purposes: ['sales-outreach'], recordsKept: true }));
    },
  ],
  nearMisses: [
    // Filed, ordinary personal data, records kept.
    (b) => {
      const broker = b.org('broker', 'broker', { roles: ['DATA_BROKER'], optOutFiled: true });
      const buyer = b.org('buyer', 'consumer');
      const contacts = b.category('contacts', 'Business contact list', 'business-contacts', 'PERSONAL');
      const db = b.system('db', broker, 'List database', [{ id: 'directories', categories: [contacts], method: 'PUBLIC', purposes: ['sales-outreach'] }]);
      const crm = b.system('crm', buyer, 'Sales CRM');
      b.flow('list-sale', db, crm, [contacts], 'OPT_OUT', { purposes: ['sales-outreach'], recordsKept: true });
    },
    // A broker that bought a list by opt-out sells only what it gathered itself.
    (b) => {
      const first = b.org('first-broker', 'broker', { roles: ['DATA_BROKER'], optOutFiled: true });
      const second = b.org('second-broker', 'broker', { roles: ['DATA_BROKER'], optOutFiled: true });
      const buyer = b.org('buyer', 'consumer');
      const bought = b.category('bought', 'Bought contact list', 'members', 'PERSONAL');
      const own = b.category('own', 'Own survey panel', 'members', 'PERSONAL');
      const source = b.system('source', first, 'List database', [{ id: 'directories', categories: [bought], method: 'PUBLIC', purposes: ['sales-outreach'] }]);
      const panel = b.system('panel', second, 'Panel database', [{ id: 'panel-signup', categories: [own], method: 'DIRECT', purposes: ['research'] }]);
      const crm = b.system('crm', buyer, 'Marketing CRM');
      b.flow('wholesale', source, panel, [bought], 'OPT_OUT', { purposes: ['sales-outreach'], recordsKept: true });
      b.flow('panel-sale', panel, crm, [own], 'OPT_OUT', { purposes: ['research'], recordsKept: true });
    },
    // "Opt-out" between two systems of one company provides nothing to anyone.
    (b) => {
      const org = b.org('clinic', 'consumer');
      const health = b.category('health', 'Patient records', 'members', 'SPECIAL_CARE');
      const ehr = b.system('ehr', org, 'Patient records', [{ id: 'intake', categories: [health], method: 'DIRECT', purposes: ['service-provision'], consent: true }]);
      const archive = b.system('archive', org, 'Archive');
      b.flow('archiving', ehr, archive, [health], 'OPT_OUT', { purposes: ['service-provision'] });
    },
  ],
};
