import { Module } from '@nestjs/common';
import { LineageModule } from '@tadoru/lineage';
import { MapModule } from '@tadoru/map';
import { RulesModule } from '@tadoru/rules';

@Module({ imports: [MapModule, LineageModule, RulesModule], providers: [], exports: [] })
export class TraceModule {}
