import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataCategoryType, FlowType, NoticeType, OrganizationType, PurposeType, SystemType } from '../catalog/element.types';
import { GqlContext } from '../graphql/loaders';
import { RecipientRowType } from './recipients.types';
import { Requires } from '@tadoru/auth';

/**
 * A parent typed by an alias, not the class: the class would make the global ValidationPipe turn
 * every row into a class instance and validate it, for each field of each row.
 */
type RowParent = Readonly<RecipientRowType>;

@Requires('read')
@Resolver(() => RecipientRowType)
export class RecipientRowResolver {
  @ResolveField(() => OrganizationType, { nullable: true })
  organization(@Parent() r: RowParent, @Context() { loaders }: GqlContext) {
    return loaders.element('organizations', r.map, r.organizationId);
  }

  @ResolveField(() => SystemType, { nullable: true })
  system(@Parent() r: RowParent, @Context() { loaders }: GqlContext) {
    return loaders.element('systems', r.map, r.systemId);
  }

  @ResolveField(() => DataCategoryType, { nullable: true })
  category(@Parent() r: RowParent, @Context() { loaders }: GqlContext) {
    return loaders.element('dataCategories', r.map, r.categoryId);
  }

  @ResolveField(() => FlowType, { nullable: true })
  flow(@Parent() r: RowParent, @Context() { loaders }: GqlContext) {
    return loaders.element('flows', r.map, r.flowId);
  }

  @ResolveField(() => PurposeType, { nullable: true })
  purpose(@Parent() r: RowParent, @Context() { loaders }: GqlContext) {
    return r.purposeId ? loaders.element('purposes', r.map, r.purposeId) : null;
  }

  @ResolveField(() => NoticeType, { nullable: true })
  notice(@Parent() r: RowParent, @Context() { loaders }: GqlContext) {
    return r.noticeId ? loaders.element('notices', r.map, r.noticeId) : null;
  }
}
