import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ActorType } from './change-record.type';
import { MapDiffType } from './map-diff.type';

@ObjectType('ChangeRequest', { description: 'A proposal submitted for review, and what became of it.' })
export class ChangeRequestType {
  @Field() id!: string;
  @Field() map!: string;
  @Field({ description: 'PENDING, APPROVED or REJECTED.' }) state!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => ActorType) author!: ActorType;
  @Field({ description: 'ISO date-time.' }) createdAt!: string;
  @Field(() => Int, { description: 'The version it was checked against; approval applies it only onto this version.' }) baseVersion!: number;
  @Field({ description: 'The change set, as JSON.' }) change!: string;
  @Field(() => MapDiffType, { description: 'The diff when submitted (once approved: as applied).' }) diff!: MapDiffType;
  @Field(() => ActorType, { nullable: true }) reviewer!: ActorType | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => String, { nullable: true }) decidedAt!: string | null;
  @Field(() => Int, { nullable: true, description: 'The version the approval made.' }) appliedVersion!: number | null;
}

@ObjectType('ChangeRequestPageInfo')
export class ChangeRequestPageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('ChangeRequestConnection')
export class ChangeRequestConnectionType {
  @Field(() => [ChangeRequestType], { description: 'Newest first.' }) nodes!: ChangeRequestType[];
  @Field(() => ChangeRequestPageInfoType) pageInfo!: ChangeRequestPageInfoType;
}
