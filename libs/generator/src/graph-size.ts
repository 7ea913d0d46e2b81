import type { Collection, DataCategory, Derivation, Flow, Group, Notice, Organization, People, Purpose, Subject, System } from '@tadoru/map';

/** Categories per system index in an asset key; far more categories than any map reaches. */
const CATEGORY_SLOTS = 2 ** 23;

/**
 * Counts the nodes and relationships a map becomes in Neo4j, element by element as it is written,
 * exactly as `toGraphRows` and the import Cypher (cypher/queries/map/import) create them. Only ids
 * are kept: data assets, one per distinct (system, category), are remembered as numbers.
 */
export class GraphSize {
  nodes = 0;
  relationships = 0;
  private readonly organizationIds = new Set<string>();
  private readonly groupIds = new Set<string>();
  private readonly systemIndex = new Map<string, number>();
  private readonly categoryIndex = new Map<string, number>();
  private readonly assets = new Set<number>();

  group(g: Group): void {
    this.groupIds.add(g.id);
    this.nodes++;
  }

  organization(o: Organization): void {
    this.organizationIds.add(o.id);
    this.nodes++;
    if (o.group) this.relationships++; // MEMBER_OF
  }

  subject(_: Subject): void {
    this.nodes++;
  }

  dataCategory(c: DataCategory): void {
    this.categoryIndex.set(c.id, this.categoryIndex.size);
    this.nodes++;
    this.relationships++; // ABOUT
  }

  purpose(_: Purpose): void {
    this.nodes++;
  }

  notice(n: Notice): void {
    this.nodes++;
    this.relationships += 1 + (n.purposes?.length ?? 0); // PUBLISHED_BY, STATES
    for (const p of n.provisions ?? []) {
      this.nodes++;
      // HAS_PROVISION, TO_RECIPIENT, COVERS_CATEGORY, COVERS_PURPOSE (roles and countries are properties)
      this.relationships += 1 + (p.recipients?.length ?? 0) + (p.dataCategories?.length ?? 0) + (p.purposes?.length ?? 0);
    }
    const shared = n.sharedUse;
    if (shared) {
      this.nodes++;
      // DECLARES_SHARED_USE, one SHARED_WITH per organization or group of that id, COVERS_*, MANAGED_BY
      let users = 0;
      for (const u of shared.users ?? []) users += (this.organizationIds.has(u) ? 1 : 0) + (this.groupIds.has(u) ? 1 : 0);
      this.relationships += 1 + users + (shared.dataCategories?.length ?? 0) + (shared.purposes?.length ?? 0) + (shared.manager ? 1 : 0);
    }
  }

  system(s: System): void {
    this.systemIndex.set(s.id, this.systemIndex.size);
    this.nodes++;
    this.relationships++; // OPERATED_BY
    for (const c of s.collections ?? []) this.collection(s.id, c);
  }

  flow(f: Flow): void {
    this.nodes++;
    // FROM, TO, CARRIES, FOR_PURPOSE, UNDER_NOTICE, and one FEEDS per category between its assets
    this.relationships += 2 + 2 * f.dataCategories.length + (f.purposes?.length ?? 0) + (f.notice ? 1 : 0);
    for (const category of f.dataCategories) {
      this.asset(f.from, category);
      this.asset(f.to, category);
    }
  }

  derivation(d: Derivation): void {
    this.nodes++;
    // IN_SYSTEM, INPUT, OUTPUT, FOR_PURPOSE, and FEEDS from every input to every output
    this.relationships += 1 + d.inputs.length + d.outputs.length + (d.purposes?.length ?? 0) + d.inputs.length * d.outputs.length;
    for (const category of d.outputs) this.asset(d.system, category);
    for (const category of d.inputs) this.asset(d.system, category);
  }

  people(p: People): void {
    this.nodes++;
    this.relationships += 1 + (p.uses?.length ?? 0); // OF_SUBJECT, USES
    const consents = p.consents?.length ?? 0;
    this.nodes += consents;
    this.relationships += 2 * consents; // GAVE, TO_NOTICE
  }

  private collection(system: string, c: Collection): void {
    this.nodes++;
    // HAS_COLLECTION, COLLECTS, FOR_PURPOSE, UNDER_NOTICE
    this.relationships += 1 + c.dataCategories.length + (c.purposes?.length ?? 0) + (c.notice ? 1 : 0);
    for (const category of c.dataCategories) this.asset(system, category);
  }

  /** A data asset with its AT and OF relationships, the first time its (system, category) appears. */
  private asset(system: string, category: string): void {
    const key = this.indexOf(this.systemIndex, system) * CATEGORY_SLOTS + this.indexOf(this.categoryIndex, category);
    if (this.assets.has(key)) return;
    this.assets.add(key);
    this.nodes++;
    this.relationships += 2;
  }

  private indexOf(index: Map<string, number>, id: string): number {
    const known = index.get(id);
    if (known !== undefined) return known;
    // a reference to an element the map does not define; the validator rejects such a map anyway
    index.set(id, index.size);
    return index.size - 1;
  }
}
