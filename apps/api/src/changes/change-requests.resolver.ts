import { Requires } from '@tadoru/auth';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ChangesService, ReviewService } from '@tadoru/changes';
import { actorOf } from '../graphql/current-actor.decorator';
import { GqlContext } from '../graphql/loaders';
import { changeSetDocument } from './change-set-document';
import { ChangeRequestConnectionType, ChangeRequestType } from './change-request.type';
import { ChangeRequestArgs, ChangeRequestsArgs, ChangeSetArgs, ReviewArgs } from './changes.args';
import { toChangeRequestType } from './changes.mapper';

/** Review before go-live: submitted proposals, approved (applied) or rejected by a reviewer. */
@Resolver(() => ChangeRequestType)
export class ChangeRequestsResolver {
  constructor(
    private readonly review: ReviewService,
    private readonly changes: ChangesService,
  ) {}

  @Mutation(() => ChangeRequestType, { description: 'Stores a proposal as a pending change request, with the diff it shows now against the current version.' })
  @Requires('submit')
  async submitChange(@Args() args: ChangeSetArgs, @Context() ctx: GqlContext): Promise<ChangeRequestType> {
    const change = this.changes.changeSetOf({ document: args.change ? changeSetDocument(args.change) : undefined, content: args.content, format: args.format });
    return toChangeRequestType(await this.review.submit(args.map, change, actorOf(ctx)));
  }

  @Mutation(() => ChangeRequestType, {
    description:
      'Approves a pending request: applies it onto the version it was checked on (the history records the reviewer). CONFLICT, nothing written and the request still pending, when the map has moved on; `extensions.diff` then holds its diff against the current version.',
  })
  @Requires('review')
  async approveChange(@Args() args: ReviewArgs, @Context() ctx: GqlContext): Promise<ChangeRequestType> {
    return toChangeRequestType(await this.review.approve(args.id, actorOf(ctx), args.comment ?? null));
  }

  @Mutation(() => ChangeRequestType, { description: 'Rejects a pending request with a comment saying why; nothing is written to the map.' })
  @Requires('review')
  async rejectChange(@Args() args: ReviewArgs, @Context() ctx: GqlContext): Promise<ChangeRequestType> {
    return toChangeRequestType(await this.review.reject(args.id, actorOf(ctx), args.comment ?? ''));
  }

  @Query(() => ChangeRequestConnectionType, { description: 'Change requests, newest first, with their state, author, reviewer and diff.' })
  @Requires('changeRequests')
  async changeRequests(@Args() args: ChangeRequestsArgs): Promise<ChangeRequestConnectionType> {
    const page = await this.review.list({ map: args.map, state: args.state }, { first: args.first, after: args.after });
    return { nodes: page.requests.map(toChangeRequestType), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Query(() => ChangeRequestType, { description: 'One change request; NOT_FOUND when there is none with that id.' })
  @Requires('changeRequests')
  async changeRequest(@Args() { id }: ChangeRequestArgs): Promise<ChangeRequestType> {
    return toChangeRequestType(await this.review.find(id));
  }
}
