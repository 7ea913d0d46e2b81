import { Injectable } from '@nestjs/common';
import { Neo4jService, QueryRunner, Row } from '@tadoru/graph';
import { RuleDefinition } from './rule-definition';

/** A rule scan reads the whole map; it may take longer than an API request's default timeout. */
const EVALUATION_TIMEOUT_MS = 10 * 60_000;

@Injectable()
export class RulesRepository {
  constructor(private readonly db: Neo4jService) {}

  read<T>(op: string, work: (q: QueryRunner) => Promise<T>): Promise<T> {
    return this.db.read(op, work, EVALUATION_TIMEOUT_MS);
  }

  runRule(q: QueryRunner, rule: RuleDefinition, map: string, asOf: string | null, targets: string[] | null): Promise<Row[]> {
    return q.run(rule.key, { map, asOf, targets });
  }
}
