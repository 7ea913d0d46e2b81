import { Module } from '@nestjs/common';
import { CatalogModule } from '@tadoru/catalog';
import { LineageModule } from '@tadoru/lineage';
import { RecipientsModule } from '@tadoru/recipients';
import { RulesModule } from '@tadoru/rules';
import { StoreModule } from '@tadoru/store';
import { CheckBaseService } from './check-base.service';
import { CheckService } from './check.service';
import { ReportBuilder, REPORT_BUILDERS } from './document/report-kind';
import { REPORT_BUILDER_CLASSES } from './report-builders';
import { ReportsService } from './reports.service';
import { LedgerRepository } from './ledger/ledger.repository';
import { OrganizationReportsRepository } from './ropa/ropa.repository';

@Module({
  imports: [StoreModule, RulesModule, CatalogModule, LineageModule, RecipientsModule],
  providers: [
    CheckService,
    CheckBaseService,
    ReportsService,
    LedgerRepository,
    OrganizationReportsRepository,
    ...REPORT_BUILDER_CLASSES,
    { provide: REPORT_BUILDERS, useFactory: (...builders: ReportBuilder[]) => builders, inject: [...REPORT_BUILDER_CLASSES] },
  ],
  exports: [CheckService, CheckBaseService, ReportsService, REPORT_BUILDERS],
})
export class ReportsModule {}
