import { PersonTrace, RecipientRow, RecipientsResult } from '@tadoru/recipients';
import { toFindingType } from '../findings/finding.mapper';
import { PersonTraceType, RecipientRowType, RecipientsType } from './recipients.types';

export function toRowType(map: string, row: RecipientRow): RecipientRowType {
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


export function toRecipientsType(map: string, result: RecipientsResult): RecipientsType {
  return { ...result, totalCount: result.rows.length, rows: result.rows.map((r) => toRowType(map, r)) };
}

export function toPersonTraceType(map: string, t: PersonTrace): PersonTraceType {
  return {
    ...t,
    holdings: t.holdings.map((h) => ({ organizationId: h.organization, systemId: h.system, categoryId: h.category, derived: h.derived, depth: h.depth })),
    recipients: t.recipients.map((r) => toRowType(map, r)),
    findings: t.findings.map(toFindingType),
  };
}
