import { Lang } from '@tadoru/common';
import { DataCategoryRow, OrganizationRow, SystemRow } from '@tadoru/catalog';
import { Finding, PathStep } from '@tadoru/rules';
import { DiagramBlock, DiagramEdge, DiagramNode, pathDiagram } from '../diagram/diagrams';

/** The names a drawing and its words need, read once per page of findings. */
export interface ElementNames {
  systems: Map<string, SystemRow>;
  organizations: Map<string, OrganizationRow>;
  categories: Map<string, DataCategoryRow>;
}

/** Every id a page of findings' paths name: look them up in one go. */
export function idsOnPaths(findings: readonly Finding[]): { systems: string[]; categories: string[] } {
  const systems = new Set<string>();
  const categories = new Set<string>();
  for (const f of findings) {
    for (const s of f.path) systems.add(s);
    for (const step of f.pathSteps) {
      systems.add(step.fromSystem);
      systems.add(step.toSystem);
      if (step.fromCategory) categories.add(step.fromCategory);
      if (step.toCategory) categories.add(step.toCategory);
    }
  }
  return { systems: [...systems], categories: [...categories] };
}

export function organizationName(org: OrganizationRow | undefined, id: string, lang: Lang): string {
  if (!org) return id;
  return lang === 'ja' && org.nameJa ? org.nameJa : org.name;
}

export function systemName(names: ElementNames, id: string): string {
  return names.systems.get(id)?.name ?? id;
}

export function operatorName(names: ElementNames, systemId: string, lang: Lang): string {
  const operator = names.systems.get(systemId)?.operator;
  return operator ? organizationName(names.organizations.get(operator), operator, lang) : '';
}

function categoryName(names: ElementNames, id: string | null): string {
  return id ? (names.categories.get(id)?.name ?? id) : '';
}

/** The step that breaks the rule: the target's own flow or derivation, or the collection a collection finding is about. */
function isUnlawful(f: Finding, step: PathStep, index: number, steps: readonly PathStep[]): boolean {
  if (f.target.kind === 'collection') return step.kind === 'COLLECTION';
  if (step.via === f.target.id && step.kind !== 'COLLECTION') return true;
  // A path whose steps do not name the target (an older record) still ends at it.
  return !steps.some((s) => s.via === f.target.id) && index === steps.length - 1;
}

/**
 * A finding's evidence path as a drawing: the systems from where the data was collected to where
 * the unlawful step delivers it, each with its operator, the unlawful step and its arrival in red.
 */
export function evidenceDiagram(key: string, title: string, f: Finding, names: ElementNames, lang: Lang): DiagramBlock | null {
  const systems = f.path.length > 0 ? [...f.path] : [...new Set(f.pathSteps.flatMap((s) => [s.fromSystem, s.toSystem]))];
  if (systems.length === 0) return null;
  const edges: DiagramEdge[] = [];
  const unlawfulAt = new Set<string>();
  f.pathSteps.forEach((step, i) => {
    const unlawful = isUnlawful(f, step, i, f.pathSteps);
    if (unlawful) unlawfulAt.add(step.toSystem);
    if (!systems.includes(step.fromSystem)) systems.push(step.fromSystem);
    if (!systems.includes(step.toSystem)) systems.push(step.toSystem);
    if (step.kind === 'COLLECTION') return;
    const carried = step.kind === 'DERIVATION' ? `${categoryName(names, step.fromCategory)} → ${categoryName(names, step.toCategory)}` : categoryName(names, step.toCategory);
    const recipientCountry = names.systems.get(step.toSystem)?.country;
    const senderCountry = names.systems.get(step.fromSystem)?.country;
    edges.push({
      from: step.fromSystem,
      to: step.toSystem,
      label: `${step.via}: ${carried}`,
      unlawful,
      derivation: step.kind === 'DERIVATION',
      crossBorder: step.kind === 'FLOW' && recipientCountry && senderCountry && recipientCountry !== senderCountry ? recipientCountry : undefined,
    });
  });
  if (f.pathSteps.length === 0) unlawfulAt.add(systems[systems.length - 1]);
  const nodes: DiagramNode[] = systems.map((id) => {
    const country = names.systems.get(id)?.country;
    return { id, label: systemName(names, id), group: operatorName(names, id, lang), unlawful: unlawfulAt.has(id), country: country && country !== 'JP' ? country : undefined };
  });
  return pathDiagram(key, title, nodes, edges, evidenceInWords(f, names, lang));
}

/** The evidence path in words, for readers without the drawing and for the text formats. */
export function evidenceInWords(f: Finding, names: ElementNames, lang: Lang): string {
  const at = (system: string) => (lang === 'ja' ? `${systemName(names, system)}（${operatorName(names, system, lang)}）` : `${systemName(names, system)} (${operatorName(names, system, lang)})`);
  const words = f.pathSteps.map((step, i) => {
    const mark = isUnlawful(f, step, i, f.pathSteps) ? (lang === 'ja' ? '［違法な段階］' : ' [the unlawful step]') : '';
    if (step.kind === 'COLLECTION') {
      return lang === 'ja' ? `${at(step.toSystem)}で${categoryName(names, step.toCategory)}を取得${mark}` : `collected at ${at(step.toSystem)}: ${categoryName(names, step.toCategory)}${mark}`;
    }
    if (step.kind === 'DERIVATION') {
      return lang === 'ja'
        ? `${at(step.toSystem)}の加工 ${step.via} により${categoryName(names, step.fromCategory)}から${categoryName(names, step.toCategory)}を生成${mark}`
        : `turned from ${categoryName(names, step.fromCategory)} into ${categoryName(names, step.toCategory)} by derivation ${step.via} at ${at(step.toSystem)}${mark}`;
    }
    return lang === 'ja'
      ? `フロー ${step.via} により${at(step.fromSystem)}から${at(step.toSystem)}へ${categoryName(names, step.toCategory)}を移転${mark}`
      : `sent by flow ${step.via} from ${at(step.fromSystem)} to ${at(step.toSystem)}: ${categoryName(names, step.toCategory)}${mark}`;
  });
  if (words.length === 0) return f.path.map(at).join(lang === 'ja' ? ' → ' : ' → ');
  return lang === 'ja' ? `${words.join('。次に、')}。` : `${capitalise(words.join('; then '))}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
