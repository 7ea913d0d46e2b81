import type { Consent, People } from '@tadoru/map';
import { dayOf, isoDate, LAST_DAY } from './calendar';
import { lineSystem, orgSystem } from './kits';
import { noticeInForce } from './background-skeleton';
import { Random, WeightedPicker } from './random';
import { provides, World, WorldLine, WorldOrg } from './world';

/** Where a cohort's data is collected: a service line's website and app, a staff register, a careers page. */
type Home = { line: WorldLine } | { staffOf: WorldOrg } | { applicantsOf: WorldOrg };

const FIRST_DAY = dayOf('2015-04-01');

/**
 * The background's people: first one cohort per home, the busiest job lines first (theirs is the
 * data that reaches employers), then cohorts drawn by popularity for as long as the caller reads.
 * Members of job sites and agencies consent to the notice in force when they join, whose provision
 * covers every application sent to employers, and never withdraw it; elsewhere consents are
 * optional and some are withdrawn, which no rule minds where nothing is provided on consent.
 */
export function* backgroundPeople(world: World, seed: number): Generator<People> {
  const rng = new Random(seed, 'people');
  const counters = new Map<Home, number>();
  const homes: Home[] = [
    ...[...world.lines].sort((a, b) => b.employers.length - a.employers.length || a.index - b.index).map((line) => ({ line })),
    ...world.organizations.filter((o) => o.hasHr).map((staffOf) => ({ staffOf })),
    ...world.organizations.filter((o) => o.kind === 'employer').map((applicantsOf) => ({ applicantsOf })),
  ];
  const cohort = (home: Home): People => {
    const k = counters.get(home) ?? 0;
    counters.set(home, k + 1);
    return cohortOf(home, k, rng);
  };
  for (const home of homes) yield cohort(home);
  const picker = new WeightedPicker(homes.map((h) => ('line' in h ? 3 + Math.min(h.line.employers.length, 50) : 1)));
  for (;;) yield cohort(homes[picker.pick(rng)]);
}

function cohortOf(home: Home, k: number, rng: Random): People {
  if ('line' in home) {
    const line = home.line;
    const uses = rng.chance(0.7) ? ['web', 'app'] : rng.chance(0.66) ? ['app'] : ['web'];
    return entry(`${line.prefix}.members-${k}`, line.subject, uses.map((s) => lineSystem(line, s as 'web' | 'app')), line.org, rng, peopleCount(rng, 60_000));
  }
  if ('staffOf' in home) return entry(`${home.staffOf.id}.staff-${k}`, 'employees', [orgSystem(home.staffOf, 'hr')], home.staffOf, rng, peopleCount(rng, 5_000));
  return entry(`${home.applicantsOf.id}.applicants-${k}`, 'applicants', [orgSystem(home.applicantsOf, 'ats')], home.applicantsOf, rng, peopleCount(rng, 20_000));
}

/** One person now and then; otherwise a cohort, usually of hundreds, now and then of tens of thousands. */
function peopleCount(rng: Random, max: number): number {
  return rng.chance(0.15) ? 1 : rng.heavyTail(2, max, 0.55);
}

function entry(id: string, subject: string, uses: string[], org: WorldOrg, rng: Random, count: number): People {
  const first = org.notices.length > 0 ? Math.max(FIRST_DAY, dayOf(org.notices[0].publishedAt)) : FIRST_DAY;
  const sinceDay = rng.int(first, LAST_DAY - 30);
  const since = isoDate(sinceDay);
  const consents: Consent[] = [];
  if (org.notices.length > 0) {
    if (provides(org) && subject !== 'employees') {
      // Consent when joining, to the notice then in force, is what every provision to employers relies on.
      consents.push({ notice: noticeInForce(org, since), at: since });
      const later = org.notices.find((n) => n.publishedAt > since);
      if (later && rng.chance(0.3)) consents.push({ notice: later.id, at: later.publishedAt });
    } else if (rng.chance(0.65)) {
      const consent: Consent = { notice: noticeInForce(org, since), at: since };
      if (rng.chance(0.25)) consent.withdrawnAt = isoDate(rng.int(sinceDay, LAST_DAY));
      consents.push(consent);
    }
  }
  return {
    id,
    subject,
    ...(count > 1 ? { count } : {}),
    since,
    uses,
    ...(consents.length > 0 ? { consents } : {}),
  };
}
