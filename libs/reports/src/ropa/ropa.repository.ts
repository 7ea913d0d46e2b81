import { Injectable } from '@nestjs/common';
import { OrganizationRow, toElementRow } from '@tadoru/catalog';
import { int, MapSnapshot, Neo4jService } from '@tadoru/graph';

export interface PurposeOfOrganization {
  id: string;
  name: string;
  sources: Array<{ kind: 'collection' | 'flow' | 'derivation' | 'notice'; id: string }>;
  sourceTotal: number;
}

export interface CategoryOfOrganization {
  id: string;
  name: string;
  class: string;
  profiling: boolean;
  subject: string;
  subjectName: string | null;
  jobSeeker: boolean;
}

export interface RecipientOfOrganization {
  id: string;
  name: string | null;
  nameJa: string | null;
  country: string | null;
  roles: string[];
  flows: string[];
  flowTotal: number;
  bases: string[];
  purposes: string[];
}

export interface TransferOfOrganization {
  flow: string;
  to: string;
  recipient: string;
  recipientName: string | null;
  recipientNameJa: string | null;
  country: string;
  basis: string;
  equivalentMeasures: boolean;
  categories: string[];
  countryNamed: boolean;
}

export interface OptOutOfOrganization {
  total: number;
  flows: string[];
  categories: string[];
  firstFrom: string | null;
  collections: Array<{ id: string; method: string; notice: string | null }>;
}

export type PurposeSource = PurposeOfOrganization['sources'][number]['kind'];

/** Organizations per page, and the cap on each list an organization's row names (totals are given beside). */
export const ORGANIZATION_PAGE = 500;
export const ORGANIZATION_LIST_CAP = 1000;

/**
 * The reads of the per-organization reports (record of processing activities, published matters):
 * cypher/queries/reports/ropa-*.cypher and published-matters-*.cypher, each batched over a page of
 * organizations and read from one pinned version.
 */
@Injectable()
export class OrganizationReportsRepository {
  constructor(private readonly db: Neo4jService) {}

  /** The organizations that operate at least one system, a page at a time in id order. */
  async *operatingOrganizations(map: MapSnapshot): AsyncIterable<OrganizationRow[]> {
    let after: string | null = null;
    for (;;) {
      const { page, total } = await this.db.readMap(map, 'reports.organizations', async (s) => {
        const [row] = await s.run('reports/ropa-operating-organizations', { after, limit: int(ORGANIZATION_PAGE) });
        return { total: row.total as number, page: (row.page as Array<Record<string, unknown>>).map((o) => toElementRow('organizations', map, o)) };
      });
      if (page.length > 0) yield page;
      if (page.length < ORGANIZATION_PAGE || total === 0) return;
      after = page[page.length - 1].id;
    }
  }

  async countOperatingOrganizations(map: MapSnapshot): Promise<number> {
    return this.db.readMap(map, 'reports.organizations.count', async (s) => {
      const [row] = await s.run('reports/ropa-operating-organizations', { after: null, limit: int(0) });
      return row.total as number;
    });
  }

  purposes(map: MapSnapshot, orgs: string[], asOf: string | null, sources: PurposeSource[]): Promise<Map<string, PurposeOfOrganization[]>> {
    return this.byOrganization(map, 'reports/ropa-purposes', { orgs, asOf, sources }, (r) => r.purposes as PurposeOfOrganization[]);
  }

  categories(map: MapSnapshot, orgs: string[], asOf: string | null): Promise<Map<string, { total: number; categories: CategoryOfOrganization[] }>> {
    return this.byOrganization(map, 'reports/ropa-categories', { orgs, asOf }, (r) => ({ total: r.total as number, categories: r.categories as CategoryOfOrganization[] }));
  }

  recipients(map: MapSnapshot, orgs: string[], asOf: string | null): Promise<Map<string, RecipientOfOrganization[]>> {
    return this.byOrganization(map, 'reports/ropa-recipients', { orgs, asOf }, (r) => r.recipients as RecipientOfOrganization[]);
  }

  transfers(map: MapSnapshot, orgs: string[], asOf: string | null): Promise<Map<string, { total: number; transfers: TransferOfOrganization[] }>> {
    return this.byOrganization(map, 'reports/ropa-transfers', { orgs, asOf }, (r) => ({ total: r.total as number, transfers: r.transfers as TransferOfOrganization[] }));
  }

  optOut(map: MapSnapshot, orgs: string[], asOf: string | null): Promise<Map<string, OptOutOfOrganization>> {
    return this.byOrganization(map, 'reports/published-matters-opt-out', { orgs, asOf }, (r) => r as unknown as OptOutOfOrganization);
  }

  private byOrganization<T>(map: MapSnapshot, query: string, params: Record<string, unknown>, pick: (row: Record<string, unknown>) => T): Promise<Map<string, T>> {
    return this.db.readMap(map, query.replace('/', '.'), async (s) => {
      const rows = await s.run(query, { ...params, limit: int(ORGANIZATION_LIST_CAP) });
      return new Map(rows.map((r) => [r.organization as string, pick(r)]));
    });
  }
}
