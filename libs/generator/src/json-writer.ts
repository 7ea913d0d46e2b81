import { once } from 'node:events';
import { createWriteStream, WriteStream } from 'node:fs';

/** Characters gathered before one write to the file: few system calls, little memory. */
const CHUNK_CHARS = 1 << 16;

/**
 * Writes a map as JSON, one element per line, to a file stream: sections are opened, filled and
 * closed in turn, and the writer waits whenever the stream asks it to (backpressure), so that a map
 * of any size goes out with memory bounded by one chunk.
 */
export class JsonMapWriter {
  private chunk = '';
  private bytesWritten = 0;
  private firstInSection = true;
  private failure: Error | undefined;

  private constructor(private readonly stream: WriteStream) {
    stream.on('error', (error) => (this.failure = error));
  }

  /** Opens (creates or truncates) the file; rejects when it cannot be written. */
  static open(path: string): Promise<JsonMapWriter> {
    return new Promise((resolve, reject) => {
      const stream = createWriteStream(path);
      stream.once('error', reject);
      stream.once('open', () => {
        stream.off('error', reject);
        resolve(new JsonMapWriter(stream));
      });
    });
  }

  /** Bytes handed to the file so far. */
  get bytes(): number {
    return this.bytesWritten + Buffer.byteLength(this.chunk);
  }

  async begin(mapName: string): Promise<void> {
    await this.write(`{\n"tadoru": 1,\n"map": ${JSON.stringify(mapName)}`);
  }

  async openSection(name: string): Promise<void> {
    this.firstInSection = true;
    await this.write(`,\n${JSON.stringify(name)}: [`);
  }

  async element(value: object): Promise<void> {
    const line = JSON.stringify(value);
    await this.write(this.firstInSection ? `\n${line}` : `,\n${line}`);
    this.firstInSection = false;
  }

  async closeSection(): Promise<void> {
    await this.write(this.firstInSection ? ']' : '\n]');
  }

  /** Ends the document and waits until every byte is on disk. */
  async end(): Promise<void> {
    this.chunk += '\n}\n';
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    this.throwIfFailed();
  }

  /** Stops writing after a failure elsewhere; the partial file is left as it is. */
  abort(): void {
    this.stream.destroy();
  }

  private async write(text: string): Promise<void> {
    this.chunk += text;
    if (this.chunk.length >= CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    this.throwIfFailed();
    if (this.chunk === '') return;
    const data = this.chunk;
    this.chunk = '';
    this.bytesWritten += Buffer.byteLength(data);
    if (!this.stream.write(data)) await this.drained();
    this.throwIfFailed();
  }

  /** Resolves when the stream can take more, or has failed (the failure is thrown by the caller). */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
