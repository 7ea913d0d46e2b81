import { RulePlants, ScenarioBuilder } from './scenario';

/** A scout service's consented provision of profiles to an employer; returns the flow's id. */
function scoutProvision(b: ScenarioBuilder, recordsKept: boolean | undefined): string {
  const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
  const employer = b.org('employer', 'employer', { roles: ['EMPLOYER'] });
  const profile = b.category('profile', 'Professional profile', 'engineers', 'PERSONAL');
  const policy = b.notice('policy', site, '2020-01-20', ['scouting'], {
    provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: [profile], purposes: ['recruitment-selection'] }],
  });
  const app = b.system('app', site, 'Scout app', [{ id: 'profile', categories: [profile], method: 'DIRECT', purposes: ['scouting'], notice: policy }]);
  const ats = b.system('ats', employer, 'Employer ATS');
  b.people('engineers', 'engineers', [app], b.count(), '2020-02-01', [{ notice: policy, at: '2020-02-01' }]);
  return b.flow('scouted-profiles', app, ats, [profile], 'CONSENT', { purposes: ['recruitment-selection'], notice: policy, ...(recordsKept === undefined ? {} : { recordsKept }) });
}

/** APPI-29: a provision on consent or by opt-out without records kept. */
export const APPI_29: RulePlants = {
  violations: [
    (b) => b.expect('APPI-29', 'flow', scoutProvision(b, undefined)),
    (b) => {
      const broker = b.org('broker', 'broker', { roles: ['DATA_BROKER'], optOutFiled: true });
      const buyer = b.org('buyer', 'agency', { roles: ['JOB_PLACEMENT_AGENCY'] });
      const contacts = b.category('contacts', 'Professional directory', 'passive-candidates', 'PERSONAL');
      const db = b.system('db', broker, 'Directory database', [{ id: 'directories', categories: [contacts], method: 'PUBLIC', purposes: ['recruiting-outreach'] }]);
      const crm = b.system('crm', buyer, 'Agency CRM');
      b.expect('APPI-29', 'flow', b.flow('directory-sale', db, crm, [contacts], 'OPT_OUT', { purposes: ['recruiting-outreach'], recordsKept: false }));
    },
  ],
  nearMisses: [
    (b) => void scoutProvision(b, true),
    // Only statistics go out on "consent": nothing personal, nothing to record.
    (b) => {
      const site = b.org('site', 'jobSite', { roles: ['JOB_INFORMATION_PROVIDER'] });
      const partner = b.org('partner', 'consumer');
      const trends = b.category('trends', 'Hiring trend statistics', 'new-graduates', 'STATISTICAL');
      const bi = b.system('bi', site, 'Market reports');
      const portal = b.system('portal', partner, 'Partner portal');
      b.flow('trend-report', bi, portal, [trends], 'CONSENT', { purposes: ['statistics'] });
    },
  ],
};
