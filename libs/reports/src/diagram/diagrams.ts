import { ReportBlock } from '../document/report-document';

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
}

/**
 * An evidence path left to right (collection → flows and derivations → recipient), the unlawful step
 * in red. `key` names the block in JSON; `alt` is the path in words for readers without the drawing.
 */
export function pathDiagram(key: string, title: string, nodes: DiagramNode[], edges: DiagramEdge[], alt: string): DiagramBlock {
  return networkDiagram(key, title, nodes, edges, alt);
}

/** Several systems and the flows between them, laid out in columns by distance from the sources, grouped by `group`. */
export function networkDiagram(key: string, title: string, nodes: DiagramNode[], edges: DiagramEdge[], alt: string): DiagramBlock {
  // Placeholder drawing: one row of boxes; the layered layout replaces it.
  const width = Math.max(200, nodes.length * 180);
  const height = 80;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const boxes = nodes.map((n, i) => `<rect x="${i * 180 + 10}" y="10" width="160" height="50" fill="${n.unlawful ? '#fde2e2' : '#eef'}" stroke="#333"/><text x="${i * 180 + 20}" y="40" font-size="12">${esc(n.label)}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${boxes}</svg>`;
  void edges;
  return { type: 'diagram', key, title, svg, width, height, alt };
}
