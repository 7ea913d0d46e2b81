import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataCategoryType, SystemType } from '../catalog/element.types';
import { GqlContext } from '../graphql/loaders';
import { LineageNodeType } from './lineage.types';
import { Requires } from '@tadoru/auth';

/** Typed by an alias, not the class, so that the global ValidationPipe leaves each node as it is. */
type NodeParent = Readonly<LineageNodeType>;

@Requires('read')
@Resolver(() => LineageNodeType)
export class LineageNodeResolver {
  @ResolveField(() => SystemType, { nullable: true })
  system(@Parent() n: NodeParent, @Context() { loaders }: GqlContext) {
    return loaders.element('systems', n.map, n.systemId);
  }

  @ResolveField(() => DataCategoryType, { nullable: true })
  category(@Parent() n: NodeParent, @Context() { loaders }: GqlContext) {
    return loaders.element('dataCategories', n.map, n.categoryId);
  }
}
