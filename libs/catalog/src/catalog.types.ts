import { ELEMENT_LABELS } from '@tadoru/map';
import { ElementRows } from './element-rows';

/** The kinds of map element the API lists and looks up, with their node labels. */
export const ELEMENT_KINDS = ELEMENT_LABELS;
export type ElementKind = keyof typeof ELEMENT_KINDS;
export type ListableKind = Exclude<ElementKind, 'consents' | 'provisions' | 'sharedUses'>;

/** Relations the API navigates; each is one batched query. */
export const RELATIONS = [
  'members-of-groups',
  'systems-of-organizations',
  'notices-of-organizations',
  'flows-sent-by-organizations',
  'flows-received-by-organizations',
  'categories-held-by-organizations',
  'holders-of-categories',
  'flows-carrying-categories',
  'collections-of-categories',
  'derivations-using-categories',
  'derivations-producing-categories',
  'categories-of-subjects',
  'people-of-subjects',
  'collections-of-systems',
  'flows-from-systems',
  'flows-to-systems',
  'derivations-in-systems',
  'people-using-systems',
  'consents-of-people',
  'consents-to-notices',
  'provisions-of-notices',
  'shared-use-of-notices',
  'flows-under-notices',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Any element read from the graph (see `ElementRows` for each kind's typed row). */
export type Element = ElementRows[ElementKind];

export interface ElementFilter {
  [field: string]: string | boolean | undefined | null;
}

export interface PageRequest {
  first: number;
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** The filter as applied (what its cursors are scoped to). */
  filter: ElementFilter;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface RelatedList<T = Element> {
  items: T[];
  /** How many there are in all; more than `items.length` when the list was cut at the cap. */
  totalCount: number;
}

/** Largest page a client may ask for, and the cap on a navigated relation list. */
export const MAX_PAGE_SIZE = 500;
export const RELATION_CAP = 1000;
