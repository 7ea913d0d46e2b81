import { INestApplicationContext } from '@nestjs/common';
import { CatalogService, MapDirectoryService } from '@tadoru/catalog';
import { REPORT_KINDS, renderReport, ReportFormat, ReportKindName, ReportsService } from '@tadoru/reports';

/** What building one report took: its time, its size, and the memory it needed above what was held before. */
export interface ReportFigure {
  seconds: number;
  mebibytes: number;
  peakRssMiB: number;
  peakHeapMiB: number;
}

/** Peak resident set and heap while `work` runs, sampled every 50 ms, above what was held before. */
export async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMiB: number; peakHeapMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  const started = performance.now();
  try {
    const value = await work();
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
    return { value, ms: performance.now() - started, peakRssMiB: Math.round((rss - base.rss) / 2 ** 20), peakHeapMiB: Math.round((heap - base.heapUsed) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

/** A person and a system to report on: the first people entry, and the system that sends the most flows to other organizations. */
export async function reportSubjects(ctx: INestApplicationContext, map: string): Promise<{ person: string; system: string; since: string }> {
  const catalog = ctx.get(CatalogService);
  const pinned = await ctx.get(MapDirectoryService).pin(map);
  const person = (await catalog.list('people', pinned, {}, { first: 1 })).items[0]?.id;
  const sent = new Map<string, number>();
  let after: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await catalog.list('flows', pinned, { crossOrganization: true }, { first: 500, after });
    for (const f of page.items) sent.set(f.from, (sent.get(f.from) ?? 0) + 1);
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }
  const system = [...sent].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!person || !system) throw new Error('the generated map has no people entry or no flow to another organization');
  return { person, system, since: '2024-04-01' };
}

/**
 * Every kind of report of a stored map in each format, written to a sink that only counts bytes (so
 * what is measured is building and rendering, not a disk), one after the other.
 */
export async function benchReports(
  ctx: INestApplicationContext,
  map: string,
  options: { formats: ReportFormat[]; lang: 'en' | 'ja'; kinds?: readonly ReportKindName[] },
  log: (line: string) => void,
): Promise<{ subjects: { person: string; system: string; since: string }; reports: Record<string, ReportFigure> }> {
  const about = await reportSubjects(ctx, map);
  const reports = ctx.get(ReportsService);
  const figures: Record<string, ReportFigure> = {};
  for (const kind of options.kinds ?? (REPORT_KINDS as readonly ReportKindName[])) {
    for (const format of options.formats) {
      const request = reports.check({
        kind,
        map,
        format,
        lang: options.lang,
        person: kind === 'disclosure' ? about.person : null,
        system: kind === 'breach' ? about.system : null,
        since: kind === 'breach' ? about.since : null,
      });
      let bytes = 0;
      const run = await measured(async () => {
        const doc = await reports.build(request);
        await renderReport(doc, format, { write: (chunk) => void (bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength) });
      });
      const figure = { seconds: Math.round(run.ms / 100) / 10, mebibytes: Math.round((bytes / 2 ** 20) * 100) / 100, peakRssMiB: run.peakRssMiB, peakHeapMiB: run.peakHeapMiB };
      figures[`${kind}.${format}`] = figure;
      log(`${kind} ${format}: ${figure.seconds} s, ${figure.mebibytes} MiB, peak +${figure.peakRssMiB} MiB resident / +${figure.peakHeapMiB} MiB heap`);
    }
  }
  return { subjects: about, reports: figures };
}
