import { Module } from '@nestjs/common';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';
import { MapDirectoryRepository } from './map-directory.repository';
import { MapDirectoryService } from './map-directory.service';

@Module({
  providers: [CatalogRepository, CatalogService, MapDirectoryRepository, MapDirectoryService],
  exports: [CatalogService, MapDirectoryService],
})
export class CatalogModule {}
