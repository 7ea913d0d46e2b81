import { Injectable } from '@nestjs/common';
import { buildMapDiff, MapDiff } from '@tadoru/changes';
import { canonicalJson, countElements, DataMap, elementChangesBetween, recipientsOfMap } from '@tadoru/map';
import { CheckService } from './check.service';

/**
 * `tadoru check PROPOSED --base BASE`, the CI gate: the diff between two maps that are not stored
 * (shared/spec/changes.md §Commands). Findings come from evaluating each map in a scratch map of the
 * same database, one after the other; recipients and element counts are computed in memory.
 */
@Injectable()
export class CheckBaseService {
  constructor(private readonly check: CheckService) {}

  async compare(base: DataMap, proposed: DataMap, name: string): Promise<MapDiff> {
    const before = await this.check.check(base, name);
    // The same map twice (a pull request that does not touch it) has the same findings: evaluate once.
    const after = canonicalJson(base) === canonicalJson(proposed) ? before : await this.check.check(proposed, name);
    return buildMapDiff({
      map: name,
      baseVersion: null,
      version: null,
      before: before.findings,
      after: after.findings,
      recipientsBefore: recipientsOfMap(base),
      recipientsAfter: recipientsOfMap(proposed),
      elements: countElements(elementChangesBetween(base, proposed)),
    });
  }
}
