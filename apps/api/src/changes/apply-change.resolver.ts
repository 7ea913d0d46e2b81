import { Requires } from '@tadoru/auth';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { ApplyOutcome, ChangesService } from '@tadoru/changes';
import { actorOf } from '../graphql/current-actor.decorator';
import { GqlContext } from '../graphql/loaders';
import { changeSetDocument } from './change-set-document';
import { ApplyChangeArgs } from './changes.args';
import { ApplyChangeResultType } from './map-diff.type';

/** Applies a change set onto the version it was checked on. */
@Resolver()
export class ApplyChangeResolver {
  constructor(private readonly changes: ChangesService) {}

  @Mutation(() => ApplyChangeResultType, {
    description:
      'Applies a change set, with its findings, in one step, and returns the diff with the new version; the history records it with the caller as actor. CONFLICT, and nothing written, when the map is not at `expectedVersion`. `retire` ends validity instead of deleting; `remove` is refused while anything references the element.',
  })
  @Requires('apply')
  applyChange(@Args() args: ApplyChangeArgs, @Context() ctx: GqlContext): Promise<ApplyOutcome> {
    const change = this.changes.changeSetOf({ document: args.change ? changeSetDocument(args.change) : undefined, content: args.content, format: args.format });
    return this.changes.apply(args.map, change, args.expectedVersion, actorOf(ctx), args.failOn ?? 'none');
  }
}
