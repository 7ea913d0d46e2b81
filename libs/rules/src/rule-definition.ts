import { CypherQuery } from '@tadoru/graph';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const TARGET_KINDS = ['flow', 'derivation', 'collection', 'notice', 'organization'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface Bilingual {
  en: string;
  ja: string;
}

/** A rule as its file declares it: the header is the metadata, the body the query. */
export interface RuleDefinition {
  id: string;
  /** Registry key of the file (`rules/<file>`). */
  key: string;
  severity: Severity;
  /** What the rule judges; a rule over several kinds (APPI-21-1) says per row which (`targetKind`). */
  targets: TargetKind[];
  title: string;
  citation: string;
  /** The catalogue's condition, in words: when the rule fires. */
  condition: string;
  /** Why the law forbids it. */
  explanation: Bilingual;
  /** Finding message templates: `''` is the default, other keys match a row's `reason`. */
  messages: Record<string, Bilingual>;
}

/** The parameters every rule query takes, and nothing else. */
export const RULE_PARAMETERS = ['map', 'asOf', 'targets'] as const;

/** Reads and checks a rule file's header; a malformed rule stops the service at start, not at a request. */
export function parseRuleDefinition(query: CypherQuery): RuleDefinition {
  const h = query.header;
  const where = `cypher/${query.key}.cypher`;
  const required = (name: string): string => {
    const value = h[name];
    if (!value) throw new Error(`${where}: header "// ${name}: …" is missing`);
    return value;
  };
  const severity = required('severity') as Severity;
  if (!SEVERITIES.includes(severity)) throw new Error(`${where}: severity must be one of ${SEVERITIES.join(', ')}`);
  const targets = required('target')
    .split(',')
    .map((t) => t.trim()) as TargetKind[];
  for (const target of targets) if (!TARGET_KINDS.includes(target)) throw new Error(`${where}: target must be one or more of ${TARGET_KINDS.join(', ')}`);
  const params = [...query.params].sort();
  if (params.join() !== [...RULE_PARAMETERS].sort().join()) {
    throw new Error(`${where}: a rule takes exactly the parameters $${RULE_PARAMETERS.join(', $')} (found ${params.map((p) => `$${p}`).join(', ') || 'none'})`);
  }
  const messages: Record<string, Bilingual> = { '': { en: required('message.en'), ja: required('message.ja') } };
  for (const key of Object.keys(h)) {
    const m = /^message\.en\.([\w-]+)$/.exec(key);
    if (m) messages[m[1]] = { en: h[key], ja: required(`message.ja.${m[1]}`) };
  }
  return {
    id: required('id'),
    key: query.key,
    severity,
    targets,
    title: required('title'),
    citation: required('citation'),
    condition: required('condition'),
    explanation: { en: required('explanation.en'), ja: required('explanation.ja') },
    messages,
  };
}
