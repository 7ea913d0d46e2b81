import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DiffTarget', { description: 'The element a finding is about.' })
export class DiffTargetType {
  @Field({ description: 'flow, derivation, collection, system, organization, notice or people.' }) kind!: string;
  @Field() id!: string;
}

@ObjectType('DiffFinding', { description: 'A finding a change introduces or resolves (identified by rule, target kind and target id).' })
export class DiffFindingType {
  @Field() rule!: string;
  @Field({ description: 'critical, high, medium or low.' }) severity!: string;
  @Field(() => DiffTargetType) target!: DiffTargetType;
  @Field(() => Int, { nullable: true }) affectedPeople!: number | null;
  @Field(() => [String], { description: 'System ids from where the data was collected to the recipient.' }) path!: string[];
  @Field() message!: string;
  @Field() messageJa!: string;
}

@ObjectType('DiffFindingState')
export class DiffFindingStateType {
  @Field(() => Int, { nullable: true }) affectedPeople!: number | null;
  @Field() message!: string;
  @Field() messageJa!: string;
}

@ObjectType('ChangedFinding', { description: 'A finding present before and after whose message or affected people differ.' })
export class ChangedFindingType {
  @Field() rule!: string;
  @Field() severity!: string;
  @Field(() => DiffTargetType) target!: DiffTargetType;
  @Field(() => DiffFindingStateType) before!: DiffFindingStateType;
  @Field(() => DiffFindingStateType) after!: DiffFindingStateType;
}

@ObjectType('DiffRecipient', { description: 'An (organization, system, category) reached by a cross-organization flow, as in the recipients question.' })
export class DiffRecipientType {
  @Field() organization!: string;
  @Field() system!: string;
  @Field() category!: string;
  @Field({ description: 'The first flow (by id) that delivers the category there.' }) flow!: string;
  @Field(() => [String]) purposes!: string[];
  @Field({ description: 'The category is made from other data by a derivation.' }) derived!: boolean;
}

@ObjectType('DiffRecipients')
export class DiffRecipientsType {
  @Field(() => [DiffRecipientType], { description: 'Who would newly receive what.' }) added!: DiffRecipientType[];
  @Field(() => [DiffRecipientType]) removed!: DiffRecipientType[];
}

@ObjectType('ElementCounts', { description: 'Map elements the change adds, changes, retires and removes.' })
export class ElementCountsType {
  @Field(() => Int) added!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) retired!: number;
  @Field(() => Int) removed!: number;
}

@ObjectType('SeverityCounts')
export class SeverityCountsType {
  @Field(() => Int) critical!: number;
  @Field(() => Int) high!: number;
  @Field(() => Int) medium!: number;
  @Field(() => Int) low!: number;
}

@ObjectType('DiffSummary')
export class DiffSummaryType {
  @Field(() => SeverityCountsType) introduced!: SeverityCountsType;
  @Field(() => SeverityCountsType) resolved!: SeverityCountsType;
}

@ObjectType('MapDiff', { description: 'What a change does to a map (shared/spec/changes.md §Diff).' })
export class MapDiffType {
  @Field() map!: string;
  @Field(() => Int, { nullable: true, description: 'The version the change was checked or applied against.' }) baseVersion!: number | null;
  @Field(() => Int, { nullable: true, description: 'The version an apply made; null for a proposal.' }) version!: number | null;
  @Field(() => [DiffFindingType]) introduced!: DiffFindingType[];
  @Field(() => [DiffFindingType]) resolved!: DiffFindingType[];
  @Field(() => [ChangedFindingType]) changed!: ChangedFindingType[];
  @Field(() => DiffRecipientsType) recipients!: DiffRecipientsType;
  @Field(() => ElementCountsType) elements!: ElementCountsType;
  @Field(() => DiffSummaryType) summary!: DiffSummaryType;
}

@ObjectType('ApplyChangeResult')
export class ApplyChangeResultType {
  @Field(() => MapDiffType) diff!: MapDiffType;
  @Field({ description: 'False when `failOn` stopped it (an introduced finding reached that severity): nothing was written.' }) applied!: boolean;
}
