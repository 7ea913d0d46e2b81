import { ArgsType, Field, Int, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsMapName } from '../graphql/validators';
import { MapFormatInput } from '../maps/data-map.type';
import { ChangeSetInput } from './change-set.input';

export enum FailOnInput {
  critical = 'critical',
  high = 'high',
  medium = 'medium',
  low = 'low',
  none = 'none',
}
registerEnumType(FailOnInput, { name: 'FailOn', description: 'The severity from which an introduced finding stops an apply.' });

/** A change set against a map: as the typed input, or as the document's text (the same validation, the same problem paths). */
@ArgsType()
export class ChangeSetArgs {
  @Field({ description: 'The map to change.' })
  @IsMapName()
  map!: string;

  @Field(() => ChangeSetInput, { nullable: true, description: 'The change set as typed input (shared/spec/changes.md).' })
  @IsOptional()
  change?: ChangeSetInput;

  @Field(() => String, { nullable: true, description: 'Or the change set document as YAML or JSON text.' })
  @IsOptional()
  @IsString()
  @MaxLength(16 * 1024 * 1024)
  content?: string;

  @Field(() => MapFormatInput, { nullable: true, description: 'Of `content`; default: JSON when it starts with `{`, else YAML.' })
  @IsOptional()
  @IsIn(Object.values(MapFormatInput))
  format?: MapFormatInput;
}

@ArgsType()
export class ApplyChangeArgs extends ChangeSetArgs {
  @Field(() => Int, { description: 'The version the change was checked on (`map { version }`, or a proposal\'s `baseVersion`): CONFLICT, and nothing written, when the map is at another.' })
  @IsInt()
  @Min(0)
  expectedVersion!: number;

  @Field(() => FailOnInput, { nullable: true, description: 'Do not apply (and say so) when the change would introduce a finding at or above this severity. Default: none.' })
  @IsOptional()
  @IsIn(Object.values(FailOnInput))
  failOn?: FailOnInput;
}

@ArgsType()
export class ReviewArgs {
  @Field({ description: 'The change request id.' })
  @IsString()
  @MaxLength(100)
  id!: string;

  @Field(() => String, { nullable: true, description: 'What the reviewer says (required to reject).' })
  @IsOptional()
  @IsString()
  comment?: string;
}

@ArgsType()
export class ChangeRequestArgs {
  @Field({ description: 'The change request id.' })
  @IsString()
  @MaxLength(100)
  id!: string;
}

/** A page of a history list: newest first, up to 200 at a time. */
@ArgsType()
class HistoryPageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 0 to 200.' })
  @IsInt()
  @Min(0)
  @Max(200)
  first!: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}

@ArgsType()
export class ChangeRequestsArgs extends HistoryPageArgs {
  @Field(() => String, { nullable: true, description: 'Only requests against this map.' })
  @IsOptional()
  @IsMapName()
  map?: string;

  @Field(() => String, { nullable: true, description: 'PENDING, APPROVED or REJECTED.' })
  @IsOptional()
  @IsString()
  state?: string;
}

@ArgsType()
export class ChangesArgs extends HistoryPageArgs {
  @Field({ description: 'The map (also one that was deleted: its history stays).' })
  @IsMapName()
  map!: string;

  @Field(() => String, { nullable: true, description: 'Writes at or after this ISO date or date-time.' })
  @IsOptional()
  @IsString()
  since?: string;

  @Field(() => String, { nullable: true, description: 'Writes at or before this ISO date or date-time.' })
  @IsOptional()
  @IsString()
  until?: string;

  @Field(() => String, { nullable: true, description: 'Only writes that changed the element with this id.' })
  @IsOptional()
  @IsString()
  element?: string;

  @Field(() => String, { nullable: true, description: 'Only writes by this actor (API key name).' })
  @IsOptional()
  @IsString()
  actor?: string;
}

@ArgsType()
export class CompareVersionsArgs {
  @Field({ description: 'The map.' })
  @IsMapName()
  map!: string;

  @Field(() => Int, { description: 'The older version.' })
  @IsInt()
  @Min(1)
  from!: number;

  @Field(() => Int, { description: 'The newer version.' })
  @IsInt()
  @Min(1)
  to!: number;
}
