import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ID_PATTERN, type Problem } from '@tadoru/common';

export const MIN_SCALE = 1_000;
export const MAX_SCALE = 20_000_000;
/** Seeds feed a 32-bit generator: larger ones would repeat smaller ones' maps. */
export const MAX_SEED = 0xffff_ffff;

export interface GenerateOptions {
  /** Nodes the map becomes in Neo4j (elements, provisions, shared uses, consents, data assets). */
  scale: number;
  seed: number;
  /** The map file (JSON). */
  out: string;
  /** The ground-truth file; default: `out` without `.json`, plus `.truth.json`. */
  truthOut?: string;
  /** Default `generated-<scale>-<seed>`. */
  mapName?: string;
  /** Called now and then with the nodes written so far and the nodes planned. */
  onProgress?: (done: number, total: number) => void;
}

/** How each option is called where the user gave it (the CLI's flags), for messages. */
export type OptionNames = Record<'scale' | 'seed' | 'out' | 'truthOut' | 'mapName', string>;

const OWN_NAMES: OptionNames = { scale: 'scale', seed: 'seed', out: 'out', truthOut: 'truthOut', mapName: 'mapName' };

export function defaultTruthFile(out: string): string {
  return `${out.replace(/\.json$/i, '')}.truth.json`;
}

export function defaultMapName(scale: number, seed: number): string {
  return `generated-${scale}-${seed}`;
}

/** Every problem with the options, each naming the option; empty when they are usable. */
export function generateOptionProblems(options: Omit<GenerateOptions, 'onProgress'>, names: OptionNames = OWN_NAMES): Problem[] {
  const problems: Problem[] = [];
  const { scale, seed, out, truthOut, mapName } = options;
  if (!Number.isSafeInteger(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    problems.push({ path: names.scale, message: `must be a whole number of nodes from ${MIN_SCALE.toLocaleString('en')} to ${MAX_SCALE.toLocaleString('en')}, got ${String(scale)}` });
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) problems.push({ path: names.seed, message: `must be a whole number from 0 to ${MAX_SEED}, got ${String(seed)}` });
  const outProblem = writableFileProblem(out, 'the map');
  if (outProblem) problems.push({ path: names.out, message: outProblem });
  // The default ground-truth file sits beside the map: its problems are the map's, already reported.
  const truth = truthOut ?? (outProblem === undefined ? defaultTruthFile(out) : undefined);
  const truthProblem = truth === undefined ? undefined : writableFileProblem(truth, 'the ground truth');
  if (truthProblem) problems.push({ path: truthOut === undefined ? names.out : names.truthOut, message: truthProblem });
  else if (truth !== undefined && outProblem === undefined && resolve(truth) === resolve(out)) {
    problems.push({ path: names.truthOut, message: 'must be another file than the map' });
  }
  if (mapName !== undefined && (typeof mapName !== 'string' || !ID_PATTERN.test(mapName))) {
    problems.push({ path: names.mapName, message: `must be a name of 1-128 characters from A-Z a-z 0-9 . _ : -, got ${JSON.stringify(mapName)}` });
  }
  return problems;
}

function writableFileProblem(path: unknown, what: string): string | undefined {
  if (typeof path !== 'string' || path.trim() === '') return `name the file to write ${what} to`;
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) return `"${path}" is a directory; name a file to write ${what} to`;
    return canWrite(path) ? undefined : `"${path}" cannot be written`;
  }
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `cannot be created: there is no directory "${dir}"`;
  return canWrite(dir) ? undefined : `cannot be created: directory "${dir}" is not writable`;
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
