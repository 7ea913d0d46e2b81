import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CypherRegistry, fragmentsFrom, loadCypherTree, loadFragments, parametersOf, parseCypherFile } from './cypher-registry';
import { loadMigrations, splitStatements } from './migration-runner';
import { cypherDir, projectRoot } from './project-paths';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('Cypher files', () => {
  const queries = loadCypherTree(join(cypherDir(), 'queries'), loadFragments(join(cypherDir(), 'fragments')));

  it('load, and never contain template placeholders', () => {
    expect(queries.size).toBeGreaterThan(40);
    for (const q of queries.values()) expect(q.text).not.toContain('${');
  });

  it('are each used by the code, and every key the code names exists', () => {
    const code = ['apps', 'libs', 'test'].flatMap((d) => sourceFiles(join(projectRoot(), d))).map((f) => readFileSync(f, 'utf8')).join('\n');
    const folders = readdirSync(join(cypherDir(), 'queries')).join('|');
    const named = new Set([...code.matchAll(new RegExp(`'((?:${folders})/[a-z0-9/-]+)'`, 'g'))].map((m) => m[1]));
    const prefixes = [...code.matchAll(/`(catalog\/relations)\/\$\{/g)].map((m) => m[1]);
    for (const key of queries.keys()) {
      const used = named.has(key) || prefixes.some((p) => key.startsWith(`${p}/`));
      if (!used) throw new Error(`cypher/queries/${key}.cypher is not used by any code`);
    }
    for (const key of named) if (!queries.has(key)) throw new Error(`code names ${key} but there is no such Cypher file`);
  });

  it('find parameters outside comments and strings', () => {
    expect([...parametersOf("MATCH (n {id: $id}) // $ignored\nRETURN '$notParam', $limit")].sort()).toEqual(['id', 'limit']);
    expect(parseCypherFile('k', '// id: X-1\n// severity: high\n// message.en.b: a {x}\nRETURN 1;').header).toEqual({ id: 'X-1', severity: 'high', 'message.en.b': 'a {x}' });
  });
});

describe('Cypher fragments', () => {
  const inForce = '// in-force element date: element existed on date.\n// args: element date\ndate IS NULL OR ((element.validFrom IS NULL OR element.validFrom <= date) AND (element.validTo IS NULL OR element.validTo >= date))\n';
  const fragments = fragmentsFrom({
    'in-force': inForce,
    // Nested, multi-line, with a comment, a string that looks like an argument, and a label.
    'flow-filter': "// flow-filter n filter: the flow matches the filter.\n// args: n filter\n(filter.basis IS NULL OR n.basis = filter.basis)\n  // in force as asked\n  AND {{in-force n filter.asOf}} AND n:Flow AND n.note <> 'filter n'\n",
    nothing: '// nothing: always true, to show a fragment may take no argument.\n// args:\ntrue\n',
  });
  const parse = (source: string) => parseCypherFile('q', source, { fragments, file: 'cypher/queries/q.cypher' });
  const fails = (source: string) => () => parse(source);

  it('expand in parentheses, with variables, property paths and parameters for the arguments', () => {
    const q = parse('// a query\nMATCH (f:Flow {map: $map})\nWHERE f.crossOrganization AND {{in-force f $asOf}}\nRETURN f;\n');
    expect(q.text).toBe(
      '// a query\nMATCH (f:Flow {map: $map})\nWHERE f.crossOrganization AND ($asOf IS NULL OR ((f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR f.validTo >= $asOf)))\nRETURN f',
    );
    expect(parse('RETURN {{in-force r.edge $filter.asOf}} AS x').text).toBe(
      'RETURN ($filter.asOf IS NULL OR ((r.edge.validFrom IS NULL OR r.edge.validFrom <= $filter.asOf) AND (r.edge.validTo IS NULL OR r.edge.validTo >= $filter.asOf))) AS x',
    );
    expect(parse('RETURN {{nothing}} AS x').text).toBe('RETURN (true) AS x');
  });

  it('expand fragments included by fragments, on one line, leaving strings, labels and properties alone', () => {
    expect(fragments.get('flow-filter')?.body).toBe(
      "(filter.basis IS NULL OR n.basis = filter.basis) AND (filter.asOf IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= filter.asOf) AND (n.validTo IS NULL OR n.validTo >= filter.asOf))) AND n:Flow AND n.note <> 'filter n'",
    );
    expect(parse('MATCH (x) WHERE {{flow-filter x $filter}} RETURN x').text).toBe(
      "MATCH (x) WHERE (($filter.basis IS NULL OR x.basis = $filter.basis) AND ($filter.asOf IS NULL OR ((x.validFrom IS NULL OR x.validFrom <= $filter.asOf) AND (x.validTo IS NULL OR x.validTo >= $filter.asOf))) AND x:Flow AND x.note <> 'filter n') RETURN x",
    );
  });

  it('give the parameters of the expanded text', () => {
    expect([...parse('MATCH (f {map: $map}) WHERE {{in-force f $asOf}} RETURN f').params].sort()).toEqual(['asOf', 'map']);
    expect([...parse('MATCH (n) WHERE {{flow-filter n $filter}} RETURN n').params]).toEqual(['filter']);
  });

  it('are not expanded in comments and strings', () => {
    const source = "// {{in-force f $asOf}} is how the as-of check is written\nRETURN '{{in-force f $asOf}}' AS text, \"{{x\" AS y";
    expect(parse(source).text).toBe(source);
    expect(parse(source).params.size).toBe(0);
  });

  it('stop the load, naming the file and line, on an unknown fragment, a wrong count or a malformed argument', () => {
    expect(fails('MATCH (f)\nWHERE {{in-forc f $asOf}}')).toThrow('cypher/queries/q.cypher:2: unknown fragment "in-forc" (no cypher/fragments/in-forc.cypher; there are: flow-filter, in-force, nothing)');
    expect(fails('MATCH (f)\n\nWHERE {{in-force f}}')).toThrow('cypher/queries/q.cypher:3: fragment "in-force" takes 2 arguments (element date), given 1');
    expect(fails('WHERE {{in-force f $asOf x}}')).toThrow('cypher/queries/q.cypher:1: fragment "in-force" takes 2 arguments');
    for (const bad of ["'x'", 'f.validTo)', '$', 'f.', '1', 'f-g', 'toLower(x)', '$a.$b']) {
      expect(fails(`RETURN 1\nWHERE {{in-force ${bad} $asOf}}`)).toThrow(`cypher/queries/q.cypher:2: malformed argument "${bad}" of fragment "in-force"`);
    }
    expect(fails('WHERE {{in-force f $asOf')).toThrow('cypher/queries/q.cypher:1: "{{" is not closed by "}}" on the same line');
    expect(fails('WHERE {{in-force f\n $asOf}}')).toThrow('cypher/queries/q.cypher:1: "{{" is not closed');
    expect(fails('WHERE {{ }}')).toThrow('cypher/queries/q.cypher:1: "{{ }}" does not start with a fragment name');
    expect(fails('WHERE {{In-Force f $asOf}}')).toThrow('does not start with a fragment name');
  });

  it('must say what they mean and take what they use, or the load stops naming the file and line', () => {
    const one = (source: string, name = 'bad') => () => fragmentsFrom({ [name]: source });
    expect(one('// args: x\nx IS NULL')).toThrow('fragments/bad.cypher:1: a fragment\'s header says what the predicate means');
    expect(one('// bad: something\nx IS NULL')).toThrow('fragments/bad.cypher:1: a fragment\'s header names its arguments');
    expect(one('// bad x: x is null\n// args: x\n\nx IS NULL AND $asOf IS NULL')).toThrow('fragments/bad.cypher:4: a fragment takes parameters as arguments');
    expect(one('// bad x y: x is null\n// args: x y\nx IS NULL')).toThrow('fragments/bad.cypher: argument "y" is not used in the body');
    expect(one('// bad null: never\n// args: null\nnull IS NULL')).toThrow('"null" cannot name an argument');
    expect(one('// bad x: x\n// args: x x\nx')).toThrow('an argument is named twice');
    expect(one('// bad x: nothing yet\n// args: x\n')).toThrow('fragments/bad.cypher: the fragment has no body after its header');
    expect(one('// x\n// args:\ntrue', 'Bad_Name')).toThrow("a fragment's file name is its name");
    expect(one('// bad x: x\n// args: x\n\n{{nope x}}')).toThrow('fragments/bad.cypher:4: unknown fragment "nope"');
    expect(() => fragmentsFrom({ a: '// a x\n// args: x\n{{b x}}', b: '// b x\n// args: x\n{{a x}}' })).toThrow('fragments include each other in a cycle: a -> b -> a');
  });

  it('of the project are each used, and the shared predicates are written only there', () => {
    const registry = new CypherRegistry();
    expect(registry.fragments.size).toBeGreaterThan(0);
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? sources(path) : path.endsWith('.cypher') ? [readFileSync(path, 'utf8')] : [];
      });
    const callers = [...sources(join(cypherDir(), 'queries')), ...sources(join(cypherDir(), 'rules'))];
    const coversStep = readFileSync(join(cypherDir(), 'queries', 'map', 'import', '18-create-covers.cypher'), 'utf8');
    const fragmentSources = sources(join(cypherDir(), 'fragments'));
    for (const name of registry.fragments.keys()) {
      if (![...callers, ...fragmentSources].some((s) => s.includes(`{{${name} `) || s.includes(`{{${name}}}`))) throw new Error(`cypher/fragments/${name}.cypher is not used`);
    }
    // The validity interval: one definition, in cypher/fragments/in-force.cypher.
    for (const source of callers) expect(source).not.toMatch(/validFrom IS NULL OR \S+\.validFrom <=/);
    // "A provision covers a flow": one definition, the import step that writes the COVERS edges.
    expect(coversStep).toMatch(/\.recipientRoles/);
    for (const source of callers.filter((s) => s !== coversStep)) expect(source).not.toMatch(/\.recipientRoles/);
  });
});

describe('migrations', () => {
  it('are named V<nnnn>__<snake>.cypher with contiguous versions', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(m.statements.length).toBeGreaterThan(0);
  });

  it('split on semicolons at line ends and drop comment lines', () => {
    expect(splitStatements('// c\nCREATE A;\nCREATE\n  B;\n')).toEqual(['CREATE A', 'CREATE\n  B']);
  });

  it('live under cypher/migrations only', () => {
    expect(relative(projectRoot(), cypherDir())).toBe('cypher');
  });
});
