import { InvalidInputError } from '@tadoru/common';
import { DataMap, Section, SECTIONS } from '@tadoru/map';
import { backgroundDerivations } from './background-derivations';
import { backgroundFlows } from './background-flows';
import { backgroundPeople } from './background-people';
import { backgroundCategories, backgroundGroups, backgroundNotices, backgroundOrganizations, backgroundPurposes, backgroundSubjects, backgroundSystems } from './background-skeleton';
import { GraphSize } from './graph-size';
import { JsonMapWriter } from './json-writer';
import { defaultMapName, defaultTruthFile, GenerateOptions, generateOptionProblems } from './options';
import { ExpectedFinding, plantScenarios, PlantingPlan, RULE_IDS, Scenario, ScenarioElements } from './planted';
import { SAMPLE_SIZE, worldSamples } from './samples';
import { groundTruth, writeGroundTruth } from './truth';
import { planBackground } from './sizing';

type ElementOf<S extends Section> = NonNullable<DataMap[S]>[number];

/** How each section's elements add to the graph. */
const COUNT: { [S in Section]: (size: GraphSize, element: ElementOf<S>) => void } = {
  groups: (s, e) => s.group(e),
  organizations: (s, e) => s.organization(e),
  subjects: (s, e) => s.subject(e),
  dataCategories: (s, e) => s.dataCategory(e),
  purposes: (s, e) => s.purpose(e),
  notices: (s, e) => s.notice(e),
  systems: (s, e) => s.system(e),
  flows: (s, e) => s.flow(e),
  derivations: (s, e) => s.derivation(e),
  people: (s, e) => s.people(e),
};

/** Safety stops, should a plan turn out larger than planned: no more flows, then no more derivations. */
const FLOWS_UNTIL = 0.95;
const DERIVATIONS_UNTIL = 0.98;
/** Relationships per node a map is planned for: the contract is five, the rest is margin. */
const RELATIONSHIPS_PER_NODE = 5.25;
/** Elements between two progress reports. */
const PROGRESS_EVERY = 5_000;

export interface GenerationSummary {
  map: string;
  seed: number;
  scale: number;
  file: string;
  truthFile: string;
  /** Entries per section of the map file. */
  elements: Record<Section, number>;
  /** What the map becomes in Neo4j, exactly. */
  graph: { nodes: number; relationships: number };
  plantedFindings: number;
  bytes: number;
  /** Ids for benchmark queries: hub systems, categories that travel far, people whose data is provided onwards. */
  samples: { categories: string[]; systems: string[]; people: string[] };
}

/**
 * How many scenarios to plant: at least two violations of each rule, and about one per rule for
 * every 20,000 nodes; fewer near-misses and composites in the smallest maps, where the scenarios
 * would otherwise be most of the map.
 */
export function plantingPlan(scale: number): PlantingPlan {
  const perRule = Math.max(2, Math.ceil(scale / 20_000));
  const small = scale < 5_000;
  return { perRule, nearMisses: small ? 3 : RULE_IDS.length * Math.ceil(perRule / 2), composites: small ? 1 : perRule };
}

/**
 * Writes a synthetic data map of about `scale` graph nodes (never fewer, at most a few more), with
 * violations of every rule planted in it, and the findings `tadoru check` must report on it. The
 * same scale and seed give byte-identical files. The map is streamed: memory holds the plan and
 * the planted scenarios, never the document.
 */
export async function generateMap(options: GenerateOptions): Promise<GenerationSummary> {
  const problems = generateOptionProblems(options);
  if (problems.length > 0) throw new InvalidInputError(problems);
  const { scale, seed, out } = options;
  const map = options.mapName ?? defaultMapName(scale, seed);
  const truthFile = options.truthOut ?? defaultTruthFile(out);

  const scenarios = plantScenarios(seed, plantingPlan(scale));
  const planted = mergeScenarios(scenarios);
  const plantedSize = sizeOf(planted);
  const backgroundTarget = scale - plantedSize.nodes;
  const world = planBackground(seed, backgroundTarget, RELATIONSHIPS_PER_NODE * scale - plantedSize.mapRelationships);

  const writer = await JsonMapWriter.open(out);
  const emission = new Emission(writer, scale, options.onProgress);
  try {
    await writer.begin(map);
    await emission.section('groups', backgroundGroups(world), planted.groups);
    await emission.section('organizations', backgroundOrganizations(world), planted.organizations);
    await emission.section('subjects', backgroundSubjects(), []);
    await emission.section('dataCategories', backgroundCategories(world), planted.dataCategories);
    await emission.section('purposes', backgroundPurposes(), []);
    await emission.section('notices', backgroundNotices(world), planted.notices);
    await emission.section('systems', backgroundSystems(world), planted.systems);
    await emission.section('flows', backgroundFlows(world, seed), planted.flows, backgroundTarget * FLOWS_UNTIL);
    await emission.section('derivations', backgroundDerivations(world, seed), planted.derivations, backgroundTarget * DERIVATIONS_UNTIL);
    await emission.section('people', backgroundPeople(world, seed), planted.people, backgroundTarget);
    await writer.end();
  } catch (error) {
    writer.abort();
    throw error;
  }

  const graph = emission.graph;
  const findings: ExpectedFinding[] = scenarios.flatMap((s) => s.findings);
  await writeGroundTruth(truthFile, groundTruth({ map, seed, scale, graph }, findings));
  options.onProgress?.(graph.nodes, scale);
  return {
    map,
    seed,
    scale,
    file: out,
    truthFile,
    elements: emission.elements,
    graph,
    plantedFindings: findings.length,
    bytes: writer.bytes,
    samples: { ...worldSamples(world), people: emission.samplePeople },
  };
}

/** Writes the sections, counting what the graph becomes: the background and the planted scenarios apart. */
class Emission {
  readonly elements = Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
  readonly samplePeople: string[] = [];
  private readonly background = new GraphSize();
  private readonly planted = new GraphSize();
  private sinceProgress = 0;

  constructor(
    private readonly writer: JsonMapWriter,
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  get graph(): { nodes: number; relationships: number } {
    return { nodes: this.background.nodes + this.planted.nodes, relationships: this.background.relationships + this.planted.relationships };
  }

  /** The background's entries (while its nodes stay under `backgroundUntil`), then the planted ones. */
  async section<S extends Section>(section: S, background: Iterator<ElementOf<S>>, planted: ElementOf<S>[], backgroundUntil = Infinity): Promise<void> {
    await this.writer.openSection(section);
    for (let next = background.next(); !next.done && this.background.nodes < backgroundUntil; next = background.next()) {
      await this.write(section, next.value, this.background);
      if (section === 'people' && this.samplePeople.length < SAMPLE_SIZE) this.samplePeople.push((next.value as ElementOf<'people'>).id);
    }
    for (const element of planted) await this.write(section, element, this.planted);
    await this.writer.closeSection();
  }

  private async write<S extends Section>(section: S, element: ElementOf<S>, size: GraphSize): Promise<void> {
    COUNT[section](size, element);
    this.elements[section]++;
    await this.writer.element(element);
    if (++this.sinceProgress >= PROGRESS_EVERY) {
      this.sinceProgress = 0;
      this.onProgress?.(Math.min(this.graph.nodes, this.total), this.total);
    }
  }
}

function mergeScenarios(scenarios: Scenario[]): ScenarioElements {
  const merged: ScenarioElements = { groups: [], organizations: [], dataCategories: [], notices: [], systems: [], flows: [], derivations: [], people: [] };
  for (const s of scenarios) for (const key of Object.keys(merged) as Array<keyof ScenarioElements>) (merged[key] as unknown[]).push(...s.elements[key]);
  return merged;
}

function sizeOf(elements: ScenarioElements): GraphSize {
  const size = new GraphSize();
  for (const section of SECTIONS) {
    const list = (elements as unknown as Partial<Record<Section, unknown[]>>)[section] ?? [];
    for (const element of list) (COUNT[section] as (s: GraphSize, e: unknown) => void)(size, element);
  }
  return size;
}
