import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataCategoryType, FlowType, NoticeType, OrganizationType, PurposeType, SystemType } from '../catalog/element.types';
import { GqlContext } from '../graphql/loaders';
import { RecipientRowType } from './recipients.types';

@Resolver(() => RecipientRowType)
export class RecipientRowResolver {
  @ResolveField(() => OrganizationType, { nullable: true })
  organization(@Parent() r: RecipientRowType, @Context() { loaders }: GqlContext) {
    return loaders.element('organizations', r.map, r.organizationId);
  }

  @ResolveField(() => SystemType, { nullable: true })
  system(@Parent() r: RecipientRowType, @Context() { loaders }: GqlContext) {
    return loaders.element('systems', r.map, r.systemId);
  }

  @ResolveField(() => DataCategoryType, { nullable: true })
  category(@Parent() r: RecipientRowType, @Context() { loaders }: GqlContext) {
    return loaders.element('dataCategories', r.map, r.categoryId);
  }

  @ResolveField(() => FlowType, { nullable: true })
  flow(@Parent() r: RecipientRowType, @Context() { loaders }: GqlContext) {
    return loaders.element('flows', r.map, r.flowId);
  }

  @ResolveField(() => PurposeType, { nullable: true })
  purpose(@Parent() r: RecipientRowType, @Context() { loaders }: GqlContext) {
    return r.purposeId ? loaders.element('purposes', r.map, r.purposeId) : null;
  }

  @ResolveField(() => NoticeType, { nullable: true })
  notice(@Parent() r: RecipientRowType, @Context() { loaders }: GqlContext) {
    return r.noticeId ? loaders.element('notices', r.map, r.noticeId) : null;
  }
}
