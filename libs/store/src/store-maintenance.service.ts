import { Injectable, Logger } from '@nestjs/common';
import { ConflictError } from '@tadoru/common';
import { int, Neo4jService } from '@tadoru/graph';
import { RuleCatalog } from '@tadoru/rules';
import { GenerationRepository, REMOVAL_SLICE } from './generation.repository';
import { MapWriter } from './map-writer.service';

interface LegacyMap {
  name: string;
  unfinished: boolean;
  swapFrom: string | null;
  swapPhase: string | null;
  deleting: boolean;
}

/**
 * Keeps stored maps readable across upgrades of tadoru: maps stored before map versions become
 * version 1 (work an old bulk import left unfinished is completed or undone), and versions whose
 * findings were evaluated with another rule pack are evaluated again.
 */
@Injectable()
export class StoreMaintenanceService {
  private readonly logger = new Logger(StoreMaintenanceService.name);

  constructor(
    private readonly db: Neo4jService,
    private readonly generations: GenerationRepository,
    private readonly writer: MapWriter,
    private readonly rules: RuleCatalog,
  ) {}

  /** Maps written before map versions, made readable (fast: no rule is evaluated here). Returns their names. */
  async upgradeLegacyMaps(): Promise<string[]> {
    const legacy = (await this.db.read('store.legacy', (q) => q.run('store/legacy-maps', {}))) as unknown as LegacyMap[];
    if (legacy.length === 0) return [];
    const swappedIn = new Set(legacy.map((m) => m.swapFrom).filter((s): s is string => Boolean(s)));
    const adopted: string[] = [];
    for (const map of legacy.filter((m) => m.swapFrom)) {
      // an old swap that had begun: its staged map is complete, so it is rolled forward
      if (map.swapPhase === 'delete-old') await this.removeElements(map.name);
      for (;;) {
        const [row] = await this.db.write('store.legacyRename', (q) => q.run('store/legacy-rename-slice', { staging: map.swapFrom, name: map.name, limit: int(REMOVAL_SLICE) }));
        if ((row.renamed as number) < REMOVAL_SLICE) break;
      }
      await this.generations.removeMapNode(map.swapFrom as string);
    }
    for (const map of legacy) {
      if (swappedIn.has(map.name)) continue;
      if (map.unfinished || map.deleting) {
        await this.removeElements(map.name);
        await this.generations.removeMapNode(map.name);
        continue;
      }
      await this.db.write('store.legacyAdopt', (q) => q.run('store/legacy-adopt', { name: map.name }));
      adopted.push(map.name);
    }
    if (adopted.length > 0) this.logger.log(`upgraded ${adopted.length} map(s) stored before map versions: ${adopted.join(', ')}`);
    return adopted;
  }

  /** Evaluates again the findings of every current version evaluated with another rule pack (or never). */
  async refreshOutdatedFindings(): Promise<string[]> {
    const outdated = await this.db.read('store.outdated', async (q) => (await q.run('store/outdated-generations', { rulesDigest: this.rules.digest })).map((r) => r.name as string));
    const refreshed: string[] = [];
    for (const name of outdated) {
      try {
        if (await this.writer.refreshFindings(name)) refreshed.push(name);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error; // being written: that write stores current findings itself
      }
    }
    if (refreshed.length > 0) this.logger.log(`evaluated the findings of ${refreshed.length} map(s) again for the current rule pack`);
    return refreshed;
  }

  private async removeElements(key: string): Promise<void> {
    while ((await this.generations.removeElementsSlice(key)) === REMOVAL_SLICE);
  }
}
