import { Module } from '@nestjs/common';
import { CatalogRepository } from './catalog/catalog.repository';
import { CatalogService } from './catalog/catalog.service';
import { MapRepository } from './import/map.repository';
import { MapService } from './map.service';

@Module({ providers: [MapRepository, MapService, CatalogRepository, CatalogService], exports: [MapService, CatalogService] })
export class MapModule {}
