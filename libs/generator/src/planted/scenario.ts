import type { Collection, Consent, DataCategory, DataClass, Derivation, Flow, Group, Notice, Organization, People, Role, System } from '@tadoru/map';
import { ruleDefinitions, Severity } from '@tadoru/rules';
import { Random } from '../random';
import { BUSINESS_WORDS, LEGAL_FORMS, NAME_STEMS, PURPOSES } from '../vocabulary';

/** Purposes a scenario's notices state beyond those it uses, as real notices list many. */
const EXTRA_STATED_PURPOSES = 8;

export type { Severity };
export type TargetKind = 'flow' | 'derivation' | 'collection';

/** A rule id of the catalogue (cypher/rules/*.cypher). */
export type RuleId = string;

/**
 * The rule catalogue's ids and severities, read from the rule files' headers (the one place they are
 * written), ordered by id in code-point order: the planted scenarios are built in this order, so it
 * must not depend on the locale.
 */
const CATALOGUE = ruleDefinitions().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
export const RULE_IDS: readonly RuleId[] = CATALOGUE.map((r) => r.id);
export const RULE_SEVERITY: Readonly<Record<RuleId, Severity>> = Object.fromEntries(CATALOGUE.map((r) => [r.id, r.severity]));

/** A finding `tadoru check` must report on a generated map. */
export interface ExpectedFinding {
  rule: RuleId;
  severity: Severity;
  target: { kind: TargetKind; id: string };
  /** As the rule counts it: only APPI-27-1 and APPI-35 count people; null elsewhere and when none is concerned. */
  affectedPeople: number | null;
}

/** The elements of a scenario, by section (subjects and purposes are the background's). */
export interface ScenarioElements {
  groups: Group[];
  organizations: Organization[];
  dataCategories: DataCategory[];
  notices: Notice[];
  systems: System[];
  flows: Flow[];
  derivations: Derivation[];
  people: People[];
}

export interface Scenario {
  key: string;
  elements: ScenarioElements;
  findings: ExpectedFinding[];
}

/** Writes one scenario: a few organizations of its own, their systems, data and people, and what must be found. */
export type ScenarioTemplate = (b: ScenarioBuilder) => void;

export interface RulePlants {
  /** Scenarios that fire the rule (each may fire others too, and then expects them). */
  violations: ScenarioTemplate[];
  /** Scenarios that come close to the rule without firing anything. */
  nearMisses: ScenarioTemplate[];
}

interface CollectionSpec {
  id: string;
  categories: string[];
  method: Collection['method'];
  purposes?: string[];
  notice?: string;
  consent?: boolean;
}

/**
 * Builds a scenario with ids under its key (`pv.appi-27-1.3.sender`), so that it shares nothing
 * with the background or other scenarios: every rule sees it on its own.
 */
export class ScenarioBuilder {
  private readonly elements: ScenarioElements = { groups: [], organizations: [], dataCategories: [], notices: [], systems: [], flows: [], derivations: [], people: [] };
  private readonly findings: ExpectedFinding[] = [];

  constructor(
    readonly key: string,
    readonly rng: Random,
  ) {}

  id(local: string): string {
    return `${this.key}.${local}`;
  }

  group(local: string): string {
    const [stem] = this.rng.pick(NAME_STEMS);
    this.elements.groups.push({ id: this.id(local), name: `${stem} Group` });
    return this.id(local);
  }

  /** An organization; `business` picks a plausible name (a BUSINESS_WORDS key). */
  org(local: string, business: string, fields: { country?: string; roles?: Role[]; group?: string; optOutFiled?: boolean } = {}): string {
    const [stem, stemJa] = this.rng.pick(NAME_STEMS);
    const [word, wordJa] = this.rng.pick(BUSINESS_WORDS[business]);
    const country = fields.country ?? 'JP';
    this.elements.organizations.push({
      id: this.id(local),
      name: business === 'authority' ? `${stem} ${word}` : `${stem} ${word} ${LEGAL_FORMS[country] ?? 'Ltd.'}`,
      ...(country === 'JP' ? { nameJa: business === 'authority' ? `${stemJa}${wordJa}` : `株式会社${stemJa}${wordJa}` } : {}),
      country,
      ...(fields.group ? { group: fields.group } : {}),
      ...(fields.roles ? { roles: fields.roles } : {}),
      ...(fields.optOutFiled !== undefined ? { optOutFiled: fields.optOutFiled } : {}),
    });
    return this.id(local);
  }

  category(local: string, name: string, subject: string, cls: DataClass, flags: { linkKey?: boolean; profiling?: boolean } = {}): string {
    this.elements.dataCategories.push({ id: this.id(local), name, subject, class: cls, ...flags });
    return this.id(local);
  }

  notice(local: string, organization: string, publishedAt: string, purposes: string[], extra: Pick<Notice, 'provisions' | 'sharedUse'> = {}): string {
    this.elements.notices.push({ id: this.id(local), organization, publishedAt, purposes, ...extra });
    return this.id(local);
  }

  /** A system; its collections' ids are `<system>:<id>`. */
  system(local: string, operator: string, name: string, collections: CollectionSpec[] = [], country?: string): string {
    const id = this.id(local);
    this.elements.systems.push({
      id,
      name,
      operator,
      ...(country ? { country } : {}),
      ...(collections.length > 0
        ? {
            collections: collections.map((c) => ({
              id: `${id}:${c.id}`,
              dataCategories: c.categories,
              method: c.method,
              ...(c.purposes ? { purposes: c.purposes } : {}),
              ...(c.notice ? { notice: c.notice } : {}),
              ...(c.consent !== undefined ? { consent: c.consent } : {}),
            })),
          }
        : {}),
    });
    return id;
  }

  flow(local: string, from: string, to: string, dataCategories: string[], basis: Flow['basis'], fields: Omit<Partial<Flow>, 'id' | 'from' | 'to' | 'dataCategories' | 'basis'> = {}): string {
    const { purposes, notice, ...rest } = fields;
    this.elements.flows.push({ id: this.id(local), from, to, dataCategories, ...(purposes ? { purposes } : {}), basis, ...(notice ? { notice } : {}), ...rest });
    return this.id(local);
  }

  derivation(local: string, system: string, inputs: string[], outputs: string[], purposes?: string[], validity: Pick<Derivation, 'validFrom' | 'validTo'> = {}): string {
    this.elements.derivations.push({ id: this.id(local), system, inputs, outputs, ...(purposes ? { purposes } : {}), ...validity });
    return this.id(local);
  }

  people(local: string, subject: string, uses: string[], count: number, since: string, consents: Consent[] = []): string {
    this.elements.people.push({ id: this.id(local), subject, ...(count > 1 ? { count } : {}), since, uses, ...(consents.length > 0 ? { consents } : {}) });
    return this.id(local);
  }

  /** A cohort size: anything from a handful to tens of thousands. */
  count(): number {
    return this.rng.heavyTail(2, 40_000, 0.5);
  }

  expect(rule: RuleId, kind: TargetKind, id: string, affectedPeople: number | null = null): void {
    const severity = RULE_SEVERITY[rule];
    if (!severity) throw new Error(`scenario ${this.key} expects a finding of ${rule}, which is no rule of the catalogue (cypher/rules)`);
    this.findings.push({ rule, severity, target: { kind, id }, affectedPeople });
  }

  /**
   * The scenario as built, with detail no rule can tell from its absence: notices also state
   * purposes that nothing in the scenario uses, and people also use the other systems of the
   * organizations whose systems they use (being concerned depends only on those organizations).
   */
  build(): Scenario {
    const used = new Set<string>();
    const { notices, systems, flows, derivations, people } = this.elements;
    for (const list of [...flows, ...derivations, ...systems.flatMap((s) => s.collections ?? [])].map((e) => e.purposes ?? [])) for (const p of list) used.add(p);
    for (const n of notices) for (const p of [...(n.provisions ?? []).flatMap((x) => x.purposes ?? []), ...(n.sharedUse?.purposes ?? [])]) used.add(p);
    const unused = PURPOSES.map(([id]) => id).filter((p) => !used.has(p));
    for (const n of notices) n.purposes = [...(n.purposes ?? []), ...this.rng.sample(unused, EXTRA_STATED_PURPOSES).filter((p) => !n.purposes?.includes(p))];
    for (const p of people) {
      const operators = new Set(systems.filter((s) => p.uses?.includes(s.id)).map((s) => s.operator));
      p.uses = systems.filter((s) => operators.has(s.operator)).map((s) => s.id);
    }
    return { key: this.key, elements: this.elements, findings: this.findings };
  }
}
