import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString } from 'class-validator';

/** The bounds every lineage-style question takes (checked again, with the as-of date, by the service). */
@ArgsType()
export class BoundsArgs {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: follow only flows and derivations in force that day.' })
  @IsOptional()
  @IsString()
  asOf?: string;
  @Field(() => Int, { nullable: true, description: 'Most steps to follow (1-50, default 10).' })
  @IsOptional()
  @IsInt()
  maxDepth?: number;
  @Field(() => Int, { nullable: true, description: 'Most category-at-system nodes to visit (1-10000, default 1000).' })
  @IsOptional()
  @IsInt()
  maxNodes?: number;
}
