import { Driver } from 'neo4j-driver';
import { Neo4jService, StatementRecord } from '@tadoru/graph';
import { timed } from '../measure';

/** Runs `request` and returns what it returned with every statement it ran, in order. */
export async function recording<T>(db: Neo4jService, request: () => Promise<T>): Promise<[T, StatementRecord[]]> {
  const statements: StatementRecord[] = [];
  const stop = db.recordStatements((s) => statements.push(s));
  try {
    return [await request(), statements];
  } finally {
    stop();
  }
}

/**
 * Runs the same statements straight through the driver, one transaction per unit of work as the
 * service ran them, and returns how long that took: the database's share of a request.
 */
export async function replay(driver: Driver, statements: StatementRecord[]): Promise<number> {
  const units = new Map<number, StatementRecord[]>();
  for (const s of statements) units.set(s.unit, [...(units.get(s.unit) ?? []), s]);
  const [, ms] = await timed(async () => {
    for (const unit of units.values()) {
      const session = driver.session({ defaultAccessMode: unit[0].mode === 'READ' ? 'READ' : 'WRITE' });
      try {
        const run = async (tx: { run: (text: string, params: Record<string, unknown>) => PromiseLike<unknown> }) => {
          for (const s of unit) await tx.run(s.text, s.params);
        };
        await (unit[0].mode === 'READ' ? session.executeRead(run) : session.executeWrite(run));
      } finally {
        await session.close();
      }
    }
  });
  return ms;
}
