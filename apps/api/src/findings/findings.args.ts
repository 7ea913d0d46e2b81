import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN as ID } from '@tadoru/common';
import { SEVERITIES, TARGET_KINDS, Severity as Sev, TargetKind as Kind } from '@tadoru/rules';
import { Severity, TargetKind } from './finding.types';

export const MAX_FINDINGS_PAGE = 1_000;

@ArgsType()
export class FindingsArgs {
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
export class FindingArgs {
  @Field({ description: 'Finding id, `<rule>:<kind>:<target id>`, e.g. "APPI-27-1:flow:score-delivery".' })
  @IsString()
  @MaxLength(300)
  id!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, as for `findings`.' })
  @IsOptional()
  @IsString()
  asOf?: string;
}
