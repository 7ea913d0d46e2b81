import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Basis, CollectionMethod, DataClass, Role } from './enums';
import { Connection } from './connection';

/**
 * GraphQL views of the map's elements. Scalar fields are the map's own; relations are resolved
 * by the resolvers beside this file, batched per request.
 */
@ObjectType({ isAbstract: true })
abstract class MapElementType {
  @Field(() => ID, { description: "The element's id in its map." }) id!: string;
  @Field({ description: 'The map the element belongs to.' }) map!: string;
}

@ObjectType('Group', { description: 'A corporate group. Group companies are still separate legal entities (third parties to each other).' })
export class GroupType extends MapElementType {
  @Field() name!: string;
}

@ObjectType('Organization', { description: 'A legal entity: a group company, client, vendor or broker.' })
export class OrganizationType extends MapElementType {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameJa?: string;
  @Field({ description: 'ISO 3166-1 alpha-2.' }) country!: string;
  @Field(() => [Role]) roles!: string[];
  @Field({ description: 'Filed an opt-out provision with the PPC (APPI 27(2)).' }) optOutFiled!: boolean;
}

@ObjectType('Subject', { description: 'A category of data subjects.' })
export class SubjectType extends MapElementType {
  @Field() name!: string;
  @Field() jobSeeker!: boolean;
}

@ObjectType('DataCategory', { description: 'A kind of personal data about one subject.' })
export class DataCategoryType extends MapElementType {
  @Field() name!: string;
  @Field(() => DataClass) class!: string;
  @Field({ description: 'An identifier that joins records (cookie id, member id, hashed e-mail).' }) linkKey!: boolean;
  @Field({ description: 'An evaluation or prediction about the person (a score, a segment).' }) profiling!: boolean;
}

@ObjectType('Purpose', { description: 'A purpose of use.' })
export class PurposeType extends MapElementType {
  @Field() name!: string;
}

@ObjectType('Notice', { description: 'One version of a privacy policy or notice.' })
export class NoticeType extends MapElementType {
  @Field({ description: 'YYYY-MM-DD.' }) publishedAt!: string;
}

@ObjectType('Provision', { description: 'A third-party provision that consent to its notice covers.' })
export class ProvisionType {
  @Field(() => [Role]) recipientRoles!: string[];
  @Field(() => [String], { description: 'Foreign recipient countries named to the person (APPI 28(2)).' }) countries!: string[];
  map!: string;
  id!: string;
}

@ObjectType('SharedUse', { description: 'A joint-use (共同利用) declaration, APPI 27(5)(iii).' })
export class SharedUseType {
  map!: string;
  id!: string;
}

@ObjectType('System', { description: 'An application, database, model or partner site.' })
export class SystemType extends MapElementType {
  @Field() name!: string;
  @Field({ description: "Where it runs: its own country, or its operator's." }) country!: string;
}

@ObjectType('Collection', { description: 'Where data enters a system from the data subject.' })
export class CollectionType extends MapElementType {
  @Field(() => CollectionMethod) method!: string;
  @Field({ description: 'Explicit consent obtained at collection.' }) consent!: boolean;
}

@ObjectType('Flow', { description: 'Data moving from one system to another.' })
export class FlowType extends MapElementType {
  @Field(() => Basis) basis!: string;
  @Field({ description: 'Sender and recipient are different legal entities.' }) crossOrganization!: boolean;
  @Field({ description: 'Provision records kept (APPI 29).' }) recordsKept!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Overrides the inference for personally referable data when set.' })
  recipientCanIdentify?: boolean | null;
  @Field({ description: 'Foreign recipient bound to equivalent measures (APPI 28(1)).' }) equivalentMeasures!: boolean;
  @Field(() => String, { nullable: true }) validFrom?: string;
  @Field(() => String, { nullable: true, description: 'Absent: still running.' }) validTo?: string;
}

@ObjectType('Derivation', { description: 'Processing in one system that produces new data from old.' })
export class DerivationType extends MapElementType {
  @Field(() => String, { nullable: true }) validFrom?: string;
  @Field(() => String, { nullable: true }) validTo?: string;
}

@ObjectType('People', { description: 'An individual data subject, or a cohort of identical ones.' })
export class PeopleType extends MapElementType {
  @Field(() => Int, { description: 'How many people the entry stands for.' }) count!: number;
  @Field(() => String, { nullable: true, description: 'When their data was first collected.' }) since?: string;
}

@ObjectType('Consent', { description: "A people entry's consent to a notice." })
export class ConsentType {
  map!: string;
  id!: string;
  @Field({ description: 'YYYY-MM-DD.' }) at!: string;
  @Field(() => String, { nullable: true }) withdrawnAt?: string;
}

export const GroupConnection = Connection(GroupType, 'Group');
export const OrganizationConnection = Connection(OrganizationType, 'Organization');
export const SubjectConnection = Connection(SubjectType, 'Subject');
export const DataCategoryConnection = Connection(DataCategoryType, 'DataCategory');
export const PurposeConnection = Connection(PurposeType, 'Purpose');
export const NoticeConnection = Connection(NoticeType, 'Notice');
export const SystemConnection = Connection(SystemType, 'System');
export const CollectionConnection = Connection(CollectionType, 'Collection');
export const FlowConnection = Connection(FlowType, 'Flow');
export const DerivationConnection = Connection(DerivationType, 'Derivation');
export const PeopleConnection = Connection(PeopleType, 'People');
export const ConsentConnection = Connection(ConsentType, 'Consent');
