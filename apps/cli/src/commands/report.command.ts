import { Command, CommandRunner, Option } from 'nest-commander';
import { createWriteStream, renameSync, rmSync, WriteStream } from 'node:fs';
import { InvalidInputError } from '@tadoru/common';
import { FILE_EXTENSIONS, REPORT_FORMATS, renderReport, ReportFormat, ReportsService, ReportSink } from '@tadoru/reports';
import { reportCliError } from '../cli-errors';
import { withDatabase } from '../database-session';
import { ProgressBar } from '../progress-bar';

interface ReportOptions {
  map?: string;
  format?: string;
  lang?: string;
  person?: string;
  system?: string;
  since?: string;
  version?: number;
  asOf?: string;
  out?: string;
}

const KIND_HELP = [
  'ledger (third-party provision and receipt records, APPI Arts. 29-31)',
  'findings (every finding with its evidence)',
  'disclosure --person P (what was done with one person\'s data, APPI Art. 33)',
  'breach --system S --since D (breach scope, APPI Art. 26)',
  'ropa (GDPR Art. 30 record of processing activities)',
  'published-matters (APPI Art. 32 matters to publish)',
  'overview (the map as a diagram)',
].join('; ');

@Command({
  name: 'report',
  arguments: '<kind>',
  description: `Build a regulator-facing report of a stored map, for its current version or a past one. Kinds: ${KIND_HELP}.`,
})
export class ReportCommand extends CommandRunner {
  async run([kind]: string[], options: ReportOptions): Promise<void> {
    let out: FileOut | undefined;
    const bar = new ProgressBar();
    try {
      const format = options.format ?? formatFromName(options.out) ?? 'json';
      await withDatabase(async (ctx) => {
        const reports = ctx.get(ReportsService);
        const request = reports.check({ kind, map: options.map ?? '', lang: options.lang, format, person: options.person, system: options.system, since: options.since, version: options.version, asOf: options.asOf });
        const doc = await reports.build(request, (done, total) => bar.update(`report ${request.kind}`, done, total, 'steps'));
        // A file is written beside its target and renamed at the end: a failed report leaves no half file.
        out = options.out ? new FileOut(options.out) : undefined;
        await renderReport(doc, request.format, out ?? stdoutSink);
        bar.done();
        if (out) {
          await out.commit();
          process.stderr.write(`wrote the ${request.kind} report of "${request.map}" version ${doc.header.version} (${request.lang}, ${request.format}) to ${options.out}\n`);
        }
      });
    } catch (error) {
      bar.done();
      out?.abandon();
      process.exitCode = reportCliError(error, 'report request');
    }
  }

  @Option({ flags: '-m, --map <name>', description: 'the stored map to report on (required)' })
  parseMap(value: string): string {
    return value;
  }

  @Option({ flags: '-f, --format <format>', description: `${REPORT_FORMATS.join(', ')} (default: from the --out extension, else json)` })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '-l, --lang <lang>', description: 'ja or en (default en)' })
  parseLang(value: string): string {
    return value;
  }

  @Option({ flags: '--person <id>', description: 'disclosure: the people entry the report is about' })
  parsePerson(value: string): string {
    return value;
  }

  @Option({ flags: '--system <id>', description: 'breach: the compromised system' })
  parseSystem(value: string): string {
    return value;
  }

  @Option({ flags: '--since <date>', description: 'breach: the date the compromise began (YYYY-MM-DD)' })
  parseSince(value: string): string {
    return value;
  }

  @Option({ flags: '--version <n>', description: 'build from this past version of the map (from its history)' })
  parseVersion(value: string): number {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1) throw new InvalidInputError([{ path: '--version', message: `must be a version (1 or more), got "${value}"` }]);
    return n;
  }

  @Option({ flags: '--as-of <date>', description: 'read flows, derivations and consents as in force on this date (YYYY-MM-DD)' })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({ flags: '-o, --out <file>', description: 'write to this file instead of standard output' })
  parseOut(value: string): string {
    return value;
  }
}

const stdoutSink: ReportSink = {
  write: (chunk) =>
    new Promise<void>((resolve, reject) => {
      process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
    }),
};

function formatFromName(file: string | undefined): ReportFormat | undefined {
  if (!file) return undefined;
  const extension = file.toLowerCase().split('.').pop();
  return (Object.entries(FILE_EXTENSIONS) as Array<[ReportFormat, string]>).find(([, ext]) => ext === extension)?.[0];
}

/** A report file written under a temporary name and renamed when complete. */
class FileOut implements ReportSink {
  private readonly temp: string;
  private readonly stream: WriteStream;

  constructor(private readonly target: string) {
    this.temp = `${target}.tmp-${process.pid}`;
    this.stream = createWriteStream(this.temp);
  }

  write(chunk: string | Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    renameSync(this.temp, this.target);
  }

  abandon(): void {
    this.stream.destroy();
    rmSync(this.temp, { force: true });
  }
}
