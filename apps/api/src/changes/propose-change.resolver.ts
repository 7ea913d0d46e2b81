import { Requires } from '@tadoru/auth';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { ChangesService, MapDiff } from '@tadoru/changes';
import { actorOf } from '../graphql/current-actor.decorator';
import { GqlContext } from '../graphql/loaders';
import { changeSetDocument } from './change-set-document';
import { ChangeSetArgs } from './changes.args';
import { MapDiffType } from './map-diff.type';

/** What a change set would do to a stored map, with nothing written. */
@Resolver()
export class ProposeChangeResolver {
  constructor(private readonly changes: ChangesService) {}

  @Mutation(() => MapDiffType, {
    description:
      'Checks a change set against the current version of a map and returns its diff — findings introduced and resolved, recipients added and removed, element counts — writing nothing. An invalid change set gets BAD_USER_INPUT with every problem and its path (`upsert.flows[0].to`).',
  })
  @Requires('propose')
  proposeChange(@Args() args: ChangeSetArgs, @Context() ctx: GqlContext): Promise<MapDiff> {
    const change = this.changes.changeSetOf({ document: args.change ? changeSetDocument(args.change) : undefined, content: args.content, format: args.format });
    return this.changes.propose(args.map, change, actorOf(ctx));
  }
}
