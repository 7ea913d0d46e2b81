import { Actor } from '@tadoru/common';
import { ChangeSet } from '@tadoru/map';
import { MapDiff } from './map-diff';

export const CHANGE_REQUEST_STATES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ChangeRequestState = (typeof CHANGE_REQUEST_STATES)[number];

/** A proposal submitted for review, and what became of it. */
export interface ChangeRequest {
  id: string;
  map: string;
  state: ChangeRequestState;
  description: string | null;
  author: Actor;
  createdAt: string;
  /** The version the change was checked against when submitted; approval applies it only onto that version. */
  baseVersion: number;
  change: ChangeSet;
  /** The diff as the author saw it (and, once approved, as it was applied). */
  diff: MapDiff;
  reviewer: Actor | null;
  comment: string | null;
  decidedAt: string | null;
  /** The version the approval made. */
  appliedVersion: number | null;
}
