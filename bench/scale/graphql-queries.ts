import { DPO_QUESTION } from '../../apps/api/src/playground/playground-queries';

/** The questions the benchmark asks over HTTP, each about one sampled category, system or person. */
export interface BenchQuestion {
  name: string;
  sample: 'categories' | 'systems' | 'people';
  query: string;
  variables: (map: string, id: string) => Record<string, unknown>;
}

export const QUESTIONS: BenchQuestion[] = [
  {
    // The DPO question exactly as the playground asks it: recipients, purposes, bases, paths and findings.
    name: 'recipients of a category',
    sample: 'categories',
    query: DPO_QUESTION,
    variables: (map, category) => ({ map, category }),
  },
  {
    name: 'recipients of a person',
    sample: 'people',
    query: `query ($map: String!, $person: String!) {
      map(name: $map) {
        recipients(person: $person) {
          partial
          totalCount
          rows { organizationName systemName categoryId purposeId basis derived consent { consented } path { systems steps { kind via rulesBroken } } findings { rule severity } }
        }
      }
    }`,
    variables: (map, person) => ({ map, person }),
  },
  {
    // As the playground's second tab asks it.
    name: 'person trace',
    sample: 'people',
    query: `query ($map: String!, $person: String!) {
      map(name: $map) {
        personTrace(person: $person) {
          person { id subject count uses }
          consents { notice organization at withdrawnAt }
          holdings { organizationId systemId categoryId derived depth }
          recipients { organizationName categoryId flowId basis consent { concerned consented withdrawn } findings { rule severity } }
          findings { rule severity target { kind id } affectedPeople message }
          partial
        }
      }
    }`,
    variables: (map, person) => ({ map, person }),
  },
  {
    name: 'lineage of a category (downstream)',
    sample: 'categories',
    query: `query ($map: String!, $category: String!) {
      map(name: $map) { lineage(category: $category, direction: DOWNSTREAM) { partial nodes { asset depth reachedVia { kind via } } } }
    }`,
    variables: (map, category) => ({ map, category }),
  },
  {
    name: 'lineage of a system (upstream)',
    sample: 'systems',
    query: `query ($map: String!, $system: String!) {
      map(name: $map) { lineage(system: $system, direction: UPSTREAM) { partial nodes { asset depth reachedVia { kind via } } } }
    }`,
    variables: (map, system) => ({ map, system }),
  },
];
