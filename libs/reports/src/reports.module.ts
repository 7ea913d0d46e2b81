import { Module } from '@nestjs/common';
import { RulesModule } from '@tadoru/rules';
import { StoreModule } from '@tadoru/store';
import { CheckService } from './check.service';

@Module({ imports: [StoreModule, RulesModule], providers: [CheckService], exports: [CheckService] })
export class ReportsModule {}
