import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { Element, ElementKind, elementListScope, RELATION_CAP, Relation } from '@tadoru/catalog';
import { CursorScope, encodeCursor } from '@tadoru/common';
import { Loaders } from '../graphql/loaders';
import { ConnectionShape } from './connection';

@ArgsType()
export class RelatedArgs {
  @Field(() => Int, {
    defaultValue: 100,
    description: `How many to return, at most ${RELATION_CAP}. totalCount and pageInfo.hasNextPage say when the list was cut; page through the rest with the map's top-level connection and a filter.`,
  })
  @IsInt()
  @Min(0)
  @Max(RELATION_CAP)
  first = 100;
}

export async function relatedConnection(loaders: Loaders, relation: Relation, kind: ElementKind, parent: Element, first: number): Promise<ConnectionShape<Element>> {
  const { items, totalCount } = await loaders.related(relation, kind, parent.snapshot, parent.id);
  return toConnection(items.slice(0, first), totalCount, elementListScope(kind, parent.snapshot));
}

/** One shape for every paged list: edges with cursors, the nodes alone, page info and the total. */
export function toConnection<T extends { id: string }>(items: T[], totalCount: number, scope: CursorScope, hasNextPage = items.length < totalCount): ConnectionShape<T> {
  return {
    edges: items.map((node) => ({ cursor: encodeCursor(scope, node.id), node })),
    nodes: items,
    totalCount,
    pageInfo: { hasNextPage, endCursor: items.length ? encodeCursor(scope, items[items.length - 1].id) : null },
  };
}
