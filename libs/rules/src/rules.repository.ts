import { Injectable } from '@nestjs/common';
import { MapSession, Row } from '@tadoru/graph';
import { RuleDefinition } from './rule-definition';

@Injectable()
export class RulesRepository {
  runRule(s: MapSession, rule: RuleDefinition, asOf: string | null, targets: string[] | null): Promise<Row[]> {
    return s.run(rule.key, { asOf, targets });
  }
}
