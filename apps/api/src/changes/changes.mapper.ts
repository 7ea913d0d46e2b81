import { ChangeRequest } from '@tadoru/changes';
import { ElementChange } from '@tadoru/map';
import { ChangeRecord } from '@tadoru/store';
import { ChangeRecordType, ElementChangeType } from './change-record.type';
import { ChangeRequestType } from './change-request.type';

export function toChangeRecordType(r: ChangeRecord): ChangeRecordType {
  return { ...r, change: JSON.stringify(r.change) };
}

export function toElementChangeType(e: ElementChange): ElementChangeType {
  return { section: e.section, id: e.id, kind: e.kind, before: e.before ? JSON.stringify(e.before) : null, after: e.after ? JSON.stringify(e.after) : null };
}

export function toChangeRequestType(r: ChangeRequest): ChangeRequestType {
  return { ...r, change: JSON.stringify(r.change) };
}
