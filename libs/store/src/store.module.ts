import { Module } from '@nestjs/common';
import { CatalogModule } from '@tadoru/catalog';
import { RulesModule } from '@tadoru/rules';
import { BulkMapImportService } from './bulk-map-import.service';
import { ChangeSetWriter } from './change-set-writer.service';
import { GenerationSweeper } from './generation-sweeper.service';
import { GenerationRepository } from './generation.repository';
import { HistoryRepository } from './history.repository';
import { HistoryService } from './history.service';
import { MapStoreService } from './map-store.service';
import { MapWriter } from './map-writer.service';
import { StoreMaintenanceService } from './store-maintenance.service';

@Module({
  imports: [CatalogModule, RulesModule],
  providers: [GenerationRepository, HistoryRepository, MapWriter, MapStoreService, ChangeSetWriter, HistoryService, BulkMapImportService, GenerationSweeper, StoreMaintenanceService],
  exports: [MapStoreService, ChangeSetWriter, HistoryService, BulkMapImportService, GenerationSweeper, StoreMaintenanceService],
})
export class StoreModule {}
