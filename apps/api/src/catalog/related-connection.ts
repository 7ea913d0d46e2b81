import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { Element, ElementKind, encodeCursor, Relation, RELATION_CAP } from '@tadoru/catalog';
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

export async function relatedConnection(
  loaders: Loaders,
  relation: Relation,
  kind: ElementKind,
  parent: { map: string; id: string },
  first: number,
): Promise<ConnectionShape<Element>> {
  const { items, totalCount } = await loaders.related(relation, kind, parent.map, parent.id);
  return toConnection(items.slice(0, first), totalCount);
}

export function toConnection(items: Element[], totalCount: number, hasNextPage = items.length < totalCount): ConnectionShape<Element> {
  return {
    edges: items.map((node) => ({ cursor: encodeCursor(node.id), node })),
    nodes: items,
    totalCount,
    pageInfo: { hasNextPage, endCursor: items.length ? encodeCursor(items[items.length - 1].id) : null },
  };
}
