import { Module } from '@nestjs/common';
import { LineageModule } from '@tadoru/lineage';
import { MapModule } from '@tadoru/map';
import { ChangeScopeService } from './change-scope.service';
import { CheckService } from './check.service';
import { FindingsService } from './findings.service';
import { RuleCatalog } from './rule-catalog';
import { RuleEngine } from './rule-engine.service';
import { RulesRepository } from './rules.repository';

@Module({
  imports: [MapModule, LineageModule],
  providers: [RuleCatalog, RulesRepository, RuleEngine, FindingsService, CheckService, ChangeScopeService],
  exports: [RuleCatalog, RuleEngine, FindingsService, CheckService, ChangeScopeService],
})
export class RulesModule {}
