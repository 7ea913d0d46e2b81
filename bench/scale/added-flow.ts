import { Neo4jService } from '@tadoru/graph';
import { emptyGraphRows, Flow, GraphRowBuilder } from '@tadoru/map';
import { writeGraphRows } from '@tadoru/store';

/**
 * Adds, to a stored map, a new flow beside an existing one between two organizations: same systems,
 * categories and purposes, but claimed on consent under no notice, as an integration registered in
 * haste would be. Both ends already hold the data, so only the flow and its lineage steps are new.
 */
export async function addFlowBeside(db: Neo4jService, map: string, model: Record<string, unknown>): Promise<string> {
  const flow: Flow = {
    id: `bench-added-${String(model.id)}`,
    from: model.from as string,
    to: model.to as string,
    dataCategories: model.dataCategories as string[],
    purposes: model.purposes as string[] | undefined,
    basis: 'CONSENT',
  };
  const builder = new GraphRowBuilder({
    operatorOf: (system) => (system === flow.from ? (model.sender as string) : (model.recipient as string)),
    locationOf: (system) => (system === flow.to ? (model.recipientCountry as string) : undefined),
  });
  const rows = emptyGraphRows();
  builder.add('flows', flow, rows);
  rows.dataAssets = []; // both ends exist already
  await db.write('bench.addFlow', (q) => writeGraphRows(q, map, rows));
  return flow.id;
}
