import { ReportSink } from '../document/report-document';

/**
 * Collects small strings and hands them to the sink in chunks of about 64 KiB, awaiting each write,
 * so a 300,000-row table is neither one write per row nor one string in memory.
 */
export class TextWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly sink: ReportSink,
    private readonly chunkSize = 64 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.sink.write(chunk);
  }
}
