import type { DiagramEdge, DiagramNode } from './diagrams';

/**
 * A layered (Sugiyama-style) layout, simple and deterministic: the same nodes and edges in the same
 * order always give the same coordinates, so a report rendered twice is the same file.
 *
 * 1. cycles are broken by a depth-first search in input order (the edges it finds going back are
 *    drawn as back edges underneath);
 * 2. each node's column is its longest distance from a source;
 * 3. an edge spanning several columns gets a waypoint in every column it crosses, so it runs
 *    between boxes instead of under them;
 * 4. each column is ordered by the mean position of its neighbours (a few sweeps), keeping the
 *    systems of one organization together so their frame is one box;
 * 5. columns are as wide as their widest label and the gaps as wide as the widest edge label.
 */

export const FONT = { node: 12, group: 11, edge: 10, badge: 9, note: 11 } as const;
/** Labels longer than this are cut with an ellipsis (the full text is in the block's `alt`). */
export const MAX_LABEL_CHARS = 28;

const MARGIN = 16;
const NODE_HEIGHT = 36;
const NODE_LINE = 15;
const EDGE_LINE = 12;
/** Widest line of a box's or an edge's label before it wraps. */
const NODE_TEXT_WIDTH = 176;
const EDGE_TEXT_WIDTH = 132;
const NODE_GAP = 12;
const FRAME_PAD = 8;
const FRAME_HEADER = 18;
const FRAME_GAP = 14;
const WAYPOINT_HEIGHT = 14;
/** Height of a derivation's loop above its box (its label goes above that). */
const SELF_LOOP_HEIGHT = 18;
const BACK_EDGE_STEP = 16;

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode extends Rect {
  id: string;
  /** The label cut to fit (at most two lines). */
  lines: string[];
  fullLabel: string;
  group?: string;
  unlawful: boolean;
  country?: string;
}

export interface PlacedFrame extends Rect {
  label: string;
  fullLabel: string;
}

export interface PlacedEdge {
  /** The label cut to fit (at most two lines). */
  lines: string[];
  fullLabel: string;
  unlawful: boolean;
  derivation: boolean;
  crossBorder?: string;
  /** SVG path data of the line (cubic curves). */
  path: string;
  /** Where the arrow ends and the direction it points to (unit vector). */
  tip: Point;
  direction: Point;
  /** For a line drawn both ways: where the second head ends, at the source (it points back, left). */
  tail?: Point;
  /** Where the label's box is drawn (its width includes the cross-border badge). */
  labelBox: Rect | null;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  frames: PlacedFrame[];
  edges: PlacedEdge[];
}

/** Slot in a column: a system's box, or the waypoint of a long edge crossing the column. */
interface Slot {
  id: string;
  column: number;
  order: number;
  node?: DiagramNode;
  index: number;
  width: number;
  height: number;
  /** Space kept above the box for a derivation drawn as a loop. */
  topSpace: number;
  x: number;
  y: number;
}

export function layoutDiagram(nodes: DiagramNode[], edges: DiagramEdge[]): DiagramLayout {
  if (nodes.length === 0) return { width: 240, height: 60, nodes: [], frames: [], edges: [] };
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const { forward, back, self } = classifyEdges(nodes, edges, index);
  const columns = longestPathColumns(nodes, forward, index);

  // Slots: one per node, plus a waypoint per crossed column of every long forward edge.
  const slots: Slot[] = nodes.map((node, i) => ({
    id: node.id,
    column: columns[i],
    order: i,
    node,
    index: i,
    width: Math.max(120, linesWidth(nodeLines(node), FONT.node, node.unlawful) + (node.country ? 48 : 26), node.group ? textWidth(truncate(node.group), FONT.group, true) + 2 * FRAME_PAD : 0),
    height: NODE_HEIGHT + (nodeLines(node).length - 1) * NODE_LINE,
    topSpace: selfLoopSpace(self.filter((edge) => edge.from === node.id)),
    x: 0,
    y: 0,
  }));
  const slotById = new Map(slots.map((slot) => [slot.id, slot]));
  const chains: Slot[][] = forward.map((edge, e) => {
    const from = slotById.get(edge.from)!;
    const to = slotById.get(edge.to)!;
    const chain = [from];
    for (let column = from.column + 1; column < to.column; column++) {
      const waypoint: Slot = { id: `~${e}~${column}`, column, order: nodes.length + e, index: nodes.length + e, width: 0, height: WAYPOINT_HEIGHT, topSpace: 0, x: 0, y: 0 };
      slots.push(waypoint);
      chain.push(waypoint);
    }
    chain.push(to);
    return chain;
  });

  const columnCount = Math.max(...columns) + 1;
  const byColumn: Slot[][] = Array.from({ length: columnCount }, () => []);
  for (const slot of slots) byColumn[slot.column].push(slot);
  orderColumns(byColumn, chains);

  // Horizontal: column widths from their boxes, gaps from the labels of the edges leaving them.
  const columnWidths = byColumn.map((column) => Math.max(24, ...column.map((slot) => slot.width)));
  const gaps = Array.from({ length: columnCount }, () => 90);
  forward.forEach((edge) => {
    const column = slotById.get(edge.from)!.column;
    gaps[column] = Math.max(gaps[column], Math.min(340, edgeLabelWidth(edge) + 36));
  });
  // Boxes take their column's width, so a label wraps at that width rather than at the default.
  for (const slot of slots) {
    if (!slot.node) continue;
    const node = slot.node;
    const lines = nodeLines(node, columnWidths[slot.column] - (node.country ? 48 : 26));
    slot.height = NODE_HEIGHT + (lines.length - 1) * NODE_LINE;
  }
  const columnX: number[] = [];
  let x = MARGIN;
  for (let c = 0; c < columnCount; c++) {
    columnX.push(x);
    x += columnWidths[c] + (c < columnCount - 1 ? gaps[c] : 0);
  }
  const width = x + MARGIN;

  // Vertical: stack each column (frames around runs of one organization), then centre the columns.
  const frames: PlacedFrame[] = [];
  const columnHeights = byColumn.map((column) => stackColumn(column, null));
  const contentHeight = Math.max(...columnHeights);
  byColumn.forEach((column, c) => {
    for (const slot of column) slot.x = columnX[c] + (columnWidths[c] - (slot.node ? columnWidths[c] : 0)) / 2;
    for (const slot of column) if (slot.node) slot.width = columnWidths[c];
    stackColumn(column, { top: MARGIN + (contentHeight - columnHeights[c]) / 2, frames });
  });
  let bottom = MARGIN + contentHeight;

  const placedEdges: PlacedEdge[] = [];
  const labelBoxes: Rect[] = [];
  const boxes = slots.filter((slot) => slot.node);
  const ports = portPositions(forward, slotById);
  forward.forEach((edge, e) => placedEdges.push(routeForward(edge, chains[e], ports, e, labelBoxes, boxes)));
  back.forEach((edge, b) => {
    const placed = routeBack(edge, slotById, bottom + BACK_EDGE_STEP * (b + 1), labelBoxes);
    placedEdges.push(placed);
  });
  if (back.length > 0) bottom += BACK_EDGE_STEP * back.length + FONT.edge + 12;
  const loopLabelsSoFar = new Map<string, number>();
  for (const edge of self) {
    const stacked = loopLabelsSoFar.get(edge.from) ?? 0;
    placedEdges.push(routeSelf(edge, slotById.get(edge.from)!, stacked, labelBoxes));
    loopLabelsSoFar.set(edge.from, stacked + edgeLabelHeight(edge) + 2);
  }

  const placedNodes: PlacedNode[] = boxes.map((slot) => ({
    id: slot.id,
    lines: nodeLines(slot.node!, slot.width - (slot.node!.country ? 48 : 26)),
    fullLabel: slot.node!.label,
    group: slot.node!.group,
    unlawful: slot.node!.unlawful === true,
    country: slot.node!.country,
    x: slot.x,
    y: slot.y,
    width: slot.width,
    height: slot.height,
  }));
  const labelBottom = Math.max(0, ...labelBoxes.map((box) => box.y + box.height));
  const labelTop = Math.min(MARGIN, ...labelBoxes.map((box) => box.y));
  const height = Math.max(bottom, labelBottom) + MARGIN;
  const layout: DiagramLayout = { width: Math.ceil(width), height: Math.ceil(height), nodes: placedNodes, frames, edges: placedEdges };
  // A loop label above the topmost box can reach above the margin: shift everything down.
  return labelTop < MARGIN ? shiftDown(layout, MARGIN - labelTop) : layout;
}

function classifyEdges(nodes: DiagramNode[], edges: DiagramEdge[], index: Map<string, number>) {
  const outgoing = nodes.map(() => [] as number[]);
  edges.forEach((edge, e) => {
    if (edge.from !== edge.to && index.has(edge.from) && index.has(edge.to)) outgoing[index.get(edge.from)!].push(e);
  });
  const state = nodes.map(() => 0); // 0 unseen, 1 on the stack, 2 done
  const backEdges = new Set<number>();
  // Iterative DFS so a long path cannot overflow the stack.
  for (let root = 0; root < nodes.length; root++) {
    if (state[root] !== 0) continue;
    const stack: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next >= outgoing[top.node].length) {
        state[top.node] = 2;
        stack.pop();
        continue;
      }
      const e = outgoing[top.node][top.next++];
      const target = index.get(edges[e].to)!;
      if (state[target] === 1) backEdges.add(e);
      else if (state[target] === 0) {
        state[target] = 1;
        stack.push({ node: target, next: 0 });
      }
    }
  }
  const forward: DiagramEdge[] = [];
  const back: DiagramEdge[] = [];
  const self: DiagramEdge[] = [];
  edges.forEach((edge, e) => {
    if (!index.has(edge.from) || !index.has(edge.to)) return;
    if (edge.from === edge.to) self.push(edge);
    else if (backEdges.has(e)) back.push(edge);
    else forward.push(edge);
  });
  return { forward, back, self };
}

function longestPathColumns(nodes: DiagramNode[], forward: DiagramEdge[], index: Map<string, number>): number[] {
  const columns = nodes.map(() => 0);
  const incoming = nodes.map(() => 0);
  const outgoing = nodes.map(() => [] as number[]);
  for (const edge of forward) {
    const from = index.get(edge.from)!;
    const to = index.get(edge.to)!;
    outgoing[from].push(to);
    incoming[to]++;
  }
  const queue = nodes.map((_, i) => i).filter((i) => incoming[i] === 0);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of outgoing[node]) {
      columns[next] = Math.max(columns[next], columns[node] + 1);
      if (--incoming[next] === 0) queue.push(next);
    }
  }
  return columns;
}

function orderColumns(byColumn: Slot[][], chains: Slot[][]): void {
  const neighbours = new Map<string, { left: Slot[]; right: Slot[] }>();
  const of = (slot: Slot) => neighbours.get(slot.id) ?? (neighbours.set(slot.id, { left: [], right: [] }), neighbours.get(slot.id)!);
  for (const chain of chains) {
    for (let i = 1; i < chain.length; i++) {
      of(chain[i]).left.push(chain[i - 1]);
      of(chain[i - 1]).right.push(chain[i]);
    }
  }
  const groupOf = (slot: Slot) => slot.node?.group ?? `~${slot.id}`;
  const sortColumn = (column: Slot[], side: 'left' | 'right') => {
    const centre = new Map<Slot, number>();
    for (const slot of column) {
      const near = neighbours.get(slot.id)?.[side] ?? [];
      centre.set(slot, near.length > 0 ? near.reduce((sum, n) => sum + n.order, 0) / near.length : slot.order);
    }
    // Organizations stay together: a group is placed by the mean of its members.
    const groupCentre = new Map<string, number[]>();
    for (const slot of column) (groupCentre.get(groupOf(slot)) ?? (groupCentre.set(groupOf(slot), []), groupCentre.get(groupOf(slot))!)).push(centre.get(slot)!);
    const groupMean = (slot: Slot) => {
      const values = groupCentre.get(groupOf(slot))!;
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    column.sort((a, b) => groupMean(a) - groupMean(b) || groupOf(a).localeCompare(groupOf(b)) || centre.get(a)! - centre.get(b)! || a.index - b.index);
    column.forEach((slot, i) => (slot.order = i));
  };
  byColumn.forEach((column) => sortColumn(column, 'left'));
  for (let sweep = 0; sweep < 3; sweep++) {
    for (let c = byColumn.length - 2; c >= 0; c--) sortColumn(byColumn[c], 'right');
    for (let c = 1; c < byColumn.length; c++) sortColumn(byColumn[c], 'left');
  }
}

/** Stacks a column's slots from `top` (or only measures when `place` is null); returns its height. */
function stackColumn(column: Slot[], place: { top: number; frames: PlacedFrame[] } | null): number {
  let y = place?.top ?? 0;
  const start = y;
  let i = 0;
  while (i < column.length) {
    const group = column[i].node?.group;
    if (i > 0) y += group !== undefined || column[i - 1].node?.group !== undefined ? FRAME_GAP : NODE_GAP;
    if (group === undefined) {
      y += column[i].topSpace;
      column[i].y = y;
      y += column[i].height;
      i++;
      continue;
    }
    const frameTop = y;
    y += FRAME_HEADER;
    let first = true;
    const run: Slot[] = [];
    while (i < column.length && column[i].node?.group === group) {
      if (!first) y += NODE_GAP;
      first = false;
      y += column[i].topSpace;
      column[i].y = y;
      y += column[i].height;
      run.push(column[i]);
      i++;
    }
    y += FRAME_PAD;
    if (place) {
      const frameX = run[0].x - FRAME_PAD;
      const frameWidth = run[0].width + 2 * FRAME_PAD;
      const label = fitLine(truncate(group), FONT.group, frameWidth - 2 * FRAME_PAD, true);
      place.frames.push({ x: frameX, y: frameTop, width: frameWidth, height: y - frameTop, label, fullLabel: group });
    }
  }
  return y - start;
}

type Ports = Map<DiagramEdge, { out: number; in: number }>;

/** Edges leaving (or entering) one box are spread over its side, in the order of their other ends. */
function portPositions(forward: DiagramEdge[], slotById: Map<string, Slot>): Ports {
  const ports: Ports = new Map(forward.map((edge) => [edge, { out: 0, in: 0 }]));
  const spread = (side: 'out' | 'in') => {
    const byNode = new Map<string, DiagramEdge[]>();
    for (const edge of forward) {
      const id = side === 'out' ? edge.from : edge.to;
      (byNode.get(id) ?? (byNode.set(id, []), byNode.get(id)!)).push(edge);
    }
    for (const [id, list] of byNode) {
      const box = slotById.get(id)!;
      const other = (edge: DiagramEdge) => slotById.get(side === 'out' ? edge.to : edge.from)!.y;
      const sorted = [...list].sort((a, b) => other(a) - other(b));
      sorted.forEach((edge, i) => (ports.get(edge)![side] = box.y + (box.height * (i + 1)) / (sorted.length + 1)));
    }
  };
  spread('out');
  spread('in');
  return ports;
}

function routeForward(edge: DiagramEdge, chain: Slot[], ports: Ports, e: number, labelBoxes: Rect[], boxes: Slot[]): PlacedEdge {
  const port = ports.get(edge)!;
  // The line passes through: the source's right side, each waypoint, the target's left side.
  const points: Array<{ enter: Point; leave: Point }> = chain.map((slot, i) => {
    if (i === 0) return { enter: { x: slot.x + slot.width, y: port.out }, leave: { x: slot.x + slot.width, y: port.out } };
    if (i === chain.length - 1) return { enter: { x: slot.x - 6, y: port.in }, leave: { x: slot.x, y: port.in } };
    const mid = slot.y + slot.height / 2;
    return { enter: { x: slot.x, y: mid }, leave: { x: slot.x, y: mid } };
  });
  let path = `M${fmt(points[0].leave.x)},${fmt(points[0].leave.y)}`;
  const segments: Point[][] = [];
  for (let i = 1; i < points.length; i++) {
    const p0 = points[i - 1].leave;
    const p3 = points[i].enter;
    const dx = (p3.x - p0.x) / 2;
    const segment = [p0, { x: p0.x + dx, y: p0.y }, { x: p3.x - dx, y: p3.y }, p3];
    segments.push(segment);
    path += ` C${fmt(segment[1].x)},${fmt(segment[1].y)} ${fmt(segment[2].x)},${fmt(segment[2].y)} ${fmt(p3.x)},${fmt(p3.y)}`;
  }
  const tip = points[points.length - 1].leave;
  path += ` L${fmt(tip.x - 6)},${fmt(tip.y)}`;
  // The label sits on the first stretch, where it is clear which box the flow leaves.
  const labelBox = placeLabel(edge, (t) => bezier(segments[0], t), labelBoxes, boxes, e);
  const tail = edge.bothWays ? points[0].leave : undefined;
  return { ...edgeText(edge), path, tip, direction: { x: 1, y: 0 }, labelBox, ...(tail ? { tail } : {}) };
}

function routeBack(edge: DiagramEdge, slotById: Map<string, Slot>, depth: number, labelBoxes: Rect[]): PlacedEdge {
  const from = slotById.get(edge.from)!;
  const to = slotById.get(edge.to)!;
  const start = { x: from.x + from.width / 2, y: from.y + from.height };
  const tip = { x: to.x + to.width / 2 + 10, y: to.y + to.height };
  const path = `M${fmt(start.x)},${fmt(start.y)} C${fmt(start.x)},${fmt(depth)} ${fmt(tip.x)},${fmt(depth)} ${fmt(tip.x)},${fmt(tip.y + 6)} L${fmt(tip.x)},${fmt(tip.y + 6)}`;
  const width = edgeLabelWidth(edge);
  const height = edgeLabelHeight(edge);
  const labelBox = { x: (start.x + tip.x) / 2 - width / 2, y: depth - height / 2, width, height };
  labelBoxes.push(labelBox);
  return { ...edgeText(edge), path, tip, direction: { x: 0, y: -1 }, labelBox };
}

function routeSelf(edge: DiagramEdge, slot: Slot, stackedAbove: number, labelBoxes: Rect[]): PlacedEdge {
  const start = { x: slot.x + slot.width * 0.62, y: slot.y };
  const tip = { x: slot.x + slot.width * 0.38, y: slot.y };
  const lift = slot.y - SELF_LOOP_HEIGHT - 4;
  const path = `M${fmt(start.x)},${fmt(start.y)} C${fmt(start.x)},${fmt(lift)} ${fmt(tip.x)},${fmt(lift)} ${fmt(tip.x)},${fmt(tip.y - 6)}`;
  const width = edgeLabelWidth(edge);
  const height = edgeLabelHeight(edge);
  // Several derivations of one system stack their labels upwards.
  const labelBox = { x: slot.x + slot.width / 2 - width / 2, y: slot.y - SELF_LOOP_HEIGHT + 2 - height - stackedAbove, width, height };
  labelBoxes.push(labelBox);
  return { ...edgeText(edge), path, tip, direction: { x: 0, y: 1 }, labelBox };
}

function selfLoopSpace(loops: DiagramEdge[]): number {
  if (loops.length === 0) return 0;
  return SELF_LOOP_HEIGHT + loops.reduce((sum, edge) => sum + edgeLabelHeight(edge) + 2, 0);
}

/** Tries a few spots along the line and takes the first that covers no other label and no box. */
function placeLabel(edge: DiagramEdge, at: (t: number) => Point, labelBoxes: Rect[], boxes: Slot[], e: number): Rect | null {
  if (!edge.label && !edge.crossBorder) return null;
  const width = edgeLabelWidth(edge);
  const height = edgeLabelHeight(edge);
  const candidates = [0.5, 0.35, 0.65, 0.22, 0.78, 0.5];
  let chosen: Rect | null = null;
  for (const t of candidates) {
    const point = at(t);
    const box = { x: point.x - width / 2, y: point.y - height / 2, width, height };
    if (!labelBoxes.some((other) => overlaps(box, other)) && !boxes.some((slot) => overlaps(box, slot))) {
      chosen = box;
      break;
    }
  }
  if (!chosen) {
    // Crowded gap: stack the label under the previous ones at the middle, offset by the edge's index.
    const point = at(0.5);
    chosen = { x: point.x - width / 2, y: point.y - height / 2 + ((e % 3) - 1) * height, width, height };
  }
  labelBoxes.push(chosen);
  return chosen;
}

function edgeText(edge: DiagramEdge) {
  return { lines: edgeLines(edge), fullLabel: edge.label, unlawful: edge.unlawful === true, derivation: edge.derivation === true, crossBorder: edge.crossBorder };
}

function nodeLines(node: DiagramNode, maxWidth = NODE_TEXT_WIDTH): string[] {
  return wrap(truncate(node.label), FONT.node, Math.max(NODE_TEXT_WIDTH, maxWidth), node.unlawful);
}

function edgeLines(edge: DiagramEdge): string[] {
  return edge.label ? wrap(truncate(edge.label), FONT.edge, EDGE_TEXT_WIDTH, edge.unlawful) : [];
}

function linesWidth(lines: string[], fontSize: number, bold?: boolean): number {
  return Math.max(0, ...lines.map((line) => textWidth(line, fontSize, bold)));
}

function edgeLabelWidth(edge: DiagramEdge): number {
  const badge = edge.crossBorder ? textWidth(edge.crossBorder, FONT.badge, true) + 10 : 0;
  return linesWidth(edgeLines(edge), FONT.edge, edge.unlawful) + badge + 8;
}

function edgeLabelHeight(edge: DiagramEdge): number {
  return Math.max(1, edgeLines(edge).length) * EDGE_LINE + 4;
}

/**
 * Breaks a label into at most two lines no wider than `maxWidth`: at a space or after a
 * punctuation mark when there is one on the line, else between any two characters (Japanese has
 * no spaces); what does not fit on the second line is cut with an ellipsis.
 */
export function wrap(text: string, fontSize: number, maxWidth: number, bold?: boolean): string[] {
  if (textWidth(text, fontSize, bold) <= maxWidth) return [text];
  const chars = Array.from(text);
  let line = '';
  let breakAt = -1;
  for (let i = 0; i < chars.length; i++) {
    if (textWidth(line + chars[i], fontSize, bold) > maxWidth && line.length > 0) {
      const cut = breakAt > 0 ? breakAt : Array.from(line).length;
      const first = chars.slice(0, cut).join('').trimEnd();
      const rest = chars.slice(cut).join('').trimStart();
      return [first, fitLine(rest, fontSize, maxWidth, bold)];
    }
    line += chars[i];
    if (/[\s/_:：、，,・）)-]/.test(chars[i])) breakAt = i + 1;
  }
  return [text];
}

function fitLine(text: string, fontSize: number, maxWidth: number, bold?: boolean): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = Array.from(text.replace(/…$/, ''));
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

function bezier([p0, p1, p2, p3]: Point[], t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
    y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
  };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function shiftDown(layout: DiagramLayout, dy: number): DiagramLayout {
  const move = <T extends Rect>(r: T): T => ({ ...r, y: r.y + dy });
  return {
    ...layout,
    height: Math.ceil(layout.height + dy),
    nodes: layout.nodes.map(move),
    frames: layout.frames.map(move),
    edges: layout.edges.map((edge) => ({
      ...edge,
      path: edge.path.replace(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g, (_, px: string, py: string) => `${px},${fmt(Number(py) + dy)}`),
      tip: { x: edge.tip.x, y: edge.tip.y + dy },
      ...(edge.tail ? { tail: { x: edge.tail.x, y: edge.tail.y + dy } } : {}),
      labelBox: edge.labelBox ? move(edge.labelBox) : null,
    })),
  };
}

/** Cuts a label past `max` characters (counted as code points, so a Japanese name is not split mid-character). */
export function truncate(text: string, max = MAX_LABEL_CHARS): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Advance widths (em) of the printable ASCII characters in Noto Sans JP Regular, the font the PDF
 * embeds (browsers showing another Japanese sans-serif come close); full-width characters are 1 em.
 */
const ASCII_EMS = [
  0.224, 0.323, 0.474, 0.555, 0.555, 0.921, 0.68, 0.278, 0.338, 0.338, 0.467, 0.555, 0.278, 0.347, 0.278, 0.392, 0.555, 0.555, 0.555, 0.555, 0.555, 0.555, 0.555, 0.555,
  0.555, 0.555, 0.278, 0.278, 0.555, 0.555, 0.555, 0.474, 0.946, 0.608, 0.657, 0.638, 0.688, 0.589, 0.552, 0.689, 0.728, 0.293, 0.535, 0.646, 0.543, 0.812, 0.723, 0.742,
  0.633, 0.742, 0.635, 0.596, 0.599, 0.721, 0.575, 0.878, 0.573, 0.531, 0.603, 0.338, 0.392, 0.338, 0.555, 0.559, 0.606, 0.563, 0.618, 0.51, 0.62, 0.554, 0.325, 0.564,
  0.607, 0.275, 0.275, 0.552, 0.284, 0.926, 0.61, 0.606, 0.62, 0.62, 0.388, 0.468, 0.377, 0.607, 0.521, 0.802, 0.498, 0.521, 0.475, 0.338, 0.27, 0.338, 0.555,
];

/** A text's width in the drawing's font (bold is about 6 % wider), with a small margin for other fonts. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    ems += code >= 32 && code < 127 ? ASCII_EMS[code - 32] : code >= 0xff61 && code <= 0xff9f ? 0.5 : code < 0x2e80 ? 0.62 : 1;
  }
  return ems * fontSize * (bold ? 1.06 : 1) * 1.04;
}

export function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}
