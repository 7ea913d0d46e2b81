import { smallMap } from '../../../../test/fixtures/small-map';
import { assetId, toGraphRows } from './map-graph-rows';

describe('toGraphRows', () => {
  const rows = toGraphRows(smallMap());

  it('derives sender, recipient, cross-organization and the recipient country of each flow', () => {
    const byId = new Map(rows.flows.map((f) => [f.id, f]));
    expect(byId.get('to-model')).toMatchObject({ sender: 'site', recipient: 'site', crossOrganization: false, recipientCountry: 'JP' });
    expect(byId.get('score-out')).toMatchObject({ sender: 'site', recipient: 'employer', crossOrganization: true });
    expect(byId.get('to-backup')).toMatchObject({ recipient: 'vendor', recipientCountry: 'SG' });
  });

  it("places a system in its operator's country unless it names its own", () => {
    const location = new Map(rows.systems.map((s) => [s.id, s.location]));
    expect(location.get('site-web')).toBe('JP');
    expect(location.get('backup')).toBe('SG');
    expect(rows.systems.find((s) => s.id === 'site-web')).not.toHaveProperty('country');
  });

  it('creates a data asset per (system, category) and marks those the system holds', () => {
    const held = new Map(rows.dataAssets.map((a) => [a.id, a.held]));
    expect(held.get(assetId('site-web', 'browsing'))).toBe(true); // collected
    expect(held.get(assetId('model', 'browsing'))).toBe(true); // received
    expect(held.get(assetId('model', 'score'))).toBe(true); // derived
    expect(held.get(assetId('ats', 'score'))).toBe(true);
    expect(rows.dataAssets).toHaveLength(new Set(rows.dataAssets.map((a) => a.id)).size);
  });

  it('links assets by the flows and derivations that move or transform them', () => {
    expect(rows.feeds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'site-web/browsing', to: 'model/browsing', kind: 'FLOW', via: 'to-model', validFrom: null, validTo: null }),
        expect.objectContaining({ from: 'model/browsing', to: 'model/score', kind: 'DERIVATION', via: 'decline-model', validFrom: '2019-03-01', validTo: null }),
        expect.objectContaining({ from: 'model/score', to: 'ats/score', kind: 'FLOW', via: 'score-out', validFrom: '2019-03-01', validTo: '2019-07-31' }),
      ]),
    );
    // Ties in a walk break by the step's place in the map, then the category's place in its list.
    const toModel = rows.feeds.filter((f) => f.via === 'to-model');
    expect(toModel.map((f) => f.order)).toEqual([0, 1]);
    expect(new Set(toModel.map((f) => f.viaSeq)).size).toBe(1);
    // one step per category carried, one per input-output pair
    expect(rows.feeds.filter((f) => f.via === 'decline-model')).toHaveLength(2);
    expect(rows.feeds.filter((f) => f.via === 'to-model')).toHaveLength(2);
  });

  it('gives nested entries stable ids and keeps no nulls', () => {
    expect(rows.provisions.map((p) => p.id)).toEqual(['policy#provision-0']);
    expect(rows.sharedUses.map((p) => p.id)).toEqual(['policy#shared-use']);
    expect(rows.consents.map((c) => c.id)).toEqual(['cohort-a#consent-0', 'cohort-b#consent-0']);
    expect(rows.flows.find((f) => f.id === 'score-out')).not.toHaveProperty('recipientCanIdentify');
    expect(rows.people.map((p) => p.headcount)).toEqual([100, 7]);
  });
});
