import { INestApplicationContext } from '@nestjs/common';
import { DataMap, validateMap } from '@tadoru/map';
import { MapStoreService } from '@tadoru/store';
import { CheckService } from '@tadoru/reports';
import { Finding, RuleEngine } from '@tadoru/rules';

/**
 * A compact way to write a rule's test maps: a base of organizations, systems and categories that
 * each test extends with the few elements it is about. Everything is plain data, so a test reads
 * as the map it checks.
 */
export function baseMap(extra: Partial<DataMap> = {}): DataMap {
  const base: DataMap = {
    tadoru: 1,
    map: 'rule-test',
    groups: [{ id: 'grp', name: 'Group' }],
    organizations: [
      { id: 'site', name: 'Job Site Co.', country: 'JP', group: 'grp', roles: ['JOB_INFORMATION_PROVIDER'] },
      { id: 'sister', name: 'Sister Co.', country: 'JP', group: 'grp' },
      { id: 'employer', name: 'Employer Co.', country: 'JP', roles: ['EMPLOYER'] },
      { id: 'vendor', name: 'Vendor K.K.', country: 'JP', roles: ['PROCESSOR'] },
      { id: 'foreign', name: 'Foreign Pte.', country: 'SG' },
      { id: 'eu', name: 'EU GmbH', country: 'DE' },
    ],
    subjects: [
      { id: 'student', name: 'Students', jobSeeker: true },
      { id: 'customer', name: 'Customers' },
    ],
    dataCategories: [
      { id: 'name', name: 'Name', subject: 'student', class: 'PERSONAL' },
      { id: 'health', name: 'Health', subject: 'student', class: 'SPECIAL_CARE' },
      { id: 'browsing', name: 'Browsing history', subject: 'student', class: 'PERSONALLY_REFERABLE' },
      { id: 'cookie', name: 'Cookie id', subject: 'student', class: 'PERSONALLY_REFERABLE', linkKey: true },
      { id: 'score', name: 'Decline score', subject: 'student', class: 'PERSONAL', profiling: true },
      { id: 'pseudo', name: 'Pseudonymized logs', subject: 'student', class: 'PSEUDONYMIZED' },
      { id: 'stats', name: 'Statistics', subject: 'student', class: 'STATISTICAL' },
      { id: 'customer-name', name: 'Customer name', subject: 'customer', class: 'PERSONAL' },
    ],
    purposes: [
      { id: 'matching', name: 'Job matching' },
      { id: 'selection', name: 'Selection' },
      { id: 'ads', name: 'Advertising' },
    ],
    notices: [],
    systems: [
      { id: 'site-web', name: 'Job site', operator: 'site' },
      { id: 'site-db', name: 'Job site DB', operator: 'site' },
      { id: 'sister-app', name: 'Sister app', operator: 'sister' },
      { id: 'employer-ats', name: 'Employer ATS', operator: 'employer' },
      { id: 'vendor-box', name: 'Vendor box', operator: 'vendor' },
      { id: 'foreign-app', name: 'Foreign app', operator: 'foreign' },
      { id: 'eu-app', name: 'EU app', operator: 'eu' },
    ],
    flows: [],
    derivations: [],
    people: [],
  };
  const merged: DataMap = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const k = key as keyof DataMap;
    const current = merged[k];
    (merged as unknown as Record<string, unknown>)[k] = Array.isArray(current) && Array.isArray(value) ? [...current, ...value] : value;
  }
  return merged;
}

/** Replaces one element of a section by id (for near-misses that change one field). */
export function withElement<T extends { id: string }>(list: T[] | undefined, id: string, change: Partial<T>): T[] {
  return (list ?? []).map((e) => (e.id === id ? { ...e, ...change } : e));
}

/** Runs `tadoru check`'s evaluation on a map (stored as a scratch map, removed afterwards). */
export async function findingsOf(ctx: INestApplicationContext, map: DataMap, options: { asOf?: string } = {}): Promise<Finding[]> {
  assertValid(map);
  const report = await ctx.get(CheckService).check(map, map.map ?? 'test', options);
  return report.findings;
}

/** The findings of one rule only (other rules are not run, so one rule's tests never depend on another's file). */
export async function findingsOfRule(ctx: INestApplicationContext, rule: string, map: DataMap, options: { asOf?: string } = {}): Promise<Map<string, Finding>> {
  assertValid(map);
  // Nothing stored with the scratch map: only the rule under test is evaluated, so one rule's tests never depend on another's file.
  const findings = await ctx.get(MapStoreService).withScratchMap(map, (scratch) => ctx.get(RuleEngine).evaluate(scratch, { rules: [rule], asOf: options.asOf }), {
    storeFindings: false,
  });
  return new Map(findings.map((f) => [f.target.id, f]));
}

function assertValid(map: DataMap): void {
  const { problems } = validateMap([{ value: JSON.parse(JSON.stringify(map)) }]);
  if (problems.length > 0) throw new Error(`test map is invalid:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
}
