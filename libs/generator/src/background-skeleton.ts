import type { Collection, DataCategory, Group, Notice, Organization, Purpose, Subject, System } from '@tadoru/map';
import { LINE_CATEGORIES, LINE_CATEGORY_ROLES, LINE_SYSTEM_NAMES, LINE_SYSTEMS, lineCategory, lineSystem, ORG_CATEGORIES, ORG_SYSTEMS, OrgCategoryKit, orgCategory, OrgSystem, orgSystem } from './kits';
import { CONSUMER_SUBJECTS, JOB_SEEKER_SUBJECTS, OTHER_COUNTRIES, OTHER_SUBJECTS, PURPOSES } from './vocabulary';
import { GROUP_PURPOSES, HR_PURPOSES, provides, World, WorldLine, WorldOrg } from './world';

/**
 * The background's sections up to systems, from the plan: who exists, what data they hold, what
 * their notices say and which systems collect what. Everything here is small next to the flows.
 */

export function* backgroundGroups(world: World): Generator<Group> {
  for (const g of world.groups) yield { id: g.id, name: g.name };
}

export function* backgroundOrganizations(world: World): Generator<Organization> {
  for (const o of world.organizations) {
    yield {
      id: o.id,
      name: o.name,
      ...(o.nameJa ? { nameJa: o.nameJa } : {}),
      country: o.country,
      ...(o.group ? { group: o.group.id } : {}),
      ...(o.roles.length > 0 ? { roles: o.roles } : {}),
      ...(o.optOutFiled ? { optOutFiled: true } : {}),
    };
  }
}

export function* backgroundSubjects(): Generator<Subject> {
  for (const s of [...JOB_SEEKER_SUBJECTS, ...CONSUMER_SUBJECTS, ...OTHER_SUBJECTS]) yield { id: s.id, name: s.name, ...(s.jobSeeker ? { jobSeeker: true } : {}) };
}

export function* backgroundPurposes(): Generator<Purpose> {
  for (const [id, name] of PURPOSES) yield { id, name };
}

export function* backgroundCategories(world: World): Generator<DataCategory> {
  for (const org of world.organizations) {
    for (const line of org.lines) {
      for (const role of LINE_CATEGORY_ROLES) {
        if (role === 'sensitive' && !line.sensitive) continue;
        const kind = LINE_CATEGORIES[role];
        const [, what] = line.job ? kind.job : kind.consumer;
        yield {
          id: lineCategory(line, role).id,
          name: `${what} (${shortName(org)}, ${line.label})`,
          subject: line.subject,
          class: kind.class,
          ...(kind.linkKey ? { linkKey: true } : {}),
          ...(kind.profiling ? { profiling: true } : {}),
        };
      }
    }
    for (const kit of categoryKitsOf(org)) {
      for (const kind of ORG_CATEGORIES[kit]) {
        yield {
          id: orgCategory(org, kit, kind.suffix).id,
          name: `${kind.name} (${shortName(org)})`,
          subject: kind.subject,
          class: kind.class,
          ...('linkKey' in kind ? { linkKey: true } : {}),
          ...('profiling' in kind ? { profiling: true } : {}),
        };
      }
    }
  }
}

export function* backgroundNotices(world: World): Generator<Notice> {
  for (const org of world.organizations) {
    const provisions = provisionsOf(org);
    const sharedUse = sharedUseOf(org);
    for (const n of org.notices) {
      yield {
        id: n.id,
        organization: org.id,
        publishedAt: n.publishedAt,
        purposes: n.purposes,
        ...(provisions ? { provisions } : {}),
        ...(sharedUse ? { sharedUse } : {}),
      };
    }
  }
}

export function* backgroundSystems(world: World): Generator<System> {
  for (const org of world.organizations) {
    for (const line of org.lines) for (const kind of LINE_SYSTEMS) yield lineSystemEntry(line, kind);
    for (const kind of systemKindsOf(org)) yield orgSystemEntry(org, kind);
  }
}

/** The version of an organization's notice in force on a day (its first, for days before it). */
export function noticeInForce(org: WorldOrg, day: string): string {
  let current = org.notices[0].id;
  for (const n of org.notices) if (n.publishedAt <= day) current = n.id;
  return current;
}

export function latestNotice(org: WorldOrg): string | undefined {
  return org.notices[org.notices.length - 1]?.id;
}

function shortName(org: WorldOrg): string {
  return org.name.replace(/ (Co\., Ltd\.|Inc\.|Pte\. Ltd\.|GmbH|Ltd|SAS|B\.V\.|Pvt\. Ltd\.|Pty Ltd)$/, '');
}

function categoryKitsOf(org: WorldOrg): OrgCategoryKit[] {
  const kits: OrgCategoryKit[] = org.hasHr ? ['hr'] : [];
  if (org.kind === 'holding' || org.kind === 'employer' || org.kind === 'adPlatform' || org.kind === 'broker') kits.push(org.kind);
  return kits;
}

function systemKindsOf(org: WorldOrg): OrgSystem[] {
  const kinds: OrgSystem[] = org.hasHr ? ['hr'] : [];
  const own: Partial<Record<WorldOrg['kind'], OrgSystem[]>> = {
    holding: ['lake', 'cdp'],
    employer: ['ats'],
    processor: ['platform'],
    itSubsidiary: ['infra'],
    adPlatform: ['ad-server'],
    broker: ['list-db'],
    authority: ['filing'],
  };
  return [...kinds, ...(own[org.kind] ?? [])];
}

/** Job sites and agencies ask for consent to provide applications to employers, in Japan and abroad. */
function provisionsOf(org: WorldOrg): Notice['provisions'] {
  if (!provides(org)) return undefined;
  return [
    {
      recipientRoles: ['EMPLOYER'],
      dataCategories: org.lines.flatMap((l) => [lineCategory(l, 'name').id, lineCategory(l, 'email').id, lineCategory(l, 'profile').id]),
      purposes: ['recruitment-selection'],
      countries: [...OTHER_COUNTRIES],
    },
  ];
}

/** Group companies declare joint use of what they send to the group's data lake; the holding, of what the lake sends back. */
function sharedUseOf(org: WorldOrg): Notice['sharedUse'] {
  const group = org.group;
  if (!group) return undefined;
  const categories =
    org.kind === 'holding'
      ? [orgCategory(org, 'holding', 'unified-id').id, orgCategory(org, 'holding', 'cross-service-segment').id]
      : org.lines.flatMap((l) => SHARED_ROLES.map((role) => lineCategory(l, role).id));
  if (categories.length === 0) return undefined;
  return { users: [group.id], dataCategories: categories, purposes: GROUP_PURPOSES, manager: group.holding.id };
}

export const SHARED_ROLES = ['memberId', 'name', 'segment', 'propensity', 'pseudo'] as const;

function lineSystemEntry(line: WorldLine, kind: (typeof LINE_SYSTEMS)[number]): System {
  const org = line.org;
  const notice = latestNotice(org);
  const within = (...wanted: string[]): string[] => [...org.core, ...wanted.filter((p) => org.purposes.includes(p) && !org.core.includes(p))];
  const collections: Collection[] = [];
  const collection = (suffix: string, roles: Parameters<typeof lineCategory>[1][], method: Collection['method'], purposes: string[], consent: boolean): void => {
    collections.push({
      id: `${lineSystem(line, kind)}:${suffix}`,
      dataCategories: roles.map((r) => lineCategory(line, r).id),
      method,
      purposes,
      ...(notice ? { notice } : {}),
      ...(consent ? { consent: true } : {}),
    });
  };
  if (kind === 'web') collection('tracking', ['cookie', 'browsing'], 'AUTOMATIC', within('personalisation', 'ad-targeting'), false);
  if (kind === 'app') {
    collection('signup', ['name', 'email', 'memberId', 'profile'], 'DIRECT', within('member-management', 'marketing-email', line.job ? 'job-information' : 'payment-processing'), line.index % 3 === 0);
    // Special care data only ever with explicit consent (APPI 20(2)).
    if (line.sensitive) collection('health-declaration', ['sensitive'], 'DIRECT', within(), true);
  }
  return {
    id: lineSystem(line, kind),
    name: `${shortName(org)} ${line.label} ${LINE_SYSTEM_NAMES[kind]}`,
    operator: org.id,
    // Some warehouses run in a cloud region abroad; APPI 28 looks at the recipient organization, not here.
    ...(kind === 'warehouse' && line.index % 11 === 5 ? { country: 'US' } : {}),
    ...(collections.length > 0 ? { collections } : {}),
  };
}

function orgSystemEntry(org: WorldOrg, kind: OrgSystem): System {
  const id = orgSystem(org, kind);
  const notice = latestNotice(org);
  const collection = (suffix: string, kit: OrgCategoryKit, suffixes: string[], method: Collection['method'], purposes: string[], consent = false): Collection => ({
    id: `${id}:${suffix}`,
    dataCategories: suffixes.map((s) => orgCategory(org, kit, s).id),
    method,
    purposes,
    ...(notice ? { notice } : {}),
    ...(consent ? { consent: true } : {}),
  });
  const collections: Collection[] = [];
  if (kind === 'hr') {
    collections.push(
      collection('onboarding', 'hr', ['hr.employee-name', 'hr.my-number', 'hr.salary'], 'DIRECT', HR_PURPOSES.filter((p) => p !== 'health-management')),
      collection('health-checks', 'hr', ['hr.health-check'], 'DIRECT', ['health-management'], true),
    );
  }
  if (kind === 'ats') collections.push(collection('careers-page', 'employer', ['applicant-name', 'applicant-resume'], 'DIRECT', ['recruitment-selection']));
  if (kind === 'ad-server') collections.push(collection('ad-tag', 'adPlatform', ['device-id', 'ad-interactions'], 'AUTOMATIC', ['ad-targeting', 'ad-measurement']));
  if (kind === 'list-db') collections.push(collection('directories', 'broker', ['candidate-contacts', 'company-contacts'], 'PUBLIC', ['recruiting-outreach', 'sales-outreach']));
  return {
    id,
    name: `${shortName(org)} ${ORG_SYSTEMS[kind]}`,
    operator: org.id,
    ...(collections.length > 0 ? { collections } : {}),
  };
}
