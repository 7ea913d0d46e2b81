import { Args, ArgsType, Context, Field, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { LineageService } from '@tadoru/lineage';
import { StoredMapInfo } from '@tadoru/catalog';
import { PersonTrace, RecipientRow, RecipientsService } from '@tadoru/recipients';
import { DataCategoryType, FlowType, NoticeType, OrganizationType, PurposeType, SystemType } from '../catalog/element.types';
import { ID, ID_MESSAGE } from '../catalog/filters';
import { toFindingType } from '../findings/findings.resolver';
import { GqlContext } from '../graphql/loaders';
import { DataMapType } from '../maps/data-map.type';
import { Direction, LineageNodeType, LineageType, PersonTraceType, RecipientRowType, RecipientsType } from './trace.types';

const idMessage = (field: string) => `${field} ${ID_MESSAGE}`;

@ArgsType()
class BoundsArgs {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: follow only flows and derivations in force that day.' })
  @IsOptional()
  @IsString()
  asOf?: string;
  @Field(() => Int, { nullable: true, description: 'Most steps to follow (1-50, default 10).' })
  @IsOptional()
  @IsInt()
  maxDepth?: number;
  @Field(() => Int, { nullable: true, description: 'Most category-at-system nodes to visit (1-10000, default 1000).' })
  @IsOptional()
  @IsInt()
  maxNodes?: number;
}

@ArgsType()
class LineageArgs extends BoundsArgs {
  @Field(() => String, { nullable: true, description: 'Start from this data category (wherever it is, or at `system`).' })
  @IsOptional()
  @Matches(ID, { message: idMessage('category') })
  category?: string;
  @Field(() => String, { nullable: true, description: 'Start from this system (all it holds, or only `category` there).' })
  @IsOptional()
  @Matches(ID, { message: idMessage('system') })
  system?: string;
  @Field(() => Direction, { defaultValue: 'DOWNSTREAM' })
  @IsIn(Object.values(Direction))
  direction!: 'DOWNSTREAM' | 'UPSTREAM';
}

@ArgsType()
class RecipientsArgs extends BoundsArgs {
  @Field(() => String, { nullable: true, description: 'Whose receives this data category (and what is derived from it)? One of category, subject, person.' })
  @IsOptional()
  @Matches(ID, { message: idMessage('category') })
  category?: string;
  @Field(() => String, { nullable: true, description: 'Every category about this subject (e.g. students).' })
  @IsOptional()
  @Matches(ID, { message: idMessage('subject') })
  subject?: string;
  @Field(() => String, { nullable: true, description: 'One people entry: their data from the systems they use, with whether their consent covered each flow.' })
  @IsOptional()
  @Matches(ID, { message: idMessage('person') })
  person?: string;
  @Field(() => String, { nullable: true, description: 'With `category`: only the category as held at this system.' })
  @IsOptional()
  @Matches(ID, { message: idMessage('system') })
  system?: string;
  @Field({ defaultValue: false, description: 'Also list flows between systems of one organization.' })
  @IsBoolean()
  includeInternal!: boolean;
}

@ArgsType()
class PersonTraceArgs extends BoundsArgs {
  @Field({ description: 'The people entry id.' })
  @Matches(ID, { message: idMessage('person') })
  person!: string;
}

function toRowType(map: string, row: RecipientRow): RecipientRowType {
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

/** Lineage, recipients and one person's trace, under `map(name:)`. */
@Resolver(() => DataMapType)
export class TraceResolver {
  constructor(
    private readonly lineageService: LineageService,
    private readonly trace: RecipientsService,
  ) {}

  @ResolveField(() => LineageType, { description: 'Where data goes (DOWNSTREAM) or comes from (UPSTREAM), through flows and derivations; bounded, and says when it was cut.' })
  async lineage(@Parent() m: StoredMapInfo, @Args() args: LineageArgs): Promise<LineageType> {
    const result = await this.lineageService.lineage({ map: m.name, from: { category: args.category, system: args.system }, direction: args.direction, maxDepth: args.maxDepth, maxNodes: args.maxNodes, asOf: args.asOf });
    return {
      ...result,
      nodes: result.nodes.map((n) => ({ map: m.name, asset: n.asset, systemId: n.system, categoryId: n.category, depth: n.depth, reachedVia: n.reachedVia })),
    };
  }

  @ResolveField(() => RecipientsType, {
    description:
      "Who receives this category's / subject's / person's data, and for what purpose: one row per recipient, system, category received (original or derived), flow and purpose, with basis, notice, path, the rules each step breaks and (for a person) whether their consent covered it.",
  })
  async recipients(@Parent() m: StoredMapInfo, @Args() args: RecipientsArgs): Promise<RecipientsType> {
    const result = await this.trace.recipients({ map: m.name, ...args });
    return { ...result, totalCount: result.rows.length, rows: result.rows.map((r) => toRowType(m.name, r)) };
  }

  @ResolveField(() => PersonTraceType, { description: 'Everything about one people entry: where their data is, who received it, under which consent, and the findings that concern them.' })
  async personTrace(@Parent() m: StoredMapInfo, @Args() args: PersonTraceArgs): Promise<PersonTraceType> {
    const t: PersonTrace = await this.trace.personTrace({ map: m.name, ...args });
    return {
      ...t,
      holdings: t.holdings.map((h) => ({ organizationId: h.organization, systemId: h.system, categoryId: h.category, derived: h.derived, depth: h.depth })),
      recipients: t.recipients.map((r) => toRowType(m.name, r)),
      findings: t.findings.map(toFindingType),
    };
  }
}

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

@Resolver(() => LineageNodeType)
export class LineageNodeResolver {
  @ResolveField(() => SystemType, { nullable: true })
  system(@Parent() n: LineageNodeType, @Context() { loaders }: GqlContext) {
    return loaders.element('systems', n.map, n.systemId);
  }

  @ResolveField(() => DataCategoryType, { nullable: true })
  category(@Parent() n: LineageNodeType, @Context() { loaders }: GqlContext) {
    return loaders.element('dataCategories', n.map, n.categoryId);
  }
}
