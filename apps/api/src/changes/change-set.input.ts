import { Field, InputType, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import type * as model from '@tadoru/map';
import { Basis, CollectionMethod, DataClass, Role } from '../catalog/enums';

/**
 * The change set document of shared/spec/changes.md as GraphQL input types. Each entry input has
 * exactly the fields of its section's entry in shared/spec/data-map.md, with the same names; a
 * field is non-null only where the format requires it. The values are not checked here: the
 * input is turned into the document (`changeSetDocument`) and checked by the same validator as a
 * document given as text, so that both give the same problems with the same paths. Only GraphQL's
 * own type checking (types, enums, required fields) happens before that.
 *
 * Optional fields are typed `| null`: a client may send null for "not given".
 */

const DATE = 'YYYY-MM-DD.';

@InputType({ description: 'A corporate group (data-map.md `groups`).' })
export class GroupInput {
  @Field(() => String, { description: 'Id, unique among groups.' }) id!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
}

@InputType({ description: 'A legal entity: a group company, client, vendor or broker (data-map.md `organizations`).' })
export class OrganizationInput {
  @Field(() => String, { description: 'Id, unique among organizations.' }) id!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Name in Japanese.' }) nameJa?: string | null;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' }) country!: string;
  @Field(() => String, { nullable: true, description: 'Id of its corporate group.' }) group?: string | null;
  @Field(() => [Role], { nullable: true, description: 'What it is in the recruiting and data market.' }) roles?: model.Role[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Filed an opt-out provision with the PPC (APPI 27(2)); default false.' })
  optOutFiled?: boolean | null;
}

@InputType({ description: 'A category of data subjects (data-map.md `subjects`).' })
export class SubjectInput {
  @Field(() => String, { description: 'Id, unique among subjects.' }) id!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => Boolean, { nullable: true, description: 'The subjects are job seekers; default false.' }) jobSeeker?: boolean | null;
}

@InputType({ description: 'A kind of personal data (data-map.md `dataCategories`).' })
export class DataCategoryInput {
  @Field(() => String, { description: 'Id, unique among data categories.' }) id!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => String, { description: 'Id of the subject whose data it is.' }) subject!: string;
  @Field(() => DataClass, { description: 'Its APPI class.' }) class!: model.DataClass;
  @Field(() => Boolean, { nullable: true, description: 'An identifier that joins records (cookie id, member id, hashed e-mail); default false.' })
  linkKey?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'An evaluation or prediction about the person (a score, a segment); default false.' })
  profiling?: boolean | null;
}

@InputType({ description: 'A purpose of use (data-map.md `purposes`).' })
export class PurposeInput {
  @Field(() => String, { description: 'Id, unique among purposes.' }) id!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
}

@InputType({ description: "A third-party provision that consent to a notice covers (a notice's `provisions`)." })
export class ProvisionInput {
  @Field(() => [String], { nullable: true, description: 'Ids of the recipient organizations.' }) recipients?: string[] | null;
  @Field(() => [Role], { nullable: true, description: 'Any organization with one of these roles is a recipient.' }) recipientRoles?: model.Role[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of the data categories provided.' }) dataCategories?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of the purposes it is provided for.' }) purposes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Foreign recipient countries named to the person (APPI 28(2)), ISO 3166-1 alpha-2.' })
  countries?: string[] | null;
}

@InputType({ description: "A joint-use (共同利用) declaration, APPI 27(5)(iii) (a notice's `sharedUse`)." })
export class SharedUseInput {
  @Field(() => [String], { nullable: true, description: 'Ids of the organizations and/or groups that use the data jointly.' }) users?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of the data categories used jointly.' }) dataCategories?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of the purposes of the joint use.' }) purposes?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Id of the organization responsible; required for a complete declaration.' })
  manager?: string | null;
}

@InputType({ description: 'One version of a privacy policy or notice (data-map.md `notices`).' })
export class NoticeInput {
  @Field(() => String, { description: 'Id, unique among notices.' }) id!: string;
  @Field(() => String, { description: 'Id of the organization that publishes it.' }) organization!: string;
  @Field(() => String, { description: `Publication date, ${DATE}` }) publishedAt!: string;
  @Field(() => [String], { nullable: true, description: 'Ids of the purposes of use it states (APPI 17, 21).' }) purposes?: string[] | null;
  @Field(() => [ProvisionInput], { nullable: true, description: 'Third-party provisions that consent to it covers.' })
  provisions?: ProvisionInput[] | null;
  @Field(() => SharedUseInput, { nullable: true, description: 'Joint-use declaration.' }) sharedUse?: SharedUseInput | null;
}

@InputType({ description: "Where data enters a system from the data subject (a system's `collections`)." })
export class CollectionInput {
  @Field(() => String, { description: 'Id, unique among collections.' }) id!: string;
  @Field(() => [String], { description: 'Ids of the data categories collected; at least one.' }) dataCategories!: string[];
  @Field(() => CollectionMethod, { description: 'How the data enters.' }) method!: model.CollectionMethod;
  @Field(() => [String], { nullable: true, description: 'Ids of the purposes it is collected for.' }) purposes?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Id of the notice shown at collection.' }) notice?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Explicit consent obtained at collection; default false.' }) consent?: boolean | null;
}

@InputType({ description: 'An application, database, model or partner site (data-map.md `systems`).' })
export class SystemInput {
  @Field(() => String, { description: 'Id, unique among systems.' }) id!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => String, { description: 'Id of the organization that operates it.' }) operator!: string;
  @Field(() => String, { nullable: true, description: "Where it runs, ISO 3166-1 alpha-2; default: the operator's country." })
  country?: string | null;
  @Field(() => [CollectionInput], { nullable: true, description: 'Where data enters it from the data subject.' })
  collections?: CollectionInput[] | null;
}

@InputType({ description: 'Data moving from one system to another (data-map.md `flows`).' })
export class FlowInput {
  @Field(() => String, { description: 'Id, unique among flows.' }) id!: string;
  @Field(() => String, { description: 'Id of the sending system.' }) from!: string;
  @Field(() => String, { description: 'Id of the receiving system.' }) to!: string;
  @Field(() => [String], { description: 'Ids of the data categories it carries; at least one.' }) dataCategories!: string[];
  @Field(() => [String], { nullable: true, description: 'Ids of its purposes.' }) purposes?: string[] | null;
  @Field(() => Basis, { description: 'The legal basis it claims.' }) basis!: model.Basis;
  @Field(() => String, { nullable: true, description: 'Id of the notice that supplies the consent or shared-use declaration.' })
  notice?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Provision records kept (APPI 29); default false.' }) recordsKept?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'true/false overrides the inference for personally referable data; null or absent leaves it to inference.' })
  recipientCanIdentify?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Foreign recipient bound to equivalent measures (APPI 28(1)); default false.' })
  equivalentMeasures?: boolean | null;
  @Field(() => String, { nullable: true, description: `First day it runs, ${DATE} Absent: always.` }) validFrom?: string | null;
  @Field(() => String, { nullable: true, description: `Last day it runs, ${DATE} Absent: still running.` }) validTo?: string | null;
}

@InputType({ description: 'Processing in one system that produces new data from old (data-map.md `derivations`).' })
export class DerivationInput {
  @Field(() => String, { description: 'Id, unique among derivations.' }) id!: string;
  @Field(() => String, { description: 'Id of the system where it runs.' }) system!: string;
  @Field(() => [String], { description: 'Ids of the data categories it reads; at least one.' }) inputs!: string[];
  @Field(() => [String], { description: 'Ids of the data categories it produces; at least one.' }) outputs!: string[];
  @Field(() => [String], { nullable: true, description: 'Ids of its purposes.' }) purposes?: string[] | null;
  @Field(() => String, { nullable: true, description: `First day it runs, ${DATE} Absent: always.` }) validFrom?: string | null;
  @Field(() => String, { nullable: true, description: `Last day it runs, ${DATE} Absent: still running.` }) validTo?: string | null;
}

@InputType({ description: "A consent to a notice (a people entry's `consents`)." })
export class ConsentInput {
  @Field(() => String, { description: 'Id of the notice consented to.' }) notice!: string;
  @Field(() => String, { description: `When it was given, ${DATE}` }) at!: string;
  @Field(() => String, { nullable: true, description: `When it was withdrawn, ${DATE} null or absent: not withdrawn.` })
  withdrawnAt?: string | null;
}

@InputType({ description: 'An individual data subject, or a cohort of identical ones (data-map.md `people`).' })
export class PeopleInput {
  @Field(() => String, { description: 'Id, unique among people entries.' }) id!: string;
  @Field(() => String, { description: 'Id of their subject.' }) subject!: string;
  @Field(() => Int, { nullable: true, description: 'How many people the entry stands for; default 1.' }) count?: number | null;
  @Field(() => String, { nullable: true, description: `When their data was first collected, ${DATE} Default: the first consent date.` })
  since?: string | null;
  @Field(() => [String], { nullable: true, description: 'Ids of the systems that collect their data.' }) uses?: string[] | null;
  @Field(() => [ConsentInput], { nullable: true, description: 'Their consents to notices.' }) consents?: ConsentInput[] | null;
}

@InputType({ description: 'Elements added, or replaced whole when the id exists; one list per section of the map.' })
export class ChangeSetUpsertInput {
  @Field(() => [GroupInput], { nullable: true, description: 'Corporate groups.' }) groups?: GroupInput[] | null;
  @Field(() => [OrganizationInput], { nullable: true, description: 'Organizations.' }) organizations?: OrganizationInput[] | null;
  @Field(() => [SubjectInput], { nullable: true, description: 'Categories of data subjects.' }) subjects?: SubjectInput[] | null;
  @Field(() => [DataCategoryInput], { nullable: true, description: 'Kinds of personal data.' }) dataCategories?: DataCategoryInput[] | null;
  @Field(() => [PurposeInput], { nullable: true, description: 'Purposes of use.' }) purposes?: PurposeInput[] | null;
  @Field(() => [NoticeInput], { nullable: true, description: 'Notices, one entry per version.' }) notices?: NoticeInput[] | null;
  @Field(() => [SystemInput], { nullable: true, description: 'Systems, with their collections.' }) systems?: SystemInput[] | null;
  @Field(() => [FlowInput], { nullable: true, description: 'Flows.' }) flows?: FlowInput[] | null;
  @Field(() => [DerivationInput], { nullable: true, description: 'Derivations.' }) derivations?: DerivationInput[] | null;
  @Field(() => [PeopleInput], { nullable: true, description: 'People entries, with their consents.' }) people?: PeopleInput[] | null;
}

@InputType({ description: 'A flow or derivation whose validity ends.' })
export class RetireByIdInput {
  @Field(() => String, { description: 'Id of the flow or derivation.' }) id!: string;
  @Field(() => String, { description: `Its last day (sets validTo), ${DATE}` }) on!: string;
}

@InputType({ description: 'A consent that is withdrawn.' })
export class RetireConsentInput {
  @Field(() => String, { description: 'Id of the people entry that gave it.' }) person!: string;
  @Field(() => String, { description: 'Id of the notice it was given to.' }) notice!: string;
  @Field(() => String, { description: `The day it is withdrawn (sets withdrawnAt), ${DATE}` }) on!: string;
}

@InputType({ description: 'Validities ended without deleting history.' })
export class ChangeSetRetireInput {
  @Field(() => [RetireByIdInput], { nullable: true, description: 'Flows to retire (sets validTo).' }) flows?: RetireByIdInput[] | null;
  @Field(() => [RetireByIdInput], { nullable: true, description: 'Derivations to retire (sets validTo).' }) derivations?: RetireByIdInput[] | null;
  @Field(() => [RetireConsentInput], { nullable: true, description: 'Consents to withdraw (sets withdrawnAt).' })
  consents?: RetireConsentInput[] | null;
}

@InputType({ description: 'Elements deleted, by id; refused while anything still references them.' })
export class ChangeSetRemoveInput {
  @Field(() => [String], { nullable: true, description: 'Ids of corporate groups.' }) groups?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of organizations.' }) organizations?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of subjects.' }) subjects?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of data categories.' }) dataCategories?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of purposes.' }) purposes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of notices.' }) notices?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of systems.' }) systems?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of flows.' }) flows?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of derivations.' }) derivations?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Ids of people entries.' }) people?: string[] | null;
}

/**
 * A change set as a typed input (shared/spec/changes.md §Change set document; the format version
 * is implied). `@Allow()` only keeps each field through the global ValidationPipe's `whitelist`
 * (which strips undecorated properties); it checks nothing, and nested values are not validated.
 */
@InputType({ description: 'A change set: what it adds or replaces, retires and removes (shared/spec/changes.md).' })
export class ChangeSetInput {
  @Field(() => String, { nullable: true, description: 'What the change is for; kept in the history.' })
  @Allow()
  description?: string | null;

  @Field(() => ChangeSetUpsertInput, { nullable: true, description: 'Elements added, or replaced whole when the id exists.' })
  @Allow()
  upsert?: ChangeSetUpsertInput | null;

  @Field(() => ChangeSetRetireInput, { nullable: true, description: 'Flows, derivations and consents whose validity ends.' })
  @Allow()
  retire?: ChangeSetRetireInput | null;

  @Field(() => ChangeSetRemoveInput, { nullable: true, description: 'Elements deleted, by id.' })
  @Allow()
  remove?: ChangeSetRemoveInput | null;
}
