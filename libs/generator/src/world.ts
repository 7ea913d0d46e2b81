import type { Role } from '@tadoru/map';
import { dayOf, isoDate, LAST_DAY } from './calendar';
import { Random, WeightedPicker } from './random';
import {
  ADEQUATE_COUNTRIES,
  AUTHORITIES,
  BUSINESS_WORDS,
  CONSUMER_LINES,
  JOB_LINES,
  LEGAL_FORMS,
  NAME_STEMS,
  OTHER_COUNTRIES,
  PROCESSOR_SPECIALTIES,
  ProcessorSpecialty,
} from './vocabulary';

/**
 * The background of a generated map, planned before anything is written: corporate groups, the
 * organizations and their service lines, and who sends data to whom. Everything later sections need
 * (flows, derivations, people) is derived from this plan and a seeded stream per line or organization.
 */
type OrgKind = 'holding' | 'jobSite' | 'agency' | 'consumer' | 'employer' | 'itSubsidiary' | 'processor' | 'adPlatform' | 'broker' | 'authority';

export interface WorldGroup {
  id: string;
  name: string;
  holding: WorldOrg;
  itSubsidiary?: WorldOrg;
  /** Service lines of its companies: what its data lake receives and combines. */
  lines: WorldLine[];
}

interface WorldNotice {
  id: string;
  publishedAt: string;
  purposes: string[];
}

export interface WorldOrg {
  index: number;
  id: string;
  name: string;
  nameJa?: string;
  country: string;
  kind: OrgKind;
  roles: Role[];
  group?: WorldGroup;
  optOutFiled?: true;
  /** Every purpose its notices state (together); empty when the map describes no notice of it. */
  purposes: string[];
  /** Purposes every collection of its service lines lists, so that its derivations stay within them. */
  core: string[];
  /** Versions of its privacy notice, oldest first. */
  notices: WorldNotice[];
  lines: WorldLine[];
  /** It keeps staff records (an `hr` system) and files them with the authorities. */
  hasHr: boolean;
  specialty?: ProcessorSpecialty;
  /** Payroll processor of its staff records. */
  payroll?: WorldOrg;
  /** Data broker that sells it contact lists by opt-out (employers' applicant tracking). */
  listsFrom?: WorldOrg;
}

export interface WorldLine {
  index: number;
  org: WorldOrg;
  slug: string;
  label: string;
  job: boolean;
  subject: string;
  sensitive: boolean;
  /** `<org>.<slug>`: the start of every id of the line's systems and categories. */
  prefix: string;
  /** Employers its members' applications go to, on their consent (job lines). */
  employers: WorldOrg[];
  processors: WorldOrg[];
  adPlatforms: WorldOrg[];
  /** Data broker that sells it contact lists by opt-out. */
  listsFrom?: WorldOrg;
  /** Data broker that buys its anonymized dataset. */
  anonymizedTo?: WorldOrg;
  /** Sister company's line that took over part of its members (business transfer). */
  transferTo?: WorldLine;
}

export interface World {
  groups: WorldGroup[];
  organizations: WorldOrg[];
  lines: WorldLine[];
  /** The tax agency first, then others. */
  authorities: WorldOrg[];
  /** How busy the lines' pipelines are: 1 as measured in real data maps, more for small maps (see sizing.ts). */
  intensity: number;
}

const KIND_PURPOSES: Readonly<Record<OrgKind, readonly string[]>> = {
  holding: ['statistics', 'research', 'risk-scoring'],
  jobSite: ['job-information', 'job-matching', 'scouting', 'member-management', 'service-improvement', 'personalisation', 'marketing-email', 'customer-support', 'fraud-prevention', 'statistics'],
  agency: ['placement', 'career-counseling', 'job-matching', 'recruiting-outreach', 'member-management', 'service-improvement', 'personalisation', 'marketing-email', 'customer-support', 'statistics'],
  consumer: ['service-provision', 'member-management', 'payment-processing', 'points-program', 'personalisation', 'service-improvement', 'marketing-email', 'customer-support', 'fraud-prevention', 'statistics', 'sales-outreach', 'risk-scoring'],
  employer: ['recruitment-selection', 'recruiting-outreach', 'talent-analytics'],
  adPlatform: ['ad-targeting', 'ad-measurement', 'statistics', 'research'],
  broker: ['sales-outreach', 'recruiting-outreach', 'statistics', 'research'],
  itSubsidiary: [],
  processor: [],
  authority: [],
};
const LINE_PURPOSES = ['ad-targeting', 'ad-measurement'];
export const GROUP_PURPOSES = ['group-services', 'group-marketing'];
export const HR_PURPOSES = ['employment-management', 'payroll', 'health-management', 'tax-filing', 'social-insurance', 'legal-compliance'];
const CORE_PURPOSES: Partial<Record<OrgKind, string[]>> = {
  jobSite: ['job-matching', 'service-improvement'],
  agency: ['placement', 'service-improvement'],
  consumer: ['service-provision', 'service-improvement'],
};
const ROLES: Partial<Record<OrgKind, Role[]>> = {
  jobSite: ['JOB_INFORMATION_PROVIDER'],
  agency: ['JOB_PLACEMENT_AGENCY'],
  employer: ['EMPLOYER'],
  itSubsidiary: ['PROCESSOR'],
  processor: ['PROCESSOR'],
  adPlatform: ['AD_PLATFORM'],
  broker: ['DATA_BROKER'],
  authority: ['PUBLIC_AUTHORITY'],
};
const OPERATING_KINDS: ReadonlyArray<readonly [OrgKind, number]> = [
  ['jobSite', 0.3],
  ['agency', 0.2],
  ['consumer', 0.35],
  ['employer', 0.15],
];
/** Share of each processor specialty among processors, per service line. */
const PROCESSORS_PER_LINE: Readonly<Record<ProcessorSpecialty, number>> = { cloud: 1 / 25, mail: 1 / 40, callcenter: 1 / 50, analytics: 1 / 30, payroll: 1 / 40 };

/** Organizations that take part in provision to employers (job information providers, placement agencies). */
export function provides(org: WorldOrg): boolean {
  return org.kind === 'jobSite' || org.kind === 'agency';
}

export function planWorld(seed: number, lineTarget: number, intensity = 1): World {
  return { ...new WorldPlanner(new Random(seed, 'world'), Math.max(1, lineTarget)).plan(), intensity };
}

class WorldPlanner {
  private readonly organizations: WorldOrg[] = [];
  private readonly groups: WorldGroup[] = [];
  private readonly lines: WorldLine[] = [];

  constructor(
    private readonly rng: Random,
    private readonly lineTarget: number,
  ) {}

  plan(): Omit<World, 'intensity'> {
    // Parties that serve everyone come first, so that companies can be linked to them as they appear.
    // Small maps keep only the parties their few lines need: one authority, the processors of common specialties, one employer, no broker.
    const authorities = AUTHORITIES.slice(0, this.lineTarget < 5 ? 1 : Math.min(AUTHORITIES.length, Math.max(2, Math.round(this.lineTarget / 20)))).map(([slug, name, nameJa]) =>
      this.addOrganization({ id: slug, name, nameJa, country: 'JP', kind: 'authority' }),
    );
    const processors = new Map<ProcessorSpecialty, WorldOrg[]>();
    for (const specialty of PROCESSOR_SPECIALTIES) {
      const count = Math.max(specialty === 'cloud' || specialty === 'payroll' ? 1 : 0, Math.round(this.lineTarget * PROCESSORS_PER_LINE[specialty]));
      processors.set(specialty, Array.from({ length: count }, (_, i) => this.company('processor', i === 0 ? 'JP' : this.processorCountry(), undefined, specialty)));
    }
    const adPlatforms = Array.from({ length: Math.max(1, Math.round(this.lineTarget / 60)) }, (_, i) =>
      this.company('adPlatform', i === 0 ? 'US' : this.rng.chance(0.6) ? 'JP' : this.rng.pick(['US', 'SG', 'CN', 'KR'])),
    );
    const brokers = Array.from({ length: this.lineTarget < 3 ? 0 : Math.max(1, Math.round(this.lineTarget / 80)) }, () => this.company('broker', 'JP'));
    for (const b of brokers) b.optOutFiled = true;

    this.planGroups();
    while (this.lines.length < this.lineTarget) this.company(this.rng.chance(0.85) ? this.operatingKind() : 'employer', this.rng.chance(0.9) ? 'JP' : this.foreignCountry());
    const extraEmployers = Math.max(1, Math.round(this.lineTarget * 0.7));
    for (let i = 0; i < extraEmployers; i++) this.company('employer', this.rng.chance(0.82) ? 'JP' : this.foreignCountry());

    this.link(processors, adPlatforms, brokers);
    for (const org of this.organizations) this.writeNotices(org);
    return { groups: this.groups, organizations: this.organizations, lines: this.lines, authorities };
  }

  /** A few large groups and many small ones, each with a holding company and its data lake. */
  private planGroups(): void {
    const largest = Math.max(3, Math.round(this.lineTarget / 20));
    const inGroups = this.lineTarget * 0.6;
    for (let g = 0; this.lines.length < inGroups; g++) {
      const [stem] = this.rng.pick(NAME_STEMS);
      const size = g < 3 ? Math.max(3, Math.round(largest / (1 + g * g))) : this.rng.heavyTail(2, largest, 1.3);
      // `-g<n>`: organization ids end in a number, so a group's id is never also an organization's.
      const holding = this.company('holding', 'JP', undefined, undefined, stem);
      const group: WorldGroup = { id: `${slug(stem)}-group-g${g}`, name: `${stem} Group`, holding, lines: [] };
      holding.group = group;
      this.groups.push(group);
      if (size >= 4) group.itSubsidiary = this.company('itSubsidiary', 'JP', group, undefined, stem);
      for (let m = 1; m < size && this.lines.length < inGroups; m++) {
        const company = this.company(this.operatingKind(), this.rng.chance(0.85) ? 'JP' : this.foreignCountry(), group, undefined, stem);
        group.lines.push(...company.lines);
      }
    }
  }

  private operatingKind(): OrgKind {
    let u = this.rng.float();
    for (const [kind, share] of OPERATING_KINDS) if ((u -= share) < 0) return kind;
    return 'consumer';
  }

  private foreignCountry(): string {
    return this.rng.chance(0.2) ? this.rng.pick(ADEQUATE_COUNTRIES) : this.rng.pick(OTHER_COUNTRIES);
  }

  private processorCountry(): string {
    return this.rng.chance(0.55) ? 'JP' : this.rng.pick(['US', 'US', 'IN', 'SG', 'PH', 'VN', 'DE', 'GB']);
  }

  private company(kind: OrgKind, country: string, group?: WorldGroup, specialty?: ProcessorSpecialty, groupStem?: string): WorldOrg {
    const [stem, stemJa] = groupStem ? (NAME_STEMS.find(([s]) => s === groupStem) ?? this.rng.pick(NAME_STEMS)) : this.rng.pick(NAME_STEMS);
    const words = BUSINESS_WORDS[kind];
    const [word, wordJa] = specialty ? words[PROCESSOR_SPECIALTIES.indexOf(specialty)] : this.rng.pick(words);
    // Group companies share the group's stem; a second stem tells apart those in the same business.
    const second = group && this.rng.chance(0.6) ? this.rng.pick(NAME_STEMS) : undefined;
    const [extra, extraJa] = second && second[0] !== stem ? second : ['', ''];
    const base = [stem, extra, word].filter((w) => w !== '').join(' ');
    const id = `${slug(base)}-${this.organizations.length}`;
    const org = this.addOrganization({
      id,
      name: `${base} ${LEGAL_FORMS[country] ?? 'Ltd.'}`,
      nameJa: country === 'JP' ? `株式会社${stemJa}${extraJa}${wordJa}` : undefined,
      country,
      kind,
      group,
      specialty,
    });
    if (kind === 'jobSite' || kind === 'agency' || kind === 'consumer') this.addLines(org);
    return org;
  }

  private addOrganization(fields: Pick<WorldOrg, 'id' | 'name' | 'nameJa' | 'country' | 'kind' | 'group' | 'specialty'>): WorldOrg {
    const kind = fields.kind;
    const hasHr = !['authority', 'processor', 'itSubsidiary'].includes(kind);
    const org: WorldOrg = {
      ...fields,
      index: this.organizations.length,
      roles: ROLES[kind] ?? [],
      purposes: [],
      core: CORE_PURPOSES[kind] ?? [],
      notices: [],
      lines: [],
      hasHr,
    };
    this.organizations.push(org);
    return org;
  }

  private addLines(org: WorldOrg): void {
    const job = org.kind !== 'consumer';
    const catalogue = job ? JOB_LINES : CONSUMER_LINES;
    const drawn = org.kind === 'jobSite' ? this.rng.heavyTail(1, 30, 1.2) : org.kind === 'agency' ? this.rng.heavyTail(1, 10, 1.5) : this.rng.heavyTail(1, 20, 1.3);
    // A small map has no room for a company with more lines than the map plans.
    const count = Math.min(drawn, Math.max(1, this.lineTarget - this.lines.length));
    const start = this.rng.int(0, catalogue.length - 1);
    for (let i = 0; i < count; i++) {
      const [base, label, subject] = catalogue[(start + i) % catalogue.length];
      const round = Math.floor(i / catalogue.length);
      const lineSlug = round === 0 ? base : `${base}${round + 1}`;
      const line: WorldLine = {
        index: this.lines.length,
        org,
        slug: lineSlug,
        label,
        job,
        subject,
        sensitive: this.rng.chance(job ? 0.35 : 0.15),
        prefix: `${org.id}.${lineSlug}`,
        employers: [],
        processors: [],
        adPlatforms: [],
      };
      org.lines.push(line);
      this.lines.push(line);
    }
  }

  /** Who sends to whom: popular employers, processors and ad platforms receive from very many lines. */
  private link(processors: Map<ProcessorSpecialty, WorldOrg[]>, adPlatforms: WorldOrg[], brokers: WorldOrg[]): void {
    const employers = this.organizations.filter((o) => o.kind === 'employer');
    const employerPicker = WeightedPicker.zipf(employers.length, 0.9);
    const pickers = new Map([...processors].map(([s, list]) => [s, WeightedPicker.zipf(list.length, 1.1)]));
    const adPicker = WeightedPicker.zipf(adPlatforms.length, 1.2);
    const brokerPicker = WeightedPicker.zipf(brokers.length, 1);
    const broker = (probability: number): WorldOrg | undefined => (brokers.length > 0 && this.rng.chance(probability) ? brokers[brokerPicker.pick(this.rng)] : undefined);
    const processorOf = (specialty: ProcessorSpecialty): WorldOrg | undefined => {
      const list = processors.get(specialty) ?? [];
      return list.length === 0 ? undefined : list[(pickers.get(specialty) as WeightedPicker).pick(this.rng)];
    };

    for (const line of this.lines) {
      if (line.job) line.employers = employerPicker.pickDistinct(this.rng, this.rng.heavyTail(1, Math.min(employers.length, 400), 1.0)).map((i) => employers[i]);
      const wanted: Array<[ProcessorSpecialty, number]> = [['cloud', 0.85], ['mail', 0.6], ['callcenter', 0.3], ['analytics', 0.4]];
      for (const [specialty, p] of wanted) {
        const processor = this.rng.chance(p) ? processorOf(specialty) : undefined;
        if (processor) line.processors.push(processor);
      }
      const it = line.org.group?.itSubsidiary;
      if (it && this.rng.chance(0.7)) line.processors.push(it);
      if (this.rng.chance(0.75)) line.adPlatforms = adPicker.pickDistinct(this.rng, this.rng.int(1, 2)).map((i) => adPlatforms[i]);
      // Agencies buy candidate lists, consumer businesses company contacts; job sites need neither.
      if (line.org.kind !== 'jobSite') line.listsFrom = broker(line.org.kind === 'agency' ? 0.4 : 0.2);
      line.anonymizedTo = broker(0.15);
    }
    // Business transfers: a line hands members over to a sister company in the same business.
    for (const group of this.groups) {
      for (const line of group.lines) {
        if (!this.rng.chance(0.04)) continue;
        const sister = group.lines.find((l) => l.org !== line.org && l.org.kind === line.org.kind && l.job === line.job);
        if (sister) line.transferTo = sister;
      }
    }
    for (const org of this.organizations) {
      if (org.hasHr && this.rng.chance(0.8)) org.payroll = processorOf('payroll');
      if (org.kind === 'employer') org.listsFrom = broker(0.1);
    }
  }

  /** Purposes and notice versions: the latest states every purpose the organization uses, earlier ones fewer. */
  private writeNotices(org: WorldOrg): void {
    const foreignAdPlatform = org.kind === 'adPlatform' && org.country !== 'JP';
    if (KIND_PURPOSES[org.kind].length === 0 || foreignAdPlatform) return;
    const purposes = [...org.core, ...KIND_PURPOSES[org.kind].filter((p) => !org.core.includes(p))];
    if (org.lines.length > 0) purposes.push(...LINE_PURPOSES.filter((p) => !purposes.includes(p)));
    if (org.group) purposes.push(...GROUP_PURPOSES.filter((p) => !purposes.includes(p)));
    if (org.hasHr) purposes.push(...HR_PURPOSES.filter((p) => !purposes.includes(p)));
    org.purposes = purposes;
    // Policies are revised every year or two.
    const versions = this.rng.int(3, 7);
    let day = this.rng.int(0, dayOf('2018-12-31'));
    for (let v = 0; v < versions && day < LAST_DAY - 60; v++) {
      const stated = v === versions - 1 ? purposes.length : Math.ceil(purposes.length * (0.6 + (0.4 * v) / (versions - 1)));
      const publishedAt = isoDate(day);
      org.notices.push({ id: `${org.id}.privacy-policy-${publishedAt}`, publishedAt, purposes: purposes.slice(0, stated) });
      day += this.rng.int(200, 700);
    }
    // The latest version states every purpose, however the dates fell.
    org.notices[org.notices.length - 1].purposes = purposes;
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
