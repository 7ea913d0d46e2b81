import { ReportBlock } from '../document/report-document';
import { layoutDiagram } from './diagram-layout';
import { drawDiagram } from './diagram-svg';

export type DiagramBlock = Extract<ReportBlock, { type: 'diagram' }>;

/** One box of a path or network drawing: a system, with the organization that operates it. */
export interface DiagramNode {
  id: string;
  /** First line (the system's name). */
  label: string;
  /** Second line (the operator's name), and the box the node is drawn in when grouped. */
  group?: string;
  /** Drawn in red: the node is where an unlawful step arrives. */
  unlawful?: boolean;
  /** Country code when the node is outside the map's home country (drawn as a badge). */
  country?: string;
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** The flow or derivation id and what it carries, e.g. `scores-named: offer-decline-score`. */
  label: string;
  unlawful?: boolean;
  /** Crosses a border: the recipient's country code. */
  crossBorder?: string;
  /** A derivation inside one system (drawn dashed) rather than a flow. */
  derivation?: boolean;
  /** Data also goes the other way between the two (set by `networkDiagram` when it folds a reverse pair): a head at each end. */
  bothWays?: boolean;
}

/** Past this many systems a drawing is no longer readable: the first ones are drawn and the title says so. */
export const MAX_DIAGRAM_NODES = 60;

/**
 * An evidence path left to right (collection → flows and derivations → recipient), the unlawful step
 * in red. `key` names the block in JSON; `alt` is the path in words for readers without the drawing.
 */
export function pathDiagram(key: string, title: string, nodes: DiagramNode[], edges: DiagramEdge[], alt: string): DiagramBlock {
  return networkDiagram(key, title, nodes, edges, alt);
}

/** Several systems and the flows between them, laid out in columns by distance from the sources, grouped by `group`. */
export function networkDiagram(key: string, title: string, nodes: DiagramNode[], edges: DiagramEdge[], alt: string): DiagramBlock {
  const shown = capNodes(nodes, foldReversePairs(edges));
  const note = shown.omitted > 0 ? capNote(title, shown.nodes.length, nodes.length) : null;
  const layout = layoutDiagram(shown.nodes, shown.edges);
  const { svg, width, height } = drawDiagram(layout, note);
  const withNote = (text: string) => (note ? `${text}${note.startsWith('（') ? '' : ' '}${note}` : text);
  return {
    type: 'diagram',
    key,
    title: withNote(title),
    svg,
    width,
    height,
    alt: withNote(alt),
  };
}

function capNodes(nodes: DiagramNode[], edges: DiagramEdge[]): { nodes: DiagramNode[]; edges: DiagramEdge[]; omitted: number } {
  // Duplicate ids would draw one system twice; the first one wins.
  const seen = new Set<string>();
  const unique = nodes.filter((node) => (seen.has(node.id) ? false : (seen.add(node.id), true)));
  const kept = unique.slice(0, MAX_DIAGRAM_NODES);
  const keptIds = new Set(kept.map((node) => node.id));
  return { nodes: kept, edges: edges.filter((edge) => keptIds.has(edge.from) && keptIds.has(edge.to)), omitted: unique.length - kept.length };
}

/**
 * The diagram functions take no language, so the note follows the title's: a title with Japanese
 * characters gets a Japanese note.
 */
function capNote(title: string, shown: number, total: number): string {
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(title) ? `（全${total}システムのうち最初の${shown}件を表示）` : `(first ${shown} of ${total} systems shown)`;
}

/**
 * A flow from A to B and one from B to A become one line with a head at each end: drawn apart, the
 * second would have to run back underneath the whole drawing (a cycle), which reads as a tangle.
 */
function foldReversePairs(edges: DiagramEdge[]): DiagramEdge[] {
  const out: DiagramEdge[] = [];
  const byPair = new Map<string, DiagramEdge>();
  for (const edge of edges) {
    if (edge.derivation || edge.from === edge.to) {
      out.push(edge);
      continue;
    }
    const reverse = byPair.get(`${edge.to}\u0000${edge.from}`);
    if (!reverse) {
      const kept = { ...edge };
      byPair.set(`${edge.from}\u0000${edge.to}`, kept);
      out.push(kept);
      continue;
    }
    reverse.bothWays = true;
    reverse.unlawful = reverse.unlawful || edge.unlawful;
    reverse.crossBorder = reverse.crossBorder ?? edge.crossBorder;
    reverse.label = [reverse.label, edge.label].filter((l) => l).join(' ⇄ ');
  }
  return out;
}
