import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MapSnapshot } from '@tadoru/graph';
import { PageInfoType } from '../catalog/connection';
import { Basis } from '../catalog/enums';
import { FindingType, StepKind } from '../findings/finding.types';
import { CutReason } from '../lineage/lineage.types';

@ObjectType('TraceStep', { description: 'One step of the way data took to a recipient, with the rules that step breaks.' })
export class TraceStepType {
  @Field(() => StepKind) kind!: string;
  @Field({ description: 'Flow or derivation id.' }) via!: string;
  @Field() fromSystem!: string;
  @Field() toSystem!: string;
  @Field() fromCategory!: string;
  @Field() toCategory!: string;
  @Field(() => [String], { description: 'Rules this flow or derivation breaks.' }) rulesBroken!: string[];
}

@ObjectType('TracePath')
export class TracePathType {
  @Field(() => [String], { description: 'System ids, from where the data was collected to the recipient.' }) systems!: string[];
  @Field(() => [TraceStepType]) steps!: TraceStepType[];
}

@ObjectType('ConsentGiven')
export class ConsentGivenType {
  @Field() notice!: string;
  @Field() at!: string;
  @Field(() => String, { nullable: true }) withdrawnAt!: string | null;
}

@ObjectType('ConsentCoverage', { description: "Whether one people entry's consent covered a flow (data-map.md: concerned by, consented for)." })
export class ConsentCoverageType {
  @Field({ description: "Their data, from a system of the sender they use: the flow is about them." }) concerned!: boolean;
  @Field({ description: 'They consented to a notice of the sender with a provision covering the flow, in time.' }) consented!: boolean;
  @Field({ description: 'Every covering consent was withdrawn.' }) withdrawn!: boolean;
  @Field(() => [ConsentGivenType], { description: 'The covering consents.' }) consents!: ConsentGivenType[];
}

@ObjectType('RecipientRow', { description: 'Who received which data, by which flow, for what purpose, on what ground, by which path, breaking which rules.' })
export class RecipientRowType {
  /** The version it was read from (its organization, system, flow… are read from the same one). */
  map!: MapSnapshot;
  @Field({ description: 'Recipient organization id.' }) organizationId!: string;
  @Field() organizationName!: string;
  @Field(() => String, { nullable: true }) organizationCountry!: string | null;
  @Field() systemId!: string;
  @Field() systemName!: string;
  @Field({ description: 'Category received: the one asked about or data derived from it.' }) categoryId!: string;
  @Field({ description: 'Derived data (e.g. a score computed from browsing history).' }) derived!: boolean;
  @Field() flowId!: string;
  @Field({ description: 'Sender organization id.' }) senderId!: string;
  @Field(() => String, { nullable: true, description: 'Purpose id (a flow with several purposes gives a row per purpose).' }) purposeId!: string | null;
  @Field(() => Basis) basis!: string;
  @Field(() => String, { nullable: true }) noticeId!: string | null;
  @Field() crossOrganization!: boolean;
  @Field(() => TracePathType) path!: TracePathType;
  @Field(() => ConsentCoverageType, { nullable: true, description: 'Only when the question was about a person.' }) consent!: ConsentCoverageType | null;
  @Field(() => [FindingType], { description: 'Rules this flow breaks.' }) findings!: FindingType[];
}

@ObjectType('RecipientRowEdge')
export class RecipientRowEdgeType {
  @Field() cursor!: string;
  @Field(() => RecipientRowType) node!: RecipientRowType;
}

@ObjectType('Recipients', { description: 'The answer, one page of rows at a time, in the connection shape of every paged list.' })
export class RecipientsType {
  @Field(() => Int, { description: 'The map version the answer was computed from.' }) version!: number;
  @Field(() => String, { nullable: true }) asOf!: string | null;
  @Field(() => [String], { description: 'The categories the question started from.' }) categories!: string[];
  @Field(() => Int, { description: 'Rows of the whole answer, over all pages.' }) totalCount!: number;
  @Field(() => [RecipientRowEdgeType]) edges!: RecipientRowEdgeType[];
  @Field(() => [RecipientRowType], { description: 'By recipient organization, system, category, flow and purpose.' }) nodes!: RecipientRowType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => [RecipientRowType], { description: 'The same as `nodes`.', deprecationReason: 'Use nodes, as on every paged list.' }) rows!: RecipientRowType[];
  @Field({ description: 'True when maxDepth or maxNodes cut the walk: there may be more recipients.' }) partial!: boolean;
  @Field(() => [CutReason]) cutBy!: string[];
}

@ObjectType('Holding', { description: 'Where a category of the person\'s data is.' })
export class HoldingType {
  @Field() organizationId!: string;
  @Field() systemId!: string;
  @Field() categoryId!: string;
  @Field() derived!: boolean;
  @Field(() => Int) depth!: number;
}

@ObjectType('PersonConsent')
export class PersonConsentType {
  @Field() notice!: string;
  @Field() organization!: string;
  @Field() at!: string;
  @Field(() => String, { nullable: true }) withdrawnAt!: string | null;
}

@ObjectType('PersonTraceSubject')
export class PersonTraceSubjectType {
  @Field() id!: string;
  @Field() subject!: string;
  @Field(() => Int) count!: number;
  @Field(() => String, { nullable: true }) since!: string | null;
  @Field(() => [String]) uses!: string[];
}

@ObjectType('PersonTrace', { description: "Everything about one people entry: where their data is, who received it, under which consent, and the findings that concern them." })
export class PersonTraceType {
  @Field(() => Int, { description: 'The map version the answer was computed from.' }) version!: number;
  @Field(() => String, { nullable: true }) asOf!: string | null;
  @Field(() => PersonTraceSubjectType) person!: PersonTraceSubjectType;
  @Field(() => [HoldingType]) holdings!: HoldingType[];
  @Field(() => [RecipientRowType], { description: 'Every flow their data took, internal ones included, with consent coverage.' }) recipients!: RecipientRowType[];
  @Field(() => [PersonConsentType]) consents!: PersonConsentType[];
  @Field(() => [FindingType], { description: 'Findings on the collections, flows and derivations their data went through.' }) findings!: FindingType[];
  @Field() partial!: boolean;
  @Field(() => [CutReason]) cutBy!: string[];
}
