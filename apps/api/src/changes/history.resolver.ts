import { Requires } from '@tadoru/auth';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ChangesService } from '@tadoru/changes';
import { InvalidInputError } from '@tadoru/common';
import { changeSetOf } from '@tadoru/map';
import { HistoryService } from '@tadoru/store';
import { ChangeRecordConnectionType, ChangeRecordType, ElementChangeType, VersionComparisonType } from './change-record.type';
import { ChangesArgs, CompareVersionsArgs } from './changes.args';
import { toChangeRecordType, toElementChangeType } from './changes.mapper';

/** Imports up to this many elements show the change set they amount to in one field. */
const MAX_DERIVED_CHANGE_SET = 10_000;

const CHANGES_DESCRIPTION =
  'The writes to a map, newest first: version, time, actor, the change, findings introduced and resolved. Filter by time, element or actor. A deleted map keeps its history.';

/** The history of a map: every write, forever; and two versions compared. */
@Resolver(() => ChangeRecordType)
export class HistoryResolver {
  constructor(
    private readonly history: HistoryService,
    private readonly changeSets: ChangesService,
  ) {}

  @Query(() => ChangeRecordConnectionType, { name: 'changes', description: CHANGES_DESCRIPTION })
  @Requires('history')
  async listChanges(@Args() args: ChangesArgs): Promise<ChangeRecordConnectionType> {
    const page = await this.history.changes(args.map, { since: args.since, until: args.until, actor: args.actor, element: args.element }, { first: args.first, after: args.after });
    return { nodes: page.records.map(toChangeRecordType), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Query(() => VersionComparisonType, { description: 'What changed between two versions of a map — the diff of the two, and the writes between them (who did what).' })
  @Requires('history')
  async compareVersions(@Args() args: CompareVersionsArgs): Promise<VersionComparisonType> {
    const { diff, records } = await this.changeSets.compare(args.map, args.from, args.to);
    return { diff, changes: records.map(toChangeRecordType) };
  }

  @Requires('history')
  @ResolveField(() => String, {
    nullable: true,
    description: `The change set the write amounts to, as a JSON change set document: the one applied, or for an import (or a baseline) its upserts and removals element by element. Null for a deletion, a refresh, or an import of more than ${MAX_DERIVED_CHANGE_SET} elements (page through \`elementChanges\`).`,
  })
  async changeSet(@Parent() record: ChangeRecordType): Promise<string | null> {
    if (record.kind === 'change') return record.change;
    if (record.kind !== 'import' && record.kind !== 'baseline') return null;
    const { added, changed, retired, removed } = record.elements;
    if (added + changed + retired + removed > MAX_DERIVED_CHANGE_SET) return null;
    return JSON.stringify(changeSetOf(await this.history.elementChanges(record.map, record.version), record.description ?? undefined));
  }

  @ResolveField(() => [ElementChangeType], { description: 'Each element the write changed, before and after.' })
  @Requires('history')
  async elementChanges(@Parent() record: ChangeRecordType, @Args('first', { type: () => Int, defaultValue: 100, description: 'At most this many (0 to 1000).' }) first: number): Promise<ElementChangeType[]> {
    if (!Number.isInteger(first) || first < 0 || first > 1000) throw new InvalidInputError([{ path: 'first', message: `must be 0 to 1000, got ${first}` }]);
    if (first === 0) return [];
    return (await this.history.elementChanges(record.map, record.version, first)).map(toElementChangeType);
  }
}
