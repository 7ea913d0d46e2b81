import type { Collection, DataCategory, Derivation, Flow, Group, Notice, Organization, People, Provision, Purpose, Role, Subject, System } from '@tadoru/map';

/** Categories per system index in an asset key; far more categories than any map reaches. */
const CATEGORY_SLOTS = 2 ** 23;

/**
 * Counts the nodes and relationships a map becomes in Neo4j, element by element as it is written,
 * exactly as `toGraphRows` and the import Cypher (cypher/queries/map/import) create them. Only ids
 * are kept, and what the COVERS edges of flows depend on (roles, operators, provisions): data
 * assets, one per distinct (system, category), are remembered as numbers.
 */
export class GraphSize {
  nodes = 0;
  /**
   * The relationships of the map's own elements: everything but COVERS. Plans are sized by these, so
   * that the map generated for a scale and seed does not depend on which edges the import derives.
   */
  mapRelationships = 0;
  /** (:Provision)-[:COVERS]->(:Flow) edges, derived at import (cypher/queries/map/import/18-create-covers.cypher). */
  covers = 0;
  private readonly organizationIds = new Set<string>();
  private readonly rolesOf = new Map<string, readonly Role[]>();
  private readonly operatorOf = new Map<string, string>();
  private readonly provisionsOfNotice = new Map<string, readonly Provision[]>();
  private readonly noticesOf = new Map<string, string[]>();
  private readonly groupIds = new Set<string>();
  private readonly systemIndex = new Map<string, number>();
  private readonly categoryIndex = new Map<string, number>();
  private readonly assets = new Set<number>();

  /** Every relationship of the graph. */
  get relationships(): number {
    return this.mapRelationships + this.covers;
  }

  group(g: Group): void {
    this.groupIds.add(g.id);
    this.nodes++;
  }

  organization(o: Organization): void {
    this.organizationIds.add(o.id);
    this.rolesOf.set(o.id, o.roles ?? []);
    this.nodes++;
    if (o.group) this.mapRelationships++; // MEMBER_OF
  }

  subject(_: Subject): void {
    this.nodes++;
  }

  dataCategory(c: DataCategory): void {
    this.categoryIndex.set(c.id, this.categoryIndex.size);
    this.nodes++;
    this.mapRelationships++; // ABOUT
  }

  purpose(_: Purpose): void {
    this.nodes++;
  }

  notice(n: Notice): void {
    this.nodes++;
    this.provisionsOfNotice.set(n.id, n.provisions ?? []);
    const ofOrganization = this.noticesOf.get(n.organization);
    if (ofOrganization) ofOrganization.push(n.id);
    else this.noticesOf.set(n.organization, [n.id]);
    this.mapRelationships += 1 + (n.purposes?.length ?? 0); // PUBLISHED_BY, STATES
    for (const p of n.provisions ?? []) {
      this.nodes++;
      // HAS_PROVISION, TO_RECIPIENT, COVERS_CATEGORY, COVERS_PURPOSE (roles and countries are properties)
      this.mapRelationships += 1 + (p.recipients?.length ?? 0) + (p.dataCategories?.length ?? 0) + (p.purposes?.length ?? 0);
    }
    const shared = n.sharedUse;
    if (shared) {
      this.nodes++;
      // DECLARES_SHARED_USE, one SHARED_WITH per organization or group of that id, COVERS_*, MANAGED_BY
      let users = 0;
      for (const u of shared.users ?? []) users += (this.organizationIds.has(u) ? 1 : 0) + (this.groupIds.has(u) ? 1 : 0);
      this.mapRelationships += 1 + users + (shared.dataCategories?.length ?? 0) + (shared.purposes?.length ?? 0) + (shared.manager ? 1 : 0);
    }
  }

  system(s: System): void {
    this.systemIndex.set(s.id, this.systemIndex.size);
    this.operatorOf.set(s.id, s.operator);
    this.nodes++;
    this.mapRelationships++; // OPERATED_BY
    for (const c of s.collections ?? []) this.collection(s.id, c);
  }

  flow(f: Flow): void {
    this.nodes++;
    // FROM, TO, CARRIES, FOR_PURPOSE, UNDER_NOTICE, and one FEEDS per category between its assets
    this.mapRelationships += 2 + 2 * f.dataCategories.length + (f.purposes?.length ?? 0) + (f.notice ? 1 : 0);
    for (const category of f.dataCategories) {
      this.asset(f.from, category);
      this.asset(f.to, category);
    }
    this.covers += this.coveringProvisions(f);
  }

  derivation(d: Derivation): void {
    this.nodes++;
    // IN_SYSTEM, INPUT, OUTPUT, FOR_PURPOSE, and FEEDS from every input to every output
    this.mapRelationships += 1 + d.inputs.length + d.outputs.length + (d.purposes?.length ?? 0) + d.inputs.length * d.outputs.length;
    for (const category of d.outputs) this.asset(d.system, category);
    for (const category of d.inputs) this.asset(d.system, category);
  }

  people(p: People): void {
    this.nodes++;
    this.mapRelationships += 1 + (p.uses?.length ?? 0); // OF_SUBJECT, USES
    const consents = p.consents?.length ?? 0;
    this.nodes += consents;
    this.mapRelationships += 2 * consents; // GAVE, TO_NOTICE
  }

  private collection(system: string, c: Collection): void {
    this.nodes++;
    // HAS_COLLECTION, COLLECTS, FOR_PURPOSE, UNDER_NOTICE
    this.mapRelationships += 1 + c.dataCategories.length + (c.purposes?.length ?? 0) + (c.notice ? 1 : 0);
    for (const category of c.dataCategories) this.asset(system, category);
  }

  /**
   * The provisions the import links to the flow with COVERS: of its own notice and of every notice of
   * its sender, those that cover it (the recipient listed or one of its roles, every category, every
   * purpose), as cypher/queries/map/import/18-create-covers.cypher decides; a notice counted once.
   */
  private coveringProvisions(f: Flow): number {
    const sender = this.operatorOf.get(f.from);
    const recipient = this.operatorOf.get(f.to);
    if (recipient === undefined) return 0;
    const roles = this.rolesOf.get(recipient) ?? [];
    const notices = new Set([...(f.notice ? [f.notice] : []), ...((sender !== undefined && this.noticesOf.get(sender)) || [])]);
    let count = 0;
    for (const notice of notices) {
      for (const p of this.provisionsOfNotice.get(notice) ?? []) {
        const toRecipient = (p.recipients ?? []).includes(recipient) || (p.recipientRoles ?? []).some((role) => roles.includes(role));
        if (toRecipient && f.dataCategories.every((c) => (p.dataCategories ?? []).includes(c)) && (f.purposes ?? []).every((x) => (p.purposes ?? []).includes(x))) count++;
      }
    }
    return count;
  }

  /** A data asset with its AT and OF relationships, the first time its (system, category) appears. */
  private asset(system: string, category: string): void {
    const key = this.indexOf(this.systemIndex, system) * CATEGORY_SLOTS + this.indexOf(this.categoryIndex, category);
    if (this.assets.has(key)) return;
    this.assets.add(key);
    this.nodes++;
    this.mapRelationships += 2;
  }

  private indexOf(index: Map<string, number>, id: string): number {
    const known = index.get(id);
    if (known !== undefined) return known;
    // a reference to an element the map does not define; the validator rejects such a map anyway
    index.set(id, index.size);
    return index.size - 1;
  }
}
