import { Injectable } from '@nestjs/common';
import { InvalidInputError, Problem } from '@tadoru/common';
import { checkAsOf } from '@tadoru/lineage';
import { DataMap, MapService } from '@tadoru/map';
import { Finding, SeveritySummary, summarise } from './finding';
import { RuleEngine } from './rule-engine.service';

export interface CheckReport {
  map: string;
  findings: Finding[];
  summary: SeveritySummary;
}

/**
 * `tadoru check`: evaluates every rule on a map that is not stored. The map goes into a scratch map
 * for the length of the evaluation and is removed afterwards, so a shared database keeps no trace.
 */
@Injectable()
export class CheckService {
  constructor(
    private readonly maps: MapService,
    private readonly engine: RuleEngine,
  ) {}

  async check(map: DataMap, name: string, options: { asOf?: string | null } = {}): Promise<CheckReport> {
    const problems: Problem[] = [];
    const asOf = checkAsOf(options.asOf, problems, '--as-of');
    if (problems.length > 0) throw new InvalidInputError(problems);
    const findings = await this.maps.withScratchMap(map, (scratch) => this.engine.evaluate(scratch, { asOf }));
    return { map: name, findings, summary: summarise(findings) };
  }
}
