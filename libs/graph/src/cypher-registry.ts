import { Injectable } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { cypherDir, projectRoot } from './project-paths';

/** One statement from a `.cypher` file, with the parameters it expects. */
export interface CypherQuery {
  readonly key: string;
  /** The statement as it runs: fragments expanded. */
  readonly text: string;
  readonly params: ReadonlySet<string>;
  /** `// key: value` lines from the file's leading comment block. */
  readonly header: Readonly<Record<string, string>>;
}

/**
 * A named predicate from `cypher/fragments/<name>.cypher`, written once and included by queries and
 * rules as `{{name arg…}}`. Its body is a boolean expression over its arguments (the names of the
 * file's `// args:` header); an inclusion becomes that expression, in parentheses, with each argument
 * name replaced by what the including file passes: a variable (`f`), a property path (`f.validTo`) or
 * a parameter (`$asOf`, `$filter.asOf`).
 */
export interface CypherFragment {
  readonly name: string;
  readonly args: readonly string[];
  /** One line, comments dropped, nested fragments expanded; still written in terms of `args`. */
  readonly body: string;
  /** Where it was read from, for messages. */
  readonly file: string;
}

export type CypherFragments = ReadonlyMap<string, CypherFragment>;

/**
 * Every Cypher statement the service runs lives in a file under `cypher/`; this registry loads them
 * once, so a missing or malformed file fails at start rather than at the first request. Fragments
 * are expanded here, once, from files only: nothing a request carries ever reaches the expansion.
 */
@Injectable()
export class CypherRegistry {
  private readonly byKey: Map<string, CypherQuery>;
  readonly fragments: CypherFragments;

  constructor() {
    this.fragments = loadFragments(join(cypherDir(), 'fragments'));
    this.byKey = loadCypherTree(join(cypherDir(), 'queries'), this.fragments);
    // Rules are Cypher files too, run through the same checked path under the key `rules/<file>`.
    for (const [key, query] of loadCypherTree(join(cypherDir(), 'rules'), this.fragments)) this.byKey.set(`rules/${key}`, { ...query, key: `rules/${key}` });
  }

  get(key: string): CypherQuery {
    const query = this.byKey.get(key);
    if (!query) throw new Error(`unknown Cypher query "${key}" (no cypher/queries/${key}.cypher)`);
    return query;
  }

  keys(prefix = ''): string[] {
    return [...this.byKey.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}

export function loadCypherTree(root: string, fragments: CypherFragments = new Map()): Map<string, CypherQuery> {
  const queries = new Map<string, CypherQuery>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.cypher')) {
        const key = relative(root, path).split(sep).join('/').replace(/\.cypher$/, '');
        queries.set(key, parseCypherFile(key, readFileSync(path, 'utf8'), { fragments, file: displayPath(path) }));
      }
    }
  };
  walk(root);
  return queries;
}

export function parseCypherFile(key: string, source: string, options: { fragments?: CypherFragments; file?: string } = {}): CypherQuery {
  const file = options.file ?? `${key}.cypher`;
  const header = headerOf(source);
  if (source.includes('${')) throw new Error(`${file}: template placeholders are not allowed`);
  // Expanded before anything else looks at the text, so that the parameters are those of the expansion.
  const text = expandFragments(source, options.fragments ?? new Map(), file)
    .trim()
    .replace(/;\s*$/, '');
  return { key, text, params: parametersOf(text), header };
}

/** `// key: value` lines of the leading comment block. */
function headerOf(source: string): Record<string, string> {
  const header: Record<string, string> = {};
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('//')) {
      if (trimmed === '') continue;
      break;
    }
    const m = /^\/\/\s*([A-Za-z][\w.-]*):\s*(.*)$/.exec(trimmed);
    if (m) header[m[1]] = m[2].trim();
  }
  return header;
}

/** `$name` parameters, ignoring comments and string literals. */
export function parametersOf(text: string): Set<string> {
  const code = text
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  const params = new Set<string>();
  for (const m of code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) params.add(m[1]);
  return params;
}

// ---------------------------------------------------------------------------------------------
// Fragments

/** A fragment's name: its file name, lower case words joined by hyphens (`in-force`). */
const FRAGMENT_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** What may be passed: a variable, a property path, or a parameter (itself possibly a path). */
const ARGUMENT = /^\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** An argument name inside a fragment body (no `$`: parameters come in as arguments). */
const ARGUMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words an argument name may not be: they occur in bodies as themselves. */
const KEYWORDS = new Set(
  'all and any as case contains distinct else end ends exists false in is match none not null or return single starts then true when where with xor'.split(' '),
);
const MARKER_HELP = 'a fragment is included as {{name arg…}}, each argument a variable, a property path (x.y) or a $parameter';

/**
 * Reads every `<name>.cypher` under `dir` (none when it does not exist). Each file starts with a
 * comment block that says what the predicate means and names its arguments (`// args: element
 * date`); the body after it is the expression. Every problem stops the load with the file and line.
 */
export function loadFragments(dir: string): Map<string, CypherFragment> {
  const raw = new Map<string, RawFragment>();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!name.endsWith('.cypher') || statSync(path).isDirectory()) continue;
      const fragment = parseFragmentSource(basename(name, '.cypher'), readFileSync(path, 'utf8'), displayPath(path));
      raw.set(fragment.name, fragment);
    }
  }
  return resolveFragments(raw);
}

/** Fragments from sources given by name, as if read from files (for tests). */
export function fragmentsFrom(sources: Readonly<Record<string, string>>): Map<string, CypherFragment> {
  const raw = new Map<string, RawFragment>();
  for (const [name, source] of Object.entries(sources)) raw.set(name, parseFragmentSource(name, source, `fragments/${name}.cypher`));
  return resolveFragments(raw);
}

interface RawFragment {
  name: string;
  args: string[];
  source: string;
  file: string;
}

function parseFragmentSource(name: string, source: string, file: string): RawFragment {
  if (!FRAGMENT_NAME.test(name)) throw new Error(`${file}: a fragment's file name is its name: lower-case words joined by hyphens (e.g. in-force.cypher)`);
  if (source.includes('${')) throw new Error(`${file}: template placeholders are not allowed`);
  const lines = source.split('\n');
  const headerEnd = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('//'));
  const headerLines = (headerEnd < 0 ? lines : lines.slice(0, headerEnd)).map((l) => l.trim()).filter((l) => l !== '');
  const argsLine = headerLines.find((l) => /^\/\/\s*args:/.test(l));
  if (argsLine === undefined) throw new Error(`${file}:1: a fragment's header names its arguments in a line "// args: name…" (empty when it takes none)`);
  if (headerLines.filter((l) => l !== argsLine && l.replace(/^\/\/\s*/, '') !== '').length === 0) {
    throw new Error(`${file}:1: a fragment's header says what the predicate means, in comment lines before its body`);
  }
  const args = argsLine.replace(/^\/\/\s*args:/, '').trim().split(/\s+/).filter(Boolean);
  for (const arg of args) {
    if (!ARGUMENT_NAME.test(arg) || KEYWORDS.has(arg.toLowerCase())) throw new Error(`${file}:${lineOf(source, source.indexOf(argsLine))}: "${arg}" cannot name an argument (a plain identifier that is no Cypher keyword)`);
  }
  if (new Set(args).size !== args.length) throw new Error(`${file}: an argument is named twice in "${argsLine}"`);
  if (headerEnd < 0) throw new Error(`${file}: the fragment has no body after its header`);
  // The body keeps its place in the source, so that a problem in it is reported at its own line.
  const bodyStart = lines.slice(0, headerEnd).reduce((n, l) => n + l.length + 1, 0);
  const body = source.slice(0, bodyStart).replace(/[^\n]/g, ' ') + source.slice(bodyStart);
  for (const segment of segmentsOf(body)) {
    const dollar = segment.code ? body.slice(segment.start, segment.end).indexOf('$') : -1;
    if (dollar >= 0) throw new Error(`${file}:${lineOf(body, segment.start + dollar)}: a fragment takes parameters as arguments, so that every parameter a query uses is named where it includes the fragment; no $ in its body`);
  }
  return { name, args, source: body, file };
}

/** Expands the fragments that include others, in dependency order; a cycle is an error. */
function resolveFragments(raw: ReadonlyMap<string, RawFragment>): Map<string, CypherFragment> {
  const resolved = new Map<string, CypherFragment>();
  const visiting: string[] = [];
  const resolve = (name: string): CypherFragment | undefined => {
    const done = resolved.get(name);
    if (done) return done;
    const fragment = raw.get(name);
    if (!fragment) return undefined;
    if (visiting.includes(name)) throw new Error(`${fragment.file}: fragments include each other in a cycle: ${[...visiting.slice(visiting.indexOf(name)), name].join(' -> ')}`);
    visiting.push(name);
    const body = oneLine(expandMarkers(fragment.source, fragment.file, resolve, [...raw.keys()]));
    visiting.pop();
    if (body === '') throw new Error(`${fragment.file}: the fragment has no body after its header`);
    const used = new Set(identifiersOf(body));
    for (const arg of fragment.args) if (!used.has(arg)) throw new Error(`${fragment.file}: argument "${arg}" is not used in the body`);
    const result: CypherFragment = { name, args: fragment.args, body, file: fragment.file };
    resolved.set(name, result);
    return result;
  };
  for (const name of raw.keys()) resolve(name);
  return resolved;
}

/** Replaces each `{{name arg…}}` outside comments and strings with the fragment's expression. */
export function expandFragments(source: string, fragments: CypherFragments, file: string): string {
  return expandMarkers(source, file, (name) => fragments.get(name), [...fragments.keys()]);
}

function expandMarkers(source: string, file: string, fragmentNamed: (name: string) => CypherFragment | undefined, known: string[]): string {
  let out = '';
  let copied = 0;
  for (const segment of segmentsOf(source)) {
    if (!segment.code) continue;
    for (let at = source.indexOf('{{', segment.start); at >= 0 && at < segment.end; at = source.indexOf('{{', at + 2)) {
      const close = source.indexOf('}}', at + 2);
      const where = `${file}:${lineOf(source, at)}`;
      if (close < 0 || close + 2 > segment.end || source.slice(at + 2, close).includes('\n')) throw new Error(`${where}: "{{" is not closed by "}}" on the same line (${MARKER_HELP})`);
      const [name = '', ...args] = source.slice(at + 2, close).trim().split(/\s+/);
      if (!FRAGMENT_NAME.test(name)) throw new Error(`${where}: "{{${source.slice(at + 2, close)}}}" does not start with a fragment name (${MARKER_HELP})`);
      const fragment = fragmentNamed(name);
      if (!fragment) throw new Error(`${where}: unknown fragment "${name}" (no cypher/fragments/${name}.cypher; there are: ${known.sort().join(', ') || 'none'})`);
      if (args.length !== fragment.args.length) {
        throw new Error(`${where}: fragment "${name}" takes ${fragment.args.length} argument${fragment.args.length === 1 ? '' : 's'} (${fragment.args.join(' ')}), given ${args.length}`);
      }
      for (const arg of args) if (!ARGUMENT.test(arg)) throw new Error(`${where}: malformed argument "${arg}" of fragment "${name}" (${MARKER_HELP})`);
      out += source.slice(copied, at) + `(${substitute(fragment.body, new Map(fragment.args.map((a, i) => [a, args[i]])))})`;
      copied = close + 2;
      at = close;
    }
  }
  return out + source.slice(copied);
}

/** The body with each argument name (outside strings, not a property or label) replaced by its value. */
function substitute(body: string, values: ReadonlyMap<string, string>): string {
  let out = '';
  for (const segment of segmentsOf(body)) {
    const text = body.slice(segment.start, segment.end);
    out += segment.code ? text.replace(IDENTIFIER, (name: string) => values.get(name) ?? name) : text;
  }
  return out;
}

/** A name as a variable: not after `.` (a property), `$` (a parameter) or `:` (a label or type). */
const IDENTIFIER = /(?<![\w.$:])[A-Za-z_]\w*/g;

function identifiersOf(body: string): string[] {
  return segmentsOf(body)
    .filter((s) => s.code)
    .flatMap((s) => body.slice(s.start, s.end).match(IDENTIFIER) ?? []);
}

/** The expression on one line: comments dropped, runs of white space outside strings made one space. */
function oneLine(text: string): string {
  const uncommented = segmentsOf(text)
    .map((s) => (s.comment ? ' ' : text.slice(s.start, s.end)))
    .join('');
  return segmentsOf(uncommented)
    .map((s) => (s.code ? uncommented.slice(s.start, s.end).replace(/\s+/g, ' ') : uncommented.slice(s.start, s.end)))
    .join('')
    .trim();
}

interface Segment {
  start: number;
  end: number;
  code: boolean;
  comment: boolean;
}

/** Splits Cypher text into code, comments (`//…`, `/*…*\/`) and quoted parts (strings, `backticked` names). */
function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  let codeStart = 0;
  let i = 0;
  const other = (end: number, comment: boolean): void => {
    if (i > codeStart) segments.push({ start: codeStart, end: i, code: true, comment: false });
    segments.push({ start: i, end, code: false, comment });
    i = codeStart = end;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      other(eol < 0 ? text.length : eol, true);
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      other(end < 0 ? text.length : end + 2, true);
    } else if (c === '{' && text[i + 1] === '{' && /^[^\n]*?\}\}/.test(text.slice(i + 2, text.indexOf('\n', i) < 0 ? undefined : text.indexOf('\n', i)))) {
      // A fragment marker is code as a whole, even when a (malformed) argument has a quote in it.
      i = text.indexOf('}}', i + 2) + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && c !== '`' ? 2 : 1;
      other(Math.min(j + 1, text.length), false);
    } else i++;
  }
  if (text.length > codeStart) segments.push({ start: codeStart, end: text.length, code: true, comment: false });
  return segments;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') line++;
  return line;
}

function displayPath(path: string): string {
  const fromRoot = relative(projectRoot(), path);
  return fromRoot.startsWith('..') ? path : fromRoot.split(sep).join('/');
}
