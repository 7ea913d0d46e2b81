import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MapSnapshot } from '@tadoru/graph';
import { StepKind } from '../findings/finding.types';

export const Direction = { DOWNSTREAM: 'DOWNSTREAM', UPSTREAM: 'UPSTREAM' } as const;
registerEnumType(Direction, { name: 'Direction', description: 'DOWNSTREAM: where the data goes; UPSTREAM: where it comes from.' });

export const CutReason = { MAX_DEPTH: 'maxDepth', MAX_NODES: 'maxNodes' } as const;
registerEnumType(CutReason, { name: 'CutReason', description: 'Which bound cut a lineage answer.' });

@ObjectType('LineageStep', { description: 'One flow or derivation crossed: from one "category at system" to the next.' })
export class LineageStepType {
  @Field(() => StepKind) kind!: string;
  @Field({ description: 'Flow or derivation id.' }) via!: string;
  @Field({ description: 'Asset the data came from, `system/category`.' }) from!: string;
  @Field({ description: 'Asset it went to, `system/category`.' }) to!: string;
}

@ObjectType('LineageNode', { description: 'A category at a system that the walk reached.' })
export class LineageNodeType {
  /** The version it was read from (its system and category are read from the same one). */
  map!: MapSnapshot;
  @Field({ description: '`system/category`.' }) asset!: string;
  @Field({ description: 'System id.' }) systemId!: string;
  @Field({ description: 'Data category id.' }) categoryId!: string;
  @Field(() => Int, { description: 'Steps from the nearest start (0 for a start).' }) depth!: number;
  @Field(() => [LineageStepType], { description: 'The flows and derivations by which it was first reached (several in a diamond).' })
  reachedVia!: LineageStepType[];
}

@ObjectType('Lineage')
export class LineageType {
  @Field(() => Int, { description: 'The map version the answer was computed from.' }) version!: number;
  @Field(() => Direction) direction!: string;
  @Field(() => String, { nullable: true }) asOf!: string | null;
  @Field(() => Int) maxDepth!: number;
  @Field(() => Int) maxNodes!: number;
  @Field(() => [LineageNodeType], { description: 'Nearest first.' }) nodes!: LineageNodeType[];
  @Field({ description: 'True when maxDepth or maxNodes cut the answer: more is reachable than is listed.' }) partial!: boolean;
  @Field(() => [CutReason]) cutBy!: string[];
}
