import { Args, ArgsType, Context, Field, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { decodeCursor, encodeCursor, StoredMapInfo } from '@tadoru/catalog';
import { Finding, FindingExplanation, FindingsService, RuleCatalog, RuleDefinition, SEVERITIES, Severity as Sev, TARGET_KINDS, TargetKind as Kind } from '@tadoru/rules';
import { PeopleType } from '../catalog/element.types';
import { ID, ID_MESSAGE } from '../catalog/filters';
import { GqlContext } from '../graphql/loaders';
import { DataMapType } from '../maps/data-map.type';
import { FindingExplanationType, FindingListType, FindingType, RuleType, Severity, TargetKind } from './finding.types';

const MAX_FINDINGS_PAGE = 1_000;

@ArgsType()
class FindingsArgs {
  @Field(() => [String], { nullable: true, description: 'Only these rules (ids such as "APPI-27-1").' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  rule?: string[];
  @Field(() => [Severity], { nullable: true, description: 'Only these severities.' })
  @IsOptional()
  @IsIn(SEVERITIES, { each: true })
  severity?: Sev[];
  @Field(() => String, { nullable: true, description: 'Only findings on elements this organization takes part in (sender, recipient, operator).' })
  @IsOptional()
  @Matches(ID, { message: `organization ${ID_MESSAGE}` })
  organization?: string;
  @Field(() => TargetKind, { nullable: true, description: 'Only findings on this kind of element.' })
  @IsOptional()
  @IsIn(TARGET_KINDS)
  targetKind?: Kind;
  @Field(() => String, { nullable: true, description: 'Only findings on the element with this id (evaluates just that element: fast).' })
  @IsOptional()
  @Matches(ID, { message: `targetId ${ID_MESSAGE}` })
  targetId?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: judge the map as it stood that day (flows, derivations and consents not in force are left out).' })
  @IsOptional()
  @IsString()
  asOf?: string;
  @Field(() => Int, { defaultValue: 100, description: `Page size, at most ${MAX_FINDINGS_PAGE}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_FINDINGS_PAGE)
  first!: number;
  @Field(() => String, { nullable: true, description: 'Cursor: `endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  after?: string;
}

@ArgsType()
class FindingArgs {
  @Field({ description: 'Finding id, `<rule>:<kind>:<target id>`, e.g. "APPI-27-1:flow:score-delivery".' })
  @IsString()
  @MaxLength(300)
  id!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, as for `findings`.' })
  @IsOptional()
  @IsString()
  asOf?: string;
}

type ExplanationParent = FindingExplanation & { map: string };

export function toRuleType(rule: RuleDefinition): RuleType {
  return { ...rule, targets: rule.targets };
}

export function toFindingType(f: Finding): FindingType {
  return { ...f, evidence: Object.entries(f.evidence).map(([name, value]) => ({ name, value: JSON.stringify(value ?? null) })) };
}

/** The rule catalogue, and the findings of a map: filtered, paged, and one explained. */
@Resolver(() => DataMapType)
export class FindingsResolver {
  constructor(
    private readonly findingsService: FindingsService,
    private readonly catalog: RuleCatalog,
  ) {}

  @Query(() => [RuleType], { description: 'Every rule tadoru evaluates (shared/spec/rules.md).' })
  rules(): RuleType[] {
    return this.catalog.rules.map(toRuleType);
  }

  @ResolveField(() => FindingListType, { description: 'The rules this map breaks, most severe first. Evaluated on request against the stored map.' })
  async findings(@Parent() m: StoredMapInfo, @Args() args: FindingsArgs): Promise<FindingListType> {
    const { findings, summary } = await this.findingsService.list(m.name, {
      rules: args.rule,
      severities: args.severity,
      organization: args.organization,
      targetKind: args.targetKind,
      targetId: args.targetId,
      asOf: args.asOf,
    });
    let start = 0;
    if (args.after) {
      const afterId = decodeCursor(args.after);
      start = findings.findIndex((f) => f.id === afterId) + 1;
    }
    const page = findings.slice(start, start + args.first);
    return {
      totalCount: findings.length,
      summary,
      nodes: page.map(toFindingType),
      hasNextPage: start + args.first < findings.length,
      endCursor: page.length > 0 ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  @ResolveField(() => FindingExplanationType, { description: 'One finding explained: the rule, the facts, the path, the people. NOT_FOUND when the map does not break that rule there.' })
  async finding(@Parent() m: StoredMapInfo, @Args() args: FindingArgs): Promise<ExplanationParent> {
    return { ...(await this.findingsService.explain(m.name, args.id, args.asOf)), map: m.name };
  }
}

@Resolver(() => FindingExplanationType)
export class FindingExplanationResolver {
  @ResolveField(() => FindingType)
  finding(@Parent() e: ExplanationParent): FindingType {
    return toFindingType(e.finding);
  }

  @ResolveField(() => RuleType)
  rule(@Parent() e: ExplanationParent): RuleType {
    return toRuleType(e.rule);
  }

  @ResolveField(() => String)
  summary(@Parent() e: ExplanationParent): string {
    return explain(e.finding, 'en');
  }

  @ResolveField(() => String)
  summaryJa(@Parent() e: ExplanationParent): string {
    return explain(e.finding, 'ja');
  }

  @ResolveField(() => [PeopleType], { description: 'The people entries the finding counts (for rules that count people).' })
  people(@Parent() e: ExplanationParent, @Context() { loaders }: GqlContext) {
    const ids = Array.isArray(e.finding.evidence.people) ? (e.finding.evidence.people as string[]) : [];
    return loaders.elementList('people', e.map, ids);
  }
}

/** The finding as a paragraph: what happened, the law, the way the data came, and who is affected. */
export function explain(f: Finding, language: 'en' | 'ja'): string {
  const steps = f.pathSteps.map((s) => {
    if (s.kind === 'COLLECTION') return language === 'en' ? `collected at ${s.fromSystem} (${s.toCategory})` : `${s.fromSystem} で取得（${s.toCategory}）`;
    if (s.kind === 'DERIVATION') return language === 'en' ? `turned into ${s.toCategory} by derivation ${s.via} at ${s.toSystem}` : `${s.toSystem} の加工 ${s.via} により ${s.toCategory} を生成`;
    return language === 'en' ? `sent by flow ${s.via} from ${s.fromSystem} to ${s.toSystem}` : `フロー ${s.via} で ${s.fromSystem} から ${s.toSystem} へ`;
  });
  if (language === 'en') {
    const people = f.affectedPeople !== null ? ` People affected: ${f.affectedPeople.toLocaleString('en-US')}.` : '';
    return `${f.message} ${f.explanation.en} (${f.citation}) The data was ${steps.join(', then ')}.${people}`;
  }
  const people = f.affectedPeople !== null ? `対象者：${f.affectedPeople.toLocaleString('en-US')} 人。` : '';
  return `${f.messageJa} ${f.explanation.ja}（${f.citation}）データの経路：${steps.join('、')}。${people}`;
}
