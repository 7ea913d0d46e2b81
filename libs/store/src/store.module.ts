import { Module } from '@nestjs/common';
import { CatalogModule } from '@tadoru/catalog';
import { BulkMapImportService } from './bulk-map-import.service';
import { BulkMapRepository } from './bulk-map.repository';
import { MapStoreService } from './map-store.service';
import { MapRepository } from './map.repository';

@Module({
  imports: [CatalogModule],
  providers: [MapRepository, MapStoreService, BulkMapRepository, BulkMapImportService],
  exports: [MapStoreService, BulkMapImportService],
})
export class StoreModule {}
