import type { DataClass } from '@tadoru/map';
import type { WorldLine, WorldOrg } from './world';

/**
 * What the background's organizations are made of: the kinds of data each holds and the systems it
 * runs. Ids are built from the organization's id or the service line's prefix, so nothing beyond the
 * plan itself needs to be kept in memory.
 */

/** A data category as flows need to know it: its id and what it is. */
export interface CategoryRef {
  id: string;
  class: DataClass;
  linkKey?: boolean;
}
export const LINE_CATEGORY_ROLES = [
  'name',
  'email',
  'memberId',
  'profile',
  'sensitive',
  'cookie',
  'browsing',
  'segment',
  'propensity',
  'match',
  'pseudo',
  'usage',
  'engagement',
  'anon',
] as const;
export type LineCategoryRole = (typeof LINE_CATEGORY_ROLES)[number];

interface CategoryKind {
  /** Id suffix and name, for job lines and for consumer lines. */
  job: readonly [string, string];
  consumer: readonly [string, string];
  class: DataClass;
  linkKey?: boolean;
  profiling?: boolean;
}

export const LINE_CATEGORIES: Readonly<Record<LineCategoryRole, CategoryKind>> = {
  name: { job: ['name', 'Name'], consumer: ['name', 'Name'], class: 'PERSONAL' },
  email: { job: ['email', 'E-mail address'], consumer: ['email', 'E-mail address'], class: 'PERSONAL' },
  memberId: { job: ['member-id', 'Member id'], consumer: ['member-id', 'Member id'], class: 'PERSONAL', linkKey: true },
  profile: { job: ['resume', 'Resume and work history'], consumer: ['purchase-history', 'Purchase history'], class: 'PERSONAL' },
  sensitive: { job: ['disability-status', 'Disability and health status'], consumer: ['health-records', 'Health records'], class: 'SPECIAL_CARE' },
  cookie: { job: ['cookie-id', 'Cookie id'], consumer: ['cookie-id', 'Cookie id'], class: 'PERSONALLY_REFERABLE', linkKey: true },
  browsing: { job: ['browsing-history', 'Job-posting browsing history'], consumer: ['browsing-history', 'Browsing history'], class: 'PERSONALLY_REFERABLE' },
  segment: { job: ['interest-segment', 'Job-interest segment'], consumer: ['interest-segment', 'Interest segment'], class: 'PERSONALLY_REFERABLE', profiling: true },
  propensity: { job: ['acceptance-score', 'Offer-acceptance likelihood'], consumer: ['churn-score', 'Churn likelihood'], class: 'PERSONAL', profiling: true },
  match: { job: ['match-score', 'Job match score'], consumer: ['upsell-score', 'Upsell score'], class: 'PERSONAL', profiling: true },
  pseudo: { job: ['pseudonymized-logs', 'Pseudonymized activity logs'], consumer: ['pseudonymized-logs', 'Pseudonymized activity logs'], class: 'PSEUDONYMIZED' },
  usage: { job: ['usage-stats', 'Usage statistics'], consumer: ['usage-stats', 'Usage statistics'], class: 'STATISTICAL' },
  engagement: { job: ['engagement-stats', 'Engagement statistics'], consumer: ['engagement-stats', 'Engagement statistics'], class: 'STATISTICAL' },
  anon: { job: ['anonymized-dataset', 'Anonymized dataset'], consumer: ['anonymized-dataset', 'Anonymized dataset'], class: 'ANONYMIZED' },
};

export const LINE_SYSTEMS = ['web', 'app', 'db', 'warehouse', 'analytics', 'crm'] as const;
export type LineSystem = (typeof LINE_SYSTEMS)[number];

export const LINE_SYSTEM_NAMES: Readonly<Record<LineSystem, string>> = {
  web: 'website',
  app: 'mobile app',
  db: 'member database',
  warehouse: 'data warehouse',
  analytics: 'analytics platform',
  crm: 'CRM',
};

export function lineCategory(line: WorldLine, role: LineCategoryRole): CategoryRef {
  const kind = LINE_CATEGORIES[role];
  return { id: `${line.prefix}.${(line.job ? kind.job : kind.consumer)[0]}`, class: kind.class, linkKey: kind.linkKey };
}

export function lineSystem(line: WorldLine, system: LineSystem): string {
  return `${line.prefix}-${system}`;
}

interface OrgCategoryKind {
  suffix: string;
  name: string;
  subject: string;
  class: DataClass;
  linkKey?: boolean;
  profiling?: boolean;
}

/** Categories held by an organization as a whole rather than by one of its service lines. */
export const ORG_CATEGORIES = {
  hr: [
    { suffix: 'hr.employee-name', name: 'Employee name', subject: 'employees', class: 'PERSONAL' },
    { suffix: 'hr.my-number', name: 'Individual Number (My Number)', subject: 'employees', class: 'PERSONAL' },
    { suffix: 'hr.salary', name: 'Salary records', subject: 'employees', class: 'PERSONAL' },
    { suffix: 'hr.health-check', name: 'Health check results', subject: 'employees', class: 'SPECIAL_CARE' },
  ],
  holding: [
    { suffix: 'unified-id', name: 'Group-wide customer id', subject: 'group-customers', class: 'PERSONAL', linkKey: true },
    { suffix: 'cross-service-segment', name: 'Cross-service customer segment', subject: 'group-customers', class: 'PERSONAL', profiling: true },
    { suffix: 'lifetime-value', name: 'Predicted customer lifetime value', subject: 'group-customers', class: 'PERSONAL', profiling: true },
  ],
  employer: [
    { suffix: 'applicant-name', name: 'Applicant name', subject: 'applicants', class: 'PERSONAL' },
    { suffix: 'applicant-resume', name: 'Applicant resume', subject: 'applicants', class: 'PERSONAL' },
  ],
  adPlatform: [
    { suffix: 'device-id', name: 'Advertising device id', subject: 'site-visitors', class: 'PERSONALLY_REFERABLE', linkKey: true },
    { suffix: 'ad-interactions', name: 'Ad impressions and clicks', subject: 'site-visitors', class: 'PERSONALLY_REFERABLE' },
    { suffix: 'audience-segment', name: 'Audience segment', subject: 'site-visitors', class: 'PERSONALLY_REFERABLE', profiling: true },
    { suffix: 'campaign-report', name: 'Campaign report', subject: 'site-visitors', class: 'STATISTICAL' },
  ],
  broker: [
    { suffix: 'candidate-contacts', name: 'Contact details of professionals from published directories', subject: 'passive-candidates', class: 'PERSONAL' },
    { suffix: 'company-contacts', name: 'Contact persons at companies', subject: 'business-contacts', class: 'PERSONAL' },
  ],
} as const satisfies Record<string, readonly OrgCategoryKind[]>;
export type OrgCategoryKit = keyof typeof ORG_CATEGORIES;

/** The category of `org` whose id ends in `suffix` (one of its kit's). */
export function orgCategory(org: WorldOrg, kit: OrgCategoryKit, suffix: string): CategoryRef {
  const kind = (ORG_CATEGORIES[kit] as readonly OrgCategoryKind[]).find((k) => k.suffix === suffix);
  if (!kind) throw new Error(`no category "${suffix}" in the ${kit} kit`);
  return { id: `${org.id}.${kind.suffix}`, class: kind.class, linkKey: kind.linkKey };
}

/** Systems of an organization as a whole, by what it does. */
export const ORG_SYSTEMS = {
  hr: 'HR system',
  lake: 'group data lake',
  cdp: 'group customer data platform',
  ats: 'applicant tracking system',
  platform: 'service platform',
  infra: 'shared IT infrastructure',
  'ad-server': 'ad server',
  'list-db': 'list database',
  filing: 'electronic filing system',
} as const;
export type OrgSystem = keyof typeof ORG_SYSTEMS;

export function orgSystem(org: WorldOrg, system: OrgSystem): string {
  return `${org.id}.${system}`;
}
