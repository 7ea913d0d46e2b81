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

/**
 * Hands the elements an answer read with its rows to the request's loaders, as read from this
 * operation's pin (a kept answer was read by an earlier operation, of the same version): whatever
 * is read from them next counts as this operation's reading.
 */
export function primeLoaders(loaders: Loaders, map: MapSnapshot, elements: ReferencedElements): void {
  const ours = <T extends { snapshot: MapSnapshot }>(rows: T[]): T[] => rows.map((row) => ({ ...row, snapshot: map }));
  loaders.prime('flows', map, ours(elements.flows));
  loaders.prime('organizations', map, ours(elements.organizations));
  loaders.prime('systems', map, ours(elements.systems));
  loaders.prime('purposes', map, ours(elements.purposes));
  loaders.prime('notices', map, ours(elements.notices));
}
