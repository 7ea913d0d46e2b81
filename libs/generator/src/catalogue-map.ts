import type { DataMap } from '@tadoru/map';
import { backgroundPurposes, backgroundSubjects } from './background-skeleton';
import { ExpectedFinding, plantScenarios, wholeCatalogue } from './planted';

/**
 * Every planted scenario once, alone in a small map (with the subjects and purposes they use), and
 * the findings it must give: the catalogue of what generated maps contain, small enough to check
 * in seconds, where a large generated map contains most scenarios only from a large scale on.
 */
export function scenarioCatalogueMap(seed: number): { map: DataMap; findings: ExpectedFinding[] } {
  const scenarios = plantScenarios(seed, wholeCatalogue());
  const map: DataMap = {
    tadoru: 1,
    map: `scenario-catalogue-${seed}`,
    groups: scenarios.flatMap((s) => s.elements.groups),
    organizations: scenarios.flatMap((s) => s.elements.organizations),
    subjects: [...backgroundSubjects()],
    dataCategories: scenarios.flatMap((s) => s.elements.dataCategories),
    purposes: [...backgroundPurposes()],
    notices: scenarios.flatMap((s) => s.elements.notices),
    systems: scenarios.flatMap((s) => s.elements.systems),
    flows: scenarios.flatMap((s) => s.elements.flows),
    derivations: scenarios.flatMap((s) => s.elements.derivations),
    people: scenarios.flatMap((s) => s.elements.people),
  };
  return { map, findings: scenarios.flatMap((s) => s.findings) };
}
