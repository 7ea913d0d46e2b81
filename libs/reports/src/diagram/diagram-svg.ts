import { DiagramLayout, fmt, FONT, PlacedEdge, PlacedNode, textWidth } from './diagram-layout';

/**
 * Draws a layout as self-contained SVG: no external references, no CSS classes, no markers (arrow
 * heads are plain polygons), so that browsers and svg-to-pdfkit draw it the same way. Red marks
 * what is unlawful; unlawful lines are also thicker so the drawing still reads in greyscale.
 */

/** Japanese-capable fonts first; in PDF every family maps to the embedded Noto Sans JP. */
export const DIAGRAM_FONT_FAMILY = "'Noto Sans JP','Hiragino Sans','Hiragino Kaku Gothic ProN','Yu Gothic',Meiryo,sans-serif";

const COLOURS = {
  line: '#546e7a',
  text: '#1c2529',
  muted: '#455a64',
  box: '#ffffff',
  boxStroke: '#455a64',
  frame: '#f1f4f6',
  frameStroke: '#9aa7b0',
  unlawful: '#c62828',
  unlawfulText: '#a31515',
  unlawfulFill: '#fdecea',
  badge: '#37474f',
} as const;

export function drawDiagram(layout: DiagramLayout, note: string | null): { svg: string; width: number; height: number } {
  const noteHeight = note ? FONT.note + 14 : 0;
  const width = Math.max(layout.width, note ? textWidth(note, FONT.note) + 32 : 0);
  const height = layout.height + noteHeight;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${DIAGRAM_FONT_FAMILY}">`);
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  for (const frame of layout.frames) {
    parts.push(`<rect x="${fmt(frame.x)}" y="${fmt(frame.y)}" width="${fmt(frame.width)}" height="${fmt(frame.height)}" rx="6" ry="6" fill="${COLOURS.frame}" stroke="${COLOURS.frameStroke}" stroke-width="1"/>`);
    parts.push(`<text x="${fmt(frame.x + 8)}" y="${fmt(frame.y + 13)}" font-size="${FONT.group}" font-weight="bold" fill="${COLOURS.muted}">${escapeXml(frame.label)}</text>`);
  }
  for (const edge of layout.edges) parts.push(drawEdgeLine(edge));
  for (const node of layout.nodes) parts.push(drawNode(node));
  for (const edge of layout.edges) parts.push(drawEdgeLabel(edge));
  if (note) parts.push(`<text x="16" y="${fmt(layout.height + FONT.note + 2)}" font-size="${FONT.note}" fill="${COLOURS.muted}">${escapeXml(note)}</text>`);
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}

function drawNode(node: PlacedNode): string {
  const stroke = node.unlawful ? COLOURS.unlawful : COLOURS.boxStroke;
  const badgeWidth = node.country ? textWidth(node.country, FONT.badge, true) + 10 : 0;
  const centreX = node.x + (node.width - badgeWidth) / 2;
  const parts = [
    `<g><title>${escapeXml(node.group ? `${node.fullLabel} (${node.group})` : node.fullLabel)}</title>`,
    `<rect x="${fmt(node.x)}" y="${fmt(node.y)}" width="${fmt(node.width)}" height="${fmt(node.height)}" rx="4" ry="4" fill="${node.unlawful ? COLOURS.unlawfulFill : COLOURS.box}" stroke="${stroke}" stroke-width="${node.unlawful ? 2.4 : 1.2}"/>`,
    ...node.lines.map((line, i) => {
      const baseline = node.y + node.height / 2 + FONT.node * 0.36 + (i - (node.lines.length - 1) / 2) * 15;
      return `<text x="${fmt(centreX)}" y="${fmt(baseline)}" font-size="${FONT.node}" text-anchor="middle"${node.unlawful ? ' font-weight="bold"' : ''} fill="${node.unlawful ? COLOURS.unlawfulText : COLOURS.text}">${escapeXml(line)}</text>`;
    }),
  ];
  if (node.country) {
    const x = node.x + node.width - badgeWidth - 5;
    const y = node.y + (node.height - 14) / 2;
    parts.push(`<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(badgeWidth)}" height="14" rx="3" ry="3" fill="${COLOURS.badge}"/>`);
    parts.push(`<text x="${fmt(x + badgeWidth / 2)}" y="${fmt(y + 10.5)}" font-size="${FONT.badge}" font-weight="bold" text-anchor="middle" fill="#ffffff">${escapeXml(node.country)}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

function drawEdgeLine(edge: PlacedEdge): string {
  const colour = edge.unlawful ? COLOURS.unlawful : COLOURS.line;
  const dash = edge.derivation ? ' stroke-dasharray="5 3"' : '';
  const size = edge.unlawful ? 9 : 7;
  const heads = [arrowHead(edge.tip, edge.direction, size)];
  if (edge.tail) heads.push(arrowHead(edge.tail, { x: -1, y: 0 }, size));
  const polygons = heads.map((points) => `<polygon points="${points}" fill="${colour}"/>`).join('');
  return `<g><title>${escapeXml(edge.fullLabel)}</title><path d="${edge.path}" fill="none" stroke="${colour}" stroke-width="${edge.unlawful ? 2.4 : 1.3}"${dash}/>${polygons}</g>`;
}

/** A triangle pointing along `direction`, its tip at `tip`. */
function arrowHead(tip: { x: number; y: number }, direction: { x: number; y: number }, size: number): string {
  const back = { x: tip.x - direction.x * size, y: tip.y - direction.y * size };
  const side = { x: -direction.y * size * 0.5, y: direction.x * size * 0.5 };
  return `${fmt(tip.x)},${fmt(tip.y)} ${fmt(back.x + side.x)},${fmt(back.y + side.y)} ${fmt(back.x - side.x)},${fmt(back.y - side.y)}`;
}

function drawEdgeLabel(edge: PlacedEdge): string {
  const box = edge.labelBox;
  if (!box) return '';
  const parts = [`<rect x="${fmt(box.x)}" y="${fmt(box.y)}" width="${fmt(box.width)}" height="${fmt(box.height)}" rx="3" ry="3" fill="#ffffff" fill-opacity="0.92"/>`];
  let x = box.x + 4;
  const firstBaseline = box.y + box.height / 2 + FONT.edge * 0.36 - ((edge.lines.length - 1) * 12) / 2;
  if (edge.crossBorder) {
    const badgeWidth = textWidth(edge.crossBorder, FONT.badge, true) + 8;
    const badgeTop = box.y + box.height / 2 - 6;
    parts.push(`<rect x="${fmt(x)}" y="${fmt(badgeTop)}" width="${fmt(badgeWidth)}" height="12" rx="2" ry="2" fill="${COLOURS.badge}"/>`);
    parts.push(`<text x="${fmt(x + badgeWidth / 2)}" y="${fmt(badgeTop + 9)}" font-size="${FONT.badge}" font-weight="bold" text-anchor="middle" fill="#ffffff">${escapeXml(edge.crossBorder)}</text>`);
    x += badgeWidth + 2;
  }
  const weight = edge.unlawful ? ' font-weight="bold"' : '';
  edge.lines.forEach((line, i) => {
    parts.push(`<text x="${fmt(x)}" y="${fmt(firstBaseline + i * 12)}" font-size="${FONT.edge}"${weight} fill="${edge.unlawful ? COLOURS.unlawfulText : COLOURS.muted}">${escapeXml(line)}</text>`);
  });
  return parts.join('');
}

export function escapeXml(text: string): string {
  // Control characters are not allowed in XML at all; they are dropped rather than escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
