import { Module } from '@nestjs/common';
import { RulesModule } from '@tadoru/rules';
import { StoreModule } from '@tadoru/store';
import { CheckBaseService } from './check-base.service';
import { CheckService } from './check.service';

@Module({ imports: [StoreModule, RulesModule], providers: [CheckService, CheckBaseService], exports: [CheckService, CheckBaseService] })
export class ReportsModule {}
