import { Module } from '@nestjs/common';
import { CatalogModule } from '@tadoru/catalog';
import { LineageRepository } from './lineage.repository';
import { LineageService } from './lineage.service';

@Module({ imports: [CatalogModule], providers: [LineageRepository, LineageService], exports: [LineageService] })
export class LineageModule {}
