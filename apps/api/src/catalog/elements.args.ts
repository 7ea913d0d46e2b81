import { Field, InputType, Int, ArgsType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@tadoru/catalog';
import { BASES, COLLECTION_METHODS, DATA_CLASSES, ROLES } from '@tadoru/map';
import { Basis, CollectionMethod, DataClass, Role } from './enums';

import { ID_MESSAGE, ID_PATTERN as ID } from '@tadoru/common';
import { IsAsOf } from '../graphql/validators';

export { ID, ID_MESSAGE };

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Page size, 0 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first = 50;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  after?: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => String)
  @Matches(ID, { message: `id ${ID_MESSAGE}` })
  id!: string;
}

@InputType()
export class NameFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@InputType()
export class OrganizationFilter extends NameFilter {
  @Field(() => Role, { nullable: true }) @IsOptional() @IsIn(ROLES) role?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country?: string;
  @Field(() => String, { nullable: true, description: 'Group id.' }) @IsOptional() @Matches(ID, { message: `group ${ID_MESSAGE}` }) group?: string;
}

@InputType()
export class SubjectFilter extends NameFilter {
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() jobSeeker?: boolean;
}

@InputType()
export class DataCategoryFilter extends NameFilter {
  @Field(() => String, { nullable: true, description: 'Subject id.' }) @IsOptional() @Matches(ID, { message: `subject ${ID_MESSAGE}` }) subject?: string;
  @Field(() => DataClass, { nullable: true }) @IsOptional() @IsIn(DATA_CLASSES) class?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() profiling?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() linkKey?: boolean;
}

@InputType()
export class NoticeFilter {
  @Field(() => String, { nullable: true, description: 'Publishing organization id.' })
  @IsOptional()
  @Matches(ID, { message: `organization ${ID_MESSAGE}` })
  organization?: string;
}

@InputType()
export class SystemFilter extends NameFilter {
  @Field(() => String, { nullable: true, description: 'Operator organization id.' }) @IsOptional() @Matches(ID, { message: `operator ${ID_MESSAGE}` }) operator?: string;
  @Field(() => String, { nullable: true, description: 'Where the system runs.' }) @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country?: string;
}

@InputType()
export class CollectionFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ID, { message: `system ${ID_MESSAGE}` }) system?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ID, { message: `dataCategory ${ID_MESSAGE}` }) dataCategory?: string;
  @Field(() => CollectionMethod, { nullable: true }) @IsOptional() @IsIn(COLLECTION_METHODS) method?: string;
}

@InputType()
export class AsOfFilter {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: only what existed that day.' })
  @IsOptional()
  @IsAsOf()
  asOf?: string;
}

@InputType()
export class FlowFilter extends AsOfFilter {
  @Field(() => String, { nullable: true, description: 'Sending system id.' }) @IsOptional() @Matches(ID, { message: `from ${ID_MESSAGE}` }) from?: string;
  @Field(() => String, { nullable: true, description: 'Receiving system id.' }) @IsOptional() @Matches(ID, { message: `to ${ID_MESSAGE}` }) to?: string;
  @Field(() => String, { nullable: true, description: 'Sender organization id.' }) @IsOptional() @Matches(ID, { message: `sender ${ID_MESSAGE}` }) sender?: string;
  @Field(() => String, { nullable: true, description: 'Recipient organization id.' }) @IsOptional() @Matches(ID, { message: `recipient ${ID_MESSAGE}` }) recipient?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ID, { message: `dataCategory ${ID_MESSAGE}` }) dataCategory?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ID, { message: `purpose ${ID_MESSAGE}` }) purpose?: string;
  @Field(() => Basis, { nullable: true }) @IsOptional() @IsIn(BASES) basis?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() crossOrganization?: boolean;
}

@InputType()
export class DerivationFilter extends AsOfFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ID, { message: `system ${ID_MESSAGE}` }) system?: string;
  @Field(() => String, { nullable: true, description: 'Input category id.' }) @IsOptional() @Matches(ID, { message: `input ${ID_MESSAGE}` }) input?: string;
  @Field(() => String, { nullable: true, description: 'Output category id.' }) @IsOptional() @Matches(ID, { message: `output ${ID_MESSAGE}` }) output?: string;
}

@InputType()
export class PeopleFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(ID, { message: `subject ${ID_MESSAGE}` }) subject?: string;
  @Field(() => String, { nullable: true, description: 'A system that collects their data.' }) @IsOptional() @Matches(ID, { message: `uses ${ID_MESSAGE}` }) uses?: string;
}
