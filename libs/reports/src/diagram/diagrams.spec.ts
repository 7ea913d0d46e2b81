import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { layoutDiagram, truncate } from './diagram-layout';
import { DiagramEdge, DiagramNode, MAX_DIAGRAM_NODES, networkDiagram, pathDiagram } from './diagrams';

const node = (id: string, extra: Partial<DiagramNode> = {}): DiagramNode => ({ id, label: id, ...extra });
const edge = (from: string, to: string, extra: Partial<DiagramEdge> = {}): DiagramEdge => ({ from, to, label: `${from}-${to}`, ...extra });

describe('layoutDiagram', () => {
  it('puts each system in the column of its longest distance from a source', () => {
    const layout = layoutDiagram([node('a'), node('b'), node('c'), node('d')], [edge('a', 'b'), edge('b', 'c'), edge('a', 'c'), edge('d', 'c')]);
    const x = Object.fromEntries(layout.nodes.map((n) => [n.id, n.x]));
    expect(x.a).toBe(x.d);
    expect(x.b).toBeGreaterThan(x.a);
    expect(x.c).toBeGreaterThan(x.b);
    // No two boxes overlap.
    for (const one of layout.nodes) {
      for (const other of layout.nodes) {
        if (one === other) continue;
        const apart = one.x + one.width <= other.x || other.x + other.width <= one.x || one.y + one.height <= other.y || other.y + other.height <= one.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('survives cycles and self loops, drawing them as back edges and loops', () => {
    const layout = layoutDiagram([node('a'), node('b')], [edge('a', 'b'), edge('b', 'a'), edge('b', 'b', { derivation: true })]);
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges).toHaveLength(3);
    expect(layout.nodes[1].x).toBeGreaterThan(layout.nodes[0].x);
  });

  it('draws one frame per run of an organization in a column', () => {
    const layout = layoutDiagram([node('a', { group: 'Org A' }), node('b', { group: 'Org B' }), node('c', { group: 'Org A' })], [edge('a', 'b'), edge('a', 'c')]);
    expect(layout.frames.map((frame) => frame.label).sort()).toEqual(['Org A', 'Org A', 'Org B']);
  });

  it('is deterministic', () => {
    const nodes = Array.from({ length: 20 }, (_, i) => node(`n${i}`, { group: `g${i % 3}` }));
    const edges = nodes.slice(1).map((n, i) => edge(`n${Math.floor(i / 3)}`, n.id));
    expect(layoutDiagram(nodes, edges)).toEqual(layoutDiagram(nodes, edges));
  });
});

describe('networkDiagram and pathDiagram', () => {
  it('escape text, cut long labels with an ellipsis and keep the full text in the tooltip', () => {
    const long = 'A system whose name is far too long to draw <b>';
    const block = pathDiagram('p', 'T', [node('a', { label: long }), node('b', { label: '<script>x</script>' })], [edge('a', 'b')], 'a to b');
    expect(block.svg).not.toContain('<script>');
    expect(block.svg).toContain('&lt;script&gt;');
    expect(truncate(long)).toHaveLength(28);
    expect(truncate(long).endsWith('…')).toBe(true);
    expect(block.svg).toContain(`<title>${long.replace('<', '&lt;').replace('>', '&gt;')}</title>`);
    expect(block.svg).not.toMatch(/href|<image|<use|url\(/);
    expect(block).toMatchObject({ type: 'diagram', key: 'p', title: 'T', alt: 'a to b' });
    expect(block.svg).toContain(`width="${block.width}" height="${block.height}"`);
  });

  it('marks unlawful steps in red, derivations dashed and cross-border flows with the country code', () => {
    const block = networkDiagram(
      'n',
      'Map',
      [node('a'), node('b', { unlawful: true }), node('c', { country: 'US' })],
      [edge('a', 'b', { unlawful: true }), edge('a', 'a', { derivation: true }), edge('a', 'c', { crossBorder: 'US' })],
      'alt',
    );
    expect(block.svg).toContain('stroke="#c62828"');
    expect(block.svg).toContain('stroke-dasharray');
    expect(block.svg.match(/>US</g)).toHaveLength(2);
    expect(block.svg).toMatch(/font-family="'Noto Sans JP'.*sans-serif"/);
  });

  it('draws the first systems of a huge map and says so, in the language of the title', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => node(`n${i}`));
    const edges = nodes.slice(1).map((n, i) => edge(`n${i}`, n.id));
    const en = networkDiagram('n', 'Map overview', nodes, edges, 'alt');
    expect(en.title).toBe(`Map overview (first ${MAX_DIAGRAM_NODES} of 100 systems shown)`);
    expect(en.svg.match(/<rect [^>]*rx="4"/g)).toHaveLength(MAX_DIAGRAM_NODES);
    const ja = networkDiagram('n', 'データマップ全体図', nodes, edges, 'alt');
    expect(ja.title).toBe(`データマップ全体図（全100システムのうち最初の${MAX_DIAGRAM_NODES}件を表示）`);
  });

  it('renders with svg-to-pdfkit without warnings', async () => {
    const block = networkDiagram('n', '全体図', [node('a', { label: 'リクナビ', group: '株式会社リクルートキャリア' }), node('b', { country: 'SG', unlawful: true })], [edge('a', 'b', { crossBorder: 'SG', unlawful: true }), edge('a', 'a', { derivation: true })], 'alt');
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const warnings: string[] = [];
    SVGtoPDF(doc as unknown as typeof PDFDocument, block.svg, 40, 40, { width: 500, height: 300, warningCallback: (warning) => warnings.push(warning), fontCallback: () => 'Helvetica' });
    doc.end();
    await new Promise((resolve) => doc.on('end', resolve));
    expect(warnings).toEqual([]);
    expect(Buffer.concat(chunks).length).toBeGreaterThan(1000);
  });
});

describe('reverse pairs', () => {
  it('draws a flow from A to B and one back from B to A as one line with a head at each end, red if either is unlawful', () => {
    const folded = networkDiagram('d', 't', [node('a'), node('b')], [edge('a', 'b'), edge('b', 'a', { unlawful: true })], 'alt');
    const lines = folded.svg.match(/<path /g) ?? [];
    expect(lines).toHaveLength(1);
    expect(folded.svg.match(/<polygon /g)).toHaveLength(2);
    expect(folded.svg).toContain('a-b ⇄ b-a');
    expect(folded.svg).toContain('#c62828');
    const oneWay = networkDiagram('d', 't', [node('a'), node('b')], [edge('a', 'b')], 'alt');
    expect(oneWay.svg.match(/<polygon /g)).toHaveLength(1);
  });
});
