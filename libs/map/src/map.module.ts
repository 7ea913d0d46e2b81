import { Module } from '@nestjs/common';
import { CatalogRepository } from './catalog/catalog.repository';
import { CatalogService } from './catalog/catalog.service';
import { BulkMapImportService } from './import/bulk-map-import.service';
import { BulkMapRepository } from './import/bulk-map.repository';
import { MapRepository } from './import/map.repository';
import { MapService } from './map.service';

@Module({
  providers: [MapRepository, MapService, CatalogRepository, CatalogService, BulkMapRepository, BulkMapImportService],
  exports: [MapService, CatalogService, BulkMapImportService],
})
export class MapModule {}
