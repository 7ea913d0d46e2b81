import type { Basis, Flow } from '@tadoru/map';
import { dayOf, isoDate } from './calendar';
import { CategoryRef, lineCategory, LineCategoryRole, LineSystem, lineSystem, orgCategory, orgSystem } from './kits';
import { latestNotice, SHARED_ROLES } from './background-skeleton';
import { Random } from './random';
import { isDomesticOrAdequate } from './vocabulary';
import { GROUP_PURPOSES, World, WorldLine, WorldOrg } from './world';

/** One end of a flow: a system and the organization operating it. */
interface Endpoint {
  system: string;
  org: WorldOrg;
}

/** A span of time a flow runs in; `to` absent means still running. */
interface Period {
  from?: string;
  to?: string;
}

/** Contract periods (renewed every two years) and recruiting seasons (March to February). */
const CONTRACT_PERIODS: Period[] = [{ from: '2019-04-01', to: '2021-03-31' }, { from: '2021-04-01', to: '2023-03-31' }, { from: '2023-04-01' }];
const SEASONS: Period[] = [
  { from: '2021-03-01', to: '2022-02-28' },
  { from: '2022-03-01', to: '2023-02-28' },
  { from: '2023-03-01', to: '2024-02-29' },
  { from: '2024-03-01' },
];

/**
 * The background's flows, organization by organization: each service line's own pipeline, what it
 * shares with its group, entrusts to processors, sends to ad platforms and (with consent) to
 * employers, and each organization's staff records going to payroll and the authorities. Every
 * flow is built to be lawful under the rule catalogue; the findings of a generated map all come
 * from its planted scenarios.
 */
export function* backgroundFlows(world: World, seed: number): Generator<Flow> {
  const maker = new FlowMaker();
  for (const org of world.organizations) {
    for (const line of org.lines) yield* lineFlows(line, new Random(seed, 'flows', line.index), maker, world.intensity);
    yield* organizationFlows(org, world, new Random(seed, 'org-flows', org.index), maker);
  }
}

class FlowMaker {
  private count = 0;

  /** A flow with the safeguards its basis needs for where the data goes (each names its article). */
  make(from: Endpoint, to: Endpoint, categories: CategoryRef[], basis: Basis, purposes: string[], options: { notice?: string; period?: Period } = {}): Flow {
    const cross = from.org !== to.org;
    const personal = categories.some((c) => c.class === 'PERSONAL' || c.class === 'SPECIAL_CARE');
    const referable = categories.some((c) => c.class === 'PERSONALLY_REFERABLE');
    const flow: Flow = {
      id: `${from.system}:${++this.count}`,
      from: from.system,
      to: to.system,
      dataCategories: categories.map((c) => c.id),
      purposes,
      basis,
    };
    if (options.notice) flow.notice = options.notice;
    // APPI 29: provisions on consent or by opt-out are recorded.
    if (cross && personal && (basis === 'CONSENT' || basis === 'OPT_OUT')) flow.recordsKept = true;
    // APPI 31(1): identifiers sent without consent go to recipients that declare they cannot link them.
    if (cross && referable && !personal && categories.some((c) => c.linkKey) && basis !== 'CONSENT') flow.recipientCanIdentify = false;
    // APPI 28(1): a recipient abroad without adequacy is bound by contract to equivalent measures
    // (consented provisions abroad rely on the countries their notice names instead).
    if (cross && personal && !isDomesticOrAdequate(to.org.country) && basis !== 'LAW' && basis !== 'CONSENT') flow.equivalentMeasures = true;
    if (options.period?.from) flow.validFrom = options.period.from;
    if (options.period?.to) flow.validTo = options.period.to;
    return flow;
  }
}

function* lineFlows(line: WorldLine, rng: Random, maker: FlowMaker, intensity: number): Generator<Flow> {
  const org = line.org;
  const at = (system: LineSystem): Endpoint => ({ system: lineSystem(line, system), org });
  const cats = (...roles: LineCategoryRole[]): CategoryRef[] => roles.filter((r) => r !== 'sensitive' || line.sensitive).map((r) => lineCategory(line, r));
  // Within the organization: purposes it states (APPI 21(1)), always including its core ones.
  const own = (...wanted: string[]): string[] => [...org.core, ...wanted.filter((p) => org.purposes.includes(p) && !org.core.includes(p))];
  const internal = (from: LineSystem, to: LineSystem, roles: LineCategoryRole[], purposes: string[], period?: Period): Flow =>
    maker.make(at(from), at(to), cats(...roles), 'INTERNAL', purposes, { period });

  // The line's own pipeline, stage by stage; busy lines run many jobs per stage (event streams, API
  // syncs, ETL and feature jobs), each moving the stage's data or part of it.
  const activity = Math.round(rng.heavyTail(5, 30, 0.9) * intensity);
  const stage = (from: LineSystem, to: LineSystem, roles: LineCategoryRole[], jobs: number, purposes: string[]): Flow[] => {
    const flows: Flow[] = [];
    for (let job = 0; job < jobs; job++) {
      const carried = job === 0 ? roles : roles.filter((_, i) => i === 0 || rng.chance(0.85));
      flows.push(internal(from, to, carried, own(...rng.sample(purposes, rng.int(1, purposes.length)))));
    }
    return flows;
  };
  yield* stage('web', 'db', ['cookie', 'browsing'], Math.ceil(activity / 2), ['personalisation', 'fraud-prevention']);
  yield* stage('app', 'db', ['memberId', 'name', 'email', 'profile', 'sensitive'], Math.ceil(activity / 2), ['member-management', 'customer-support']);
  // A pipeline migration: the old nightly export, then a stream, carrying the same data.
  if (rng.chance(0.5)) {
    const pipeline: LineCategoryRole[] = ['memberId', 'name', 'email', 'profile', 'cookie', 'browsing'];
    yield internal('db', 'warehouse', pipeline, own('statistics'), { to: '2021-12-31' });
    yield internal('db', 'warehouse', pipeline, own('statistics'), { from: '2022-01-01' });
  }
  yield* stage('db', 'warehouse', ['memberId', 'name', 'email', 'profile', 'cookie', 'browsing'], activity, ['statistics', 'member-management']);
  yield* stage('warehouse', 'analytics', ['memberId', 'cookie', 'browsing', 'profile'], activity, ['personalisation', 'statistics']);
  yield* stage('analytics', 'warehouse', ['segment', 'propensity', 'match', 'pseudo', 'usage', 'anon'], Math.ceil(activity / 2), ['personalisation', 'statistics']);
  yield* stage('warehouse', 'crm', ['memberId', 'name', 'email', 'propensity', 'segment'], Math.ceil(activity / 2), ['marketing-email', 'customer-support']);
  yield internal('crm', 'app', ['match'], own('personalisation'));
  yield internal('crm', 'db', ['email', 'name'], own('member-management'));

  for (const adPlatform of line.adPlatforms) {
    const server: Endpoint = { system: orgSystem(adPlatform, 'ad-server'), org: adPlatform };
    yield maker.make(at('web'), server, cats('cookie', 'browsing'), 'NOT_PERSONAL', ['ad-targeting', 'ad-measurement']);
    yield maker.make(server, at('crm'), [orgCategory(adPlatform, 'adPlatform', 'campaign-report')], 'NOT_PERSONAL', ['ad-measurement']);
  }

  const group = org.group;
  if (group && group.holding !== org) {
    const holding = group.holding;
    const lake: Endpoint = { system: orgSystem(holding, 'lake'), org: holding };
    // Joint use under the sender's own declaration (APPI 27(5)(iii)).
    const periods = rng.chance(0.4) ? [{ to: '2020-12-31' }, { from: '2021-01-01' }] : [undefined];
    for (const period of periods) yield maker.make(at('warehouse'), lake, cats(...SHARED_ROLES), 'SHARED_USE', GROUP_PURPOSES, { notice: latestNotice(org), period });
    yield maker.make(at('analytics'), lake, cats('usage'), 'NOT_PERSONAL', ['statistics']);
    const shared = [orgCategory(holding, 'holding', 'unified-id'), orgCategory(holding, 'holding', 'cross-service-segment')];
    yield maker.make({ system: orgSystem(holding, 'cdp'), org: holding }, at('crm'), shared, 'SHARED_USE', ['group-marketing'], { notice: latestNotice(holding) });
  }

  // Entrustment (APPI 27(5)(i)) of the line's own data only; processors send nothing on but statistics back.
  for (const processor of line.processors) {
    const platform: Endpoint = { system: orgSystem(processor, processor.kind === 'itSubsidiary' ? 'infra' : 'platform'), org: processor };
    const entrust = (from: LineSystem, roles: LineCategoryRole[], purposes: string[], period?: Period): Flow =>
      maker.make(at(from), platform, cats(...roles), 'ENTRUSTMENT', purposes, { period });
    if (processor.kind === 'itSubsidiary') yield entrust('db', ['memberId', 'name', 'email'], ['it-operations']);
    else if (processor.specialty === 'cloud') {
      const first = rng.int(0, CONTRACT_PERIODS.length - 1);
      for (const period of CONTRACT_PERIODS.slice(first)) yield entrust('warehouse', ['memberId', 'name', 'profile', 'browsing', 'pseudo'], ['it-operations'], period);
    } else if (processor.specialty === 'mail') yield entrust('crm', ['name', 'email'], ['marketing-email']);
    else if (processor.specialty === 'callcenter') yield entrust('crm', ['name', 'email', 'memberId'], ['customer-support']);
    else if (processor.specialty === 'analytics') {
      yield entrust('db', ['memberId', 'browsing', 'cookie'], ['service-improvement']);
      yield maker.make(platform, at('crm'), cats('engagement'), 'NOT_PERSONAL', ['service-improvement']);
    }
  }

  // Applications go to employers on the members' consent, season after season (APPI 27(1), 28(1)).
  const notice = latestNotice(org);
  for (const employer of line.employers) {
    const ats: Endpoint = { system: orgSystem(employer, 'ats'), org: employer };
    const seasons = SEASONS.slice(rng.heavyTail(1, SEASONS.length, 1.5) * -1);
    for (const period of seasons) yield maker.make(at('db'), ats, cats('name', 'email', 'profile'), 'CONSENT', ['recruitment-selection'], { notice, period });
  }

  if (line.listsFrom) {
    const broker = line.listsFrom;
    const [contacts, purpose] = org.kind === 'agency' ? ['candidate-contacts', 'recruiting-outreach'] : ['company-contacts', 'sales-outreach'];
    yield maker.make({ system: orgSystem(broker, 'list-db'), org: broker }, at('crm'), [orgCategory(broker, 'broker', contacts)], 'OPT_OUT', [purpose]);
  }
  if (line.anonymizedTo) {
    const broker = line.anonymizedTo;
    yield maker.make(at('analytics'), { system: orgSystem(broker, 'list-db'), org: broker }, cats('anon'), 'NOT_PERSONAL', ['statistics']);
  }
  if (line.transferTo) {
    const day = rng.int(dayOf('2019-01-01'), dayOf('2024-12-31'));
    const to: Endpoint = { system: lineSystem(line.transferTo, 'db'), org: line.transferTo.org };
    yield maker.make(at('db'), to, cats('name', 'email', 'memberId', 'profile'), 'SUCCESSION', org.core, { period: { from: isoDate(day), to: isoDate(day + 30) } });
  }
}

function* organizationFlows(org: WorldOrg, world: World, rng: Random, maker: FlowMaker): Generator<Flow> {
  const own = (system: Parameters<typeof orgSystem>[1]): Endpoint => ({ system: orgSystem(org, system), org });
  const hr = (...suffixes: string[]): CategoryRef[] => suffixes.map((s) => orgCategory(org, 'hr', `hr.${s}`));
  if (org.hasHr) {
    if (org.payroll) {
      const platform: Endpoint = { system: orgSystem(org.payroll, 'platform'), org: org.payroll };
      for (const period of CONTRACT_PERIODS.slice(rng.int(0, CONTRACT_PERIODS.length - 1))) yield maker.make(own('hr'), platform, hr('employee-name', 'salary'), 'ENTRUSTMENT', ['payroll'], { period });
    }
    if (org.country === 'JP') {
      // Statutory filings (APPI 27(1)(i)): a withholding tax filing each year, and social insurance.
      const [taxAgency, pensionService] = world.authorities;
      const filing: Endpoint = { system: orgSystem(taxAgency, 'filing'), org: taxAgency };
      for (let year = 2025 - rng.int(2, 6); year < 2025; year++) {
        yield maker.make(own('hr'), filing, hr('employee-name', 'my-number', 'salary'), 'LAW', ['tax-filing', 'legal-compliance'], { period: { from: `${year}-01-01`, to: `${year}-12-31` } });
      }
      if (pensionService && rng.chance(0.4)) yield maker.make(own('hr'), { system: orgSystem(pensionService, 'filing'), org: pensionService }, hr('employee-name', 'my-number', 'salary'), 'LAW', ['social-insurance']);
    }
  }
  if (org.kind === 'employer') {
    const hires = [orgCategory(org, 'employer', 'applicant-name'), orgCategory(org, 'employer', 'applicant-resume')];
    for (let round = rng.int(1, 3); round > 0; round--) yield maker.make(own('ats'), own('hr'), hires, 'INTERNAL', ['employment-management', 'recruitment-selection']);
    if (org.listsFrom) {
      const broker = org.listsFrom;
      yield maker.make({ system: orgSystem(broker, 'list-db'), org: broker }, own('ats'), [orgCategory(broker, 'broker', 'candidate-contacts')], 'OPT_OUT', ['recruiting-outreach']);
    }
  }
  if (org.kind === 'holding') {
    const outputs = ['unified-id', 'cross-service-segment', 'lifetime-value'].map((s) => orgCategory(org, 'holding', s));
    yield maker.make(own('lake'), own('cdp'), outputs, 'INTERNAL', ['group-marketing']);
  }
}
