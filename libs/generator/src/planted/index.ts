import { Random } from '../random';
import { APPI_18_1 } from './appi-18-1';
import { APPI_20_2 } from './appi-20-2';
import { APPI_21_1 } from './appi-21-1';
import { APPI_27_1 } from './appi-27-1';
import { APPI_27_2 } from './appi-27-2';
import { APPI_27_5_1 } from './appi-27-5-1';
import { APPI_27_5_3 } from './appi-27-5-3';
import { APPI_28_1 } from './appi-28-1';
import { APPI_29 } from './appi-29';
import { APPI_31_1 } from './appi-31-1';
import { APPI_35 } from './appi-35';
import { APPI_41_6 } from './appi-41-6';
import { COMPOSITES } from './composites';
import { ESA_5_5_PROFILE } from './esa-5-5-profile';
import { RULE_IDS, RuleId, RulePlants, Scenario, ScenarioBuilder, ScenarioTemplate } from './scenario';

export { RULE_IDS, RULE_SEVERITY } from './scenario';
export type { ExpectedFinding, RuleId, Scenario, ScenarioElements, Severity, TargetKind } from './scenario';

/** The scenarios of each rule, by the rule's id; they must be exactly the catalogue's rules (planted.spec.ts). */
const PLANTS: Readonly<Record<RuleId, RulePlants>> = {
  'APPI-18-1': APPI_18_1,
  'APPI-20-2': APPI_20_2,
  'APPI-21-1': APPI_21_1,
  'APPI-27-1': APPI_27_1,
  'APPI-27-2': APPI_27_2,
  'APPI-27-5-1': APPI_27_5_1,
  'APPI-27-5-3': APPI_27_5_3,
  'APPI-28-1': APPI_28_1,
  'APPI-29': APPI_29,
  'APPI-31-1': APPI_31_1,
  'APPI-35': APPI_35,
  'APPI-41-6': APPI_41_6,
  'ESA-5-5-PROFILE': ESA_5_5_PROFILE,
};

/** The rules that have planted scenarios. */
export function plantedRules(): RuleId[] {
  return Object.keys(PLANTS);
}

function plantsOf(rule: RuleId): RulePlants {
  const plants = PLANTS[rule];
  if (!plants) throw new Error(`rule ${rule} of the catalogue has no planted scenarios (libs/generator/src/planted)`);
  return plants;
}

export interface PlantingPlan {
  /** Violating scenarios per rule (each rule's variants in turn). */
  perRule: number;
  /** Near-miss scenarios in all, taken from the rules in turn (starting at a rule the seed picks). */
  nearMisses: number;
  /** Scenarios breaking several rules at once. */
  composites: number;
}

/**
 * The planted scenarios: `pv.<rule>.<n>` break a rule, `pv.composite.<n>` several, `nm.<rule>.<n>`
 * come close without breaking any. Each has a random stream of its own, so adding scenarios at a
 * larger scale leaves the others as they were.
 */
export function plantScenarios(seed: number, plan: PlantingPlan): Scenario[] {
  const scenarios: Scenario[] = [];
  const build = (key: string, template: ScenarioTemplate): void => {
    const builder = new ScenarioBuilder(key, new Random(seed, 'planted', key));
    template(builder);
    scenarios.push(builder.build());
  };
  for (const rule of RULE_IDS) {
    const { violations } = plantsOf(rule);
    for (let n = 0; n < plan.perRule; n++) build(`pv.${rule.toLowerCase()}.${n + 1}`, violations[n % violations.length]);
  }
  for (let i = 0; i < plan.nearMisses; i++) {
    const rule = RULE_IDS[(seed + i) % RULE_IDS.length];
    const round = Math.floor(i / RULE_IDS.length);
    const { nearMisses } = plantsOf(rule);
    build(`nm.${rule.toLowerCase()}.${round + 1}`, nearMisses[round % nearMisses.length]);
  }
  for (let n = 0; n < plan.composites; n++) build(`pv.composite.${n + 1}`, COMPOSITES[n % COMPOSITES.length]);
  return scenarios;
}

/** A plan that plants every scenario there is at least once: each rule's violations and near-misses, and the composites. */
export function wholeCatalogue(): PlantingPlan {
  const plants = RULE_IDS.map(plantsOf);
  return {
    perRule: Math.max(...plants.map((p) => p.violations.length)),
    nearMisses: RULE_IDS.length * Math.max(...plants.map((p) => p.nearMisses.length)),
    composites: COMPOSITES.length,
  };
}
