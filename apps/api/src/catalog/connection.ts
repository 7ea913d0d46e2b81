import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PageInfo')
export class PageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' }) endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfoType;
  totalCount: number;
}

/** A cursor connection type for one element type, named `<Name>Connection`. */
export function Connection<T>(itemType: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => itemType) node!: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [itemType], { description: 'The nodes of `edges`, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfoType) pageInfo!: PageInfoType;
    @Field(() => Int, { description: 'How many elements match the filter, over all pages.' }) totalCount!: number;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}
