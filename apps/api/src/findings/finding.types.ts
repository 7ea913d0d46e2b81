import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SEVERITIES, TARGET_KINDS } from '@tadoru/rules';
import { PageInfoType } from '../catalog/connection';

const upperEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<string, T>;

export const Severity = upperEnum(SEVERITIES);
export const TargetKind = upperEnum(TARGET_KINDS);
export const StepKind = { COLLECTION: 'COLLECTION', FLOW: 'FLOW', DERIVATION: 'DERIVATION' } as const;

registerEnumType(Severity, { name: 'Severity', description: 'How grave a rule breach is (critical first).' });
registerEnumType(TargetKind, { name: 'TargetKind', description: 'The kind of map element a finding is about.' });
registerEnumType(StepKind, { name: 'StepKind', description: 'How data got from one place to the next: collected, moved by a flow, or turned into new data by a derivation.' });

@ObjectType('Bilingual', { description: 'A text in English and Japanese.' })
export class BilingualType {
  @Field() en!: string;
  @Field() ja!: string;
}

@ObjectType('Rule', { description: 'A rule of the catalogue (shared/spec/rules.md), as its file under cypher/rules declares it.' })
export class RuleType {
  @Field() id!: string;
  @Field() title!: string;
  @Field(() => Severity) severity!: string;
  @Field(() => [TargetKind], { description: 'The kinds of element it judges.' }) targets!: string[];
  @Field({ description: 'Article of the law, with the pre-2022 numbering in brackets.' }) citation!: string;
  @Field({ description: 'Exactly when it fires.' }) condition!: string;
  @Field(() => BilingualType, { description: 'What the law requires.' }) explanation!: BilingualType;
}

@ObjectType('FindingTarget')
export class FindingTargetType {
  @Field(() => TargetKind) kind!: string;
  @Field({ description: "The element's id in the map." }) id!: string;
}

@ObjectType('FindingStep', { description: 'One step of the way the offending data took.' })
export class FindingStepType {
  @Field(() => StepKind) kind!: string;
  @Field({ description: 'Flow or derivation id; for COLLECTION, the collecting system.' }) via!: string;
  @Field() fromSystem!: string;
  @Field() toSystem!: string;
  @Field(() => String, { nullable: true }) fromCategory!: string | null;
  @Field(() => String, { nullable: true }) toCategory!: string | null;
}

@ObjectType('Evidence', { description: 'One fact the rule found; `value` is JSON.' })
export class EvidenceType {
  @Field() name!: string;
  @Field({ description: 'JSON-encoded value.' }) value!: string;
}

@ObjectType('Finding', { description: 'One rule broken by one element of the map.' })
export class FindingType {
  @Field({ description: 'Stable id `<rule>:<kind>:<target id>`; pass it to `map.finding(id:)` for the explanation.' }) id!: string;
  @Field() rule!: string;
  @Field(() => Severity) severity!: string;
  @Field() title!: string;
  @Field(() => FindingTargetType) target!: FindingTargetType;
  @Field(() => Int, { nullable: true, description: 'People the finding is about (sum of the entries\' counts); null when the rule does not count people or none is concerned.' })
  affectedPeople!: number | null;
  @Field(() => [String], { description: 'System ids from a system that collected the offending data to the recipient\'s system.' }) path!: string[];
  @Field(() => [FindingStepType]) pathSteps!: FindingStepType[];
  @Field() message!: string;
  @Field() messageJa!: string;
  @Field() citation!: string;
  @Field(() => BilingualType) explanation!: BilingualType;
  @Field(() => [String], { description: 'Organizations involved (sender and recipient, or the operator).' }) organizations!: string[];
  @Field(() => String, { nullable: true, description: 'Which branch of the condition held, for rules with several.' }) reason!: string | null;
  @Field(() => [EvidenceType]) evidence!: EvidenceType[];
}

@ObjectType('SeveritySummary', { description: 'How many findings of each severity.' })
export class SeveritySummaryType {
  @Field(() => Int) critical!: number;
  @Field(() => Int) high!: number;
  @Field(() => Int) medium!: number;
  @Field(() => Int) low!: number;
}

@ObjectType('FindingEdge')
export class FindingEdgeType {
  @Field() cursor!: string;
  @Field(() => FindingType) node!: FindingType;
}

@ObjectType('FindingList', { description: 'A page of findings, in the connection shape of every paged list, with a summary by severity.' })
export class FindingListType {
  @Field(() => Int, { description: 'The map version the findings belong to.' }) version!: number;
  @Field(() => Int, { description: 'Findings matching the filter, over all pages.' }) totalCount!: number;
  @Field(() => SeveritySummaryType, { description: 'Of all findings matching the filter.' }) summary!: SeveritySummaryType;
  @Field(() => [FindingEdgeType]) edges!: FindingEdgeType[];
  @Field(() => [FindingType], { description: 'Most severe first, then by rule and target.' }) nodes!: FindingType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field({ description: 'More findings follow; ask again with `after: endCursor`.', deprecationReason: 'Use pageInfo.hasNextPage, as on every paged list.' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, deprecationReason: 'Use pageInfo.endCursor, as on every paged list.' }) endCursor!: string | null;
}

@ObjectType('FindingExplanation', { description: 'A finding with the rule it breaks, the facts, the path and the people concerned.' })
export class FindingExplanationType {
  @Field(() => FindingType) finding!: FindingType;
  @Field(() => RuleType) rule!: RuleType;
  @Field({ description: 'The finding in plain English: what happened, why it is unlawful, and where the data came from.' }) summary!: string;
  @Field({ description: 'The same in Japanese.' }) summaryJa!: string;
}
