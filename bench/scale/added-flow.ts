import { Flow } from '@tadoru/map';
import { AddedFlows, MapStoreService } from '@tadoru/store';

/**
 * Adds, to a stored map, a new flow beside an existing one between two organizations: same systems,
 * categories and purposes, but claimed on consent under no notice, as an integration registered in
 * haste would be. It is written in place, with the findings it can change evaluated again, in one
 * transaction (`MapStoreService.addFlows`).
 */
export function addFlowBeside(maps: MapStoreService, map: string, model: Record<string, unknown>): Promise<AddedFlows> {
  const flow: Flow = {
    id: `bench-added-${String(model.id)}`,
    from: model.from as string,
    to: model.to as string,
    dataCategories: model.dataCategories as string[],
    ...(Array.isArray(model.purposes) && model.purposes.length > 0 ? { purposes: model.purposes as string[] } : {}),
    basis: 'CONSENT',
  };
  return maps.addFlows(map, [flow]);
}
