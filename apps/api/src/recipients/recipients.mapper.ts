import { MapSnapshot } from '@tadoru/graph';
import { PersonTrace, RecipientRow, RecipientsResult, ReferencedElements } from '@tadoru/recipients';
import { Loaders } from '../graphql/loaders';
import { toFindingType } from '../findings/finding.mapper';
import { PersonTraceType, RecipientRowType, RecipientsType } from './recipients.types';

export function toRowType(map: MapSnapshot, row: RecipientRow): RecipientRowType {
  return {
    map,
    organizationId: row.organization,
    organizationName: row.organizationName,
    organizationCountry: row.organizationCountry,
    systemId: row.system,
    systemName: row.systemName,
    categoryId: row.category,
    derived: row.derived,
    flowId: row.flow,
    senderId: row.sender,
    purposeId: row.purpose,
    basis: row.basis,
    noticeId: row.notice,
    crossOrganization: row.crossOrganization,
    path: row.path,
    consent: row.consent,
    findings: row.findings.map(toFindingType),
  };
}

export function toRecipientsType(map: MapSnapshot, result: RecipientsResult): RecipientsType {
  const nodes = result.rows.map((r) => toRowType(map, r));
  return {
    ...result,
    edges: nodes.map((node, i) => ({ cursor: result.cursors[i], node })),
    nodes,
    rows: nodes,
    pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor },
  };
}

export function toPersonTraceType(map: MapSnapshot, t: PersonTrace): PersonTraceType {
  return {
    ...t,
    holdings: t.holdings.map((h) => ({ organizationId: h.organization, systemId: h.system, categoryId: h.category, derived: h.derived, depth: h.depth })),
    recipients: t.recipients.map((r) => toRowType(map, r)),
    findings: t.findings.map(toFindingType),
  };
}

/** Hands the elements an answer read with its rows to the request's loaders. */
export function primeLoaders(loaders: Loaders, map: MapSnapshot, elements: ReferencedElements): void {
  loaders.prime('flows', map, elements.flows);
  loaders.prime('organizations', map, elements.organizations);
  loaders.prime('systems', map, elements.systems);
  loaders.prime('purposes', map, elements.purposes);
  loaders.prime('notices', map, elements.notices);
}
