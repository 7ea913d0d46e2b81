import { Injectable } from '@nestjs/common';
import { PinnedMap } from '@tadoru/catalog';
import { checkAsOf, InvalidInputError, Problem } from '@tadoru/common';
import { DataMap } from '@tadoru/map';
import { Finding, FindingsService, RuleEngine, SeveritySummary, summarise } from '@tadoru/rules';
import { BulkMapImportService, BulkProgress, MapStoreService } from '@tadoru/store';

export interface CheckReport {
  map: string;
  findings: Finding[];
  summary: SeveritySummary;
}

/**
 * `tadoru check`: every finding of a map that is not stored. The map is written as a scratch map,
 * whose findings are evaluated and stored by that write like any map's, read back, and removed with
 * it, so a shared database keeps no trace. As of a date, the rules are evaluated on demand instead.
 */
@Injectable()
export class CheckService {
  constructor(
    private readonly maps: MapStoreService,
    private readonly engine: RuleEngine,
    private readonly findings: FindingsService,
    private readonly bulk: BulkMapImportService,
  ) {}

  async check(map: DataMap, name: string, options: { asOf?: string | null } = {}): Promise<CheckReport> {
    const asOf = this.asOf(options.asOf);
    const findings = await this.maps.withScratchMap(map, (scratch) => this.findingsOf(scratch, asOf), { storeFindings: asOf === null });
    return { map: name, findings, summary: summarise(findings) };
  }

  /** The same for JSON map files too large to read whole: they are streamed into the scratch map. */
  async checkLargeFiles(files: string[], options: { asOf?: string | null; onProgress?: (p: BulkProgress) => void } = {}): Promise<CheckReport> {
    const asOf = this.asOf(options.asOf);
    return this.bulk.withScratchImport(
      files,
      async (scratch, name) => {
        const findings = await this.findingsOf(scratch, asOf);
        return { map: name, findings, summary: summarise(findings) };
      },
      { onProgress: options.onProgress, storeFindings: asOf === null },
    );
  }

  private async findingsOf(scratch: PinnedMap, asOf: string | null): Promise<Finding[]> {
    return asOf === null ? this.findings.all(scratch) : this.engine.evaluate(scratch, { asOf });
  }

  private asOf(asOf: string | null | undefined): string | null {
    const problems: Problem[] = [];
    const checked = checkAsOf(asOf, problems, '--as-of');
    if (problems.length > 0) throw new InvalidInputError(problems);
    return checked;
  }
}
