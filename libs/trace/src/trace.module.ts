import { Module } from '@nestjs/common';
import { LineageModule } from '@tadoru/lineage';
import { MapModule } from '@tadoru/map';
import { RulesModule } from '@tadoru/rules';
import { TraceService } from './trace.service';

@Module({ imports: [MapModule, LineageModule, RulesModule], providers: [TraceService], exports: [TraceService] })
export class TraceModule {}
