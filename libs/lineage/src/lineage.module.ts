import { Module } from '@nestjs/common';
import { MapModule } from '@tadoru/map';
import { LineageRepository } from './lineage.repository';
import { LineageService } from './lineage.service';

@Module({ imports: [MapModule], providers: [LineageRepository, LineageService], exports: [LineageService, LineageRepository] })
export class LineageModule {}
