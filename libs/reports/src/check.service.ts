import { Injectable } from '@nestjs/common';
import { checkAsOf, InvalidInputError, Problem } from '@tadoru/common';
import { DataMap } from '@tadoru/map';
import { Finding, RuleEngine, SeveritySummary, summarise } from '@tadoru/rules';
import { BulkMapImportService, BulkProgress, MapStoreService } from '@tadoru/store';

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
    private readonly maps: MapStoreService,
    private readonly engine: RuleEngine,
    private readonly bulk: BulkMapImportService,
  ) {}

  async check(map: DataMap, name: string, options: { asOf?: string | null } = {}): Promise<CheckReport> {
    const asOf = this.asOf(options.asOf);
    const findings = await this.maps.withScratchMap(map, (scratch) => this.engine.evaluate(scratch, { asOf }));
    return { map: name, findings, summary: summarise(findings) };
  }

  /** The same for JSON map files too large to read whole: they are streamed into the scratch map. */
  async checkLargeFiles(files: string[], options: { asOf?: string | null; onProgress?: (p: BulkProgress) => void } = {}): Promise<CheckReport> {
    const asOf = this.asOf(options.asOf);
    return this.bulk.withScratchImport(
      files,
      async (scratch, name) => {
        const findings = await this.engine.evaluate(scratch, { asOf });
        return { map: name, findings, summary: summarise(findings) };
      },
      { onProgress: options.onProgress },
    );
  }

  private asOf(asOf: string | null | undefined): string | null {
    const problems: Problem[] = [];
    const checked = checkAsOf(asOf, problems, '--as-of');
    if (problems.length > 0) throw new InvalidInputError(problems);
    return checked;
  }
}
