import { Module } from '@nestjs/common';
import { LineageModule } from '@tadoru/lineage';
import { ChangeScopeService } from './change-scope.service';
import { FindingsService } from './findings.service';
import { RuleCatalog } from './rule-catalog';
import { RuleEngine } from './rule-engine.service';
import { RulesRepository } from './rules.repository';

@Module({
  imports: [LineageModule],
  providers: [RuleCatalog, RulesRepository, RuleEngine, FindingsService, ChangeScopeService],
  exports: [RuleCatalog, RuleEngine, FindingsService, ChangeScopeService],
})
export class RulesModule {}
