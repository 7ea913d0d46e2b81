import { Injectable } from '@nestjs/common';
import { Actor, InvalidInputError, Problem } from '@tadoru/common';
import { MapSession } from '@tadoru/graph';
import {
  applyChangeSet,
  ChangeSet,
  DataMap,
  ElementChange,
  mapFromElements,
  MapRecipient,
  recipientsOfMap,
} from '@tadoru/map';
import { ChangeScopeService, Finding, FindingsService } from '@tadoru/rules';
import { MapDirectoryService } from '@tadoru/catalog';
import { MapStoreService } from './map-store.service';
import { NeedsWholeRewrite, writeNewFlows } from './new-flows';
import { InPlaceChange, MapWriter, WriteEffect } from './map-writer.service';

/** How a change set reaches the stored map. */
export type ChangeStrategy = 'in-place' | 'whole';

export interface ChangeSetOutcome {
  map: string;
  /** The version the change was checked or applied against. */
  baseVersion: number;
  /** The version the apply made; null for a proposal. */
  version: number | null;
  strategy: ChangeStrategy;
  /** Findings before and after (of what was evaluated; for a whole rewrite, the whole map), and the elements. */
  effect: WriteEffect;
  /** Recipients before and after, of the (organization, system, category) pairs the change can alter. */
  recipients: { before: MapRecipient[]; after: MapRecipient[] };
  /** How many targets were evaluated again; null: the whole map. */
  evaluatedTargets: number | null;
}

export interface ChangeSetOptions {
  actor: Actor;
  /** CONFLICT, and nothing written, unless the stored version is this one. */
  expectedVersion?: number;
  /** Check only: do everything, then roll back (a proposal). */
  dryRun: boolean;
}


/**
 * Applies a change set to a stored map, or checks what it would do (a dry run rolled back). A
 * change that only adds flows and retires flows or derivations is written in place, with only
 * what it can affect evaluated again (see `ChangeScopeService`), so it stays fast on a large map;
 * anything else is applied to the map document and written as a new version whole.
 */
@Injectable()
export class ChangeSetWriter {
  constructor(
    private readonly writer: MapWriter,
    private readonly maps: MapStoreService,
    private readonly directory: MapDirectoryService,
    private readonly scopes: ChangeScopeService,
    private readonly findings: FindingsService,
  ) {}

  async apply(name: string, change: ChangeSet, options: ChangeSetOptions): Promise<ChangeSetOutcome> {
    await this.directory.pin(name);
    if (fitsInPlace(change)) {
      try {
        return await this.inPlace(name, change, options);
      } catch (error) {
        if (!(error instanceof NeedsWholeRewrite)) throw error;
      }
    }
    return this.whole(name, change, options);
  }

  private async inPlace(name: string, change: ChangeSet, options: ChangeSetOptions): Promise<ChangeSetOutcome> {
    const flows = change.upsert.flows ?? [];
    let recipients: ChangeSetOutcome['recipients'] = { before: [], after: [] };
    const done = await this.writer.changeInPlace(
      name,
      async (s, state): Promise<InPlaceChange<void>> => {
        const pairs = flows.flatMap((f) => f.dataCategories.map((c) => ({ system: f.to, category: c })));
        const before = await deliveriesInto(s, pairs);
        const elements: ElementChange[] = [];
        let nextSeqs = state.nextSeqs ?? {};
        if (flows.length > 0) {
          nextSeqs = await writeNewFlows(s, flows, nextSeqs, 'upsert.flows');
          elements.push(...flows.map((f): ElementChange => ({ section: 'flows', id: f.id, kind: 'added', before: null, after: f as unknown as Record<string, unknown> })));
        }
        elements.push(...(await retire(s, change)));
        recipients = { before, after: await deliveriesInto(s, pairs) };
        const retiredIds = elements.filter((e) => e.kind === 'retired').map((e) => e.id);
        const scope = flows.length > 0 ? await this.scopes.ofAddedFlows(s, flows.map((f) => f.id)) : { targets: [] as string[] };
        const targets = scope.targets === null ? null : [...new Set([...scope.targets, ...retiredIds])].sort();
        return { counts: { ...state.counts, flows: (state.counts.flows ?? 0) + flows.length }, nextSeqs, scope: targets, result: undefined, elements };
      },
      {
        op: options.dryRun ? 'changes.propose' : 'changes.apply',
        expectedVersion: options.expectedVersion,
        dryRun: options.dryRun,
        history: { kind: 'change', actor: options.actor, description: change.description ?? null, change },
      },
    );
    return {
      map: name,
      baseVersion: done.baseVersion,
      version: options.dryRun ? null : done.map.version,
      strategy: 'in-place',
      effect: done.effect,
      recipients,
      evaluatedTargets: done.evaluatedTargets,
    };
  }

  private async whole(name: string, change: ChangeSet, options: ChangeSetOptions): Promise<ChangeSetOutcome> {
    const pinned = await this.directory.pin(name);
    const base = await this.maps.exportMapObject(name);
    if (options.expectedVersion !== undefined && pinned.version !== options.expectedVersion) this.maps.conflictOnVersion(name, pinned.version, options.expectedVersion);
    const applied = applyChangeSet(base, change);
    if (!applied.result) throw new InvalidInputError(applied.problems);
    const result: DataMap = applied.result;
    const recipients = { before: recipientsOfMap(base), after: recipientsOfMap(result) };
    if (options.dryRun) {
      const before = await this.findings.all(pinned);
      const after = await this.maps.withScratchMap(result, (scratch) => this.findings.all(scratch));
      return { map: name, baseVersion: pinned.version, version: null, strategy: 'whole', effect: { before, after, elements: applied.elements }, recipients, evaluatedTargets: null };
    }
    const written = await this.maps.writeChangedMap(name, result, {
      expectedVersion: pinned.version,
      history: { kind: 'change', actor: options.actor, description: change.description ?? null, change, elements: applied.elements },
    });
    const effect: WriteEffect = written.effect ?? { before: [] as Finding[], after: [] as Finding[], elements: applied.elements };
    return { map: name, baseVersion: written.baseVersion, version: written.map.version, strategy: 'whole', effect, recipients, evaluatedTargets: null };
  }
}

/** In place: only new flows (an id already stored means a replacement, found inside the transaction) and retirements of flows and derivations. */
function fitsInPlace(change: ChangeSet): boolean {
  const upserted = Object.entries(change.upsert).filter(([, entries]) => (entries ?? []).length > 0).map(([section]) => section);
  const removed = Object.values(change.remove).some((ids) => (ids ?? []).length > 0);
  return !removed && upserted.every((s) => s === 'flows') && (change.retire.consents ?? []).length === 0;
}

/** Retires flows and derivations in place; their stored entries before and after, as the history records them. */
async function retire(s: MapSession, change: ChangeSet): Promise<ElementChange[]> {
  const flows = change.retire.flows ?? [];
  const derivations = change.retire.derivations ?? [];
  if (flows.length === 0 && derivations.length === 0) return [];
  const rows = await s.run('changes/retirement-candidates', { flowIds: flows.map((r) => r.id), derivationIds: derivations.map((r) => r.id) });
  const stored = mapFromElements(s.snapshot.name, rows.map((r) => ({ label: r.label as string, props: r.props as Record<string, unknown> })));
  const problems: Problem[] = [];
  const changes: ElementChange[] = [];
  for (const [section, retirements, entries] of [
    ['flows', flows, stored.flows ?? []],
    ['derivations', derivations, stored.derivations ?? []],
  ] as const) {
    retirements.forEach((r, i) => {
      const entry = (entries as Array<{ id: string; validFrom?: string }>).find((e) => e.id === r.id);
      const noun = section === 'flows' ? 'flow' : 'derivation';
      if (!entry) problems.push({ path: `retire.${section}[${i}].id`, message: `the map has no ${noun} "${r.id}"` });
      else if (entry.validFrom && r.on < entry.validFrom) problems.push({ path: `retire.${section}[${i}].on`, message: `${r.on} is before the ${noun} began (validFrom ${entry.validFrom})` });
      else changes.push({ section, id: r.id, kind: 'retired', before: entry as Record<string, unknown>, after: { ...entry, validTo: r.on } });
    });
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  if (flows.length > 0) await s.run('changes/retire-flows', { rows: flows.map((r) => ({ id: r.id, on: r.on })) });
  if (derivations.length > 0) await s.run('changes/retire-derivations', { rows: derivations.map((r) => ({ id: r.id, on: r.on })) });
  return changes;
}

async function deliveriesInto(s: MapSession, pairs: Array<{ system: string; category: string }>): Promise<MapRecipient[]> {
  if (pairs.length === 0) return [];
  const rows = await s.run('changes/deliveries-into-assets', { pairs });
  // One recipient per (organization, system, category), as recipientsOfMap gives them: the first flow, every purpose.
  const byKey = new Map<string, MapRecipient>();
  for (const r of rows) {
    const key = `${r.organization as string}\u0000${r.system as string}\u0000${r.category as string}`;
    const seen = byKey.get(key);
    const purposes = r.purposes as string[];
    if (!seen) byKey.set(key, { organization: r.organization as string, system: r.system as string, category: r.category as string, flow: r.flow as string, purposes: [...purposes].sort(), derived: r.derived === true });
    else {
      if ((r.flow as string) < seen.flow) seen.flow = r.flow as string;
      seen.purposes = [...new Set([...seen.purposes, ...purposes])].sort();
    }
  }
  return [...byKey.values()];
}

