import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** A top-level key whose value is not a list (`tadoru`, `map`, or a mistake), parsed whole. */
export interface MapHeaderEvent {
  kind: 'header';
  key: string;
  value: unknown;
}

/** One entry of a top-level list (`flows[12]`), parsed on its own. */
export interface MapElementEvent {
  kind: 'element';
  section: string;
  index: number;
  value: unknown;
}

/** A list entry that is not valid JSON on its own; the rest of the file is still read. */
export interface MapElementErrorEvent {
  kind: 'elementError';
  section: string;
  index: number;
  message: string;
}

/** A top-level key whose value is a list: its entries follow as `element` events. */
export interface MapListEvent {
  kind: 'list';
  key: string;
}

export type MapStreamEvent = MapHeaderEvent | MapListEvent | MapElementEvent | MapElementErrorEvent;

/** The file's structure is broken (unbalanced brackets, not an object…): reading stops. */
export class MapStreamSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`not valid JSON at line ${line}: ${message}`);
  }
}

const enum Mode {
  BeforeRoot,
  BeforeKey,
  InKey,
  AfterKey,
  BeforeValue,
  InHeaderValue,
  BeforeEntry,
  InEntry,
  AfterEntry,
  AfterValue,
  Done,
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09 || c === 0xfeff;
}

/**
 * Reads a JSON map file entry by entry with memory bounded by the largest single entry, whatever
 * the file's size: the scanner only tracks strings and bracket depth to find where each entry of a
 * top-level list begins and ends, and `JSON.parse` (native, fast) parses each entry's text.
 */
export async function* readJsonMapStream(file: string, options: { chunkBytes?: number; onBytes?: (bytes: number) => void } = {}): AsyncGenerator<MapStreamEvent> {
  const scanner = new JsonMapScanner();
  const decoder = new StringDecoder('utf8');
  for await (const chunk of createReadStream(file, { highWaterMark: options.chunkBytes ?? 1 << 20 })) {
    yield* scanner.feed(decoder.write(chunk as Buffer));
    options.onBytes?.((chunk as Buffer).length);
  }
  yield* scanner.feed(decoder.end());
  scanner.finish();
}

/** The scanner behind `readJsonMapStream`, fed text in arbitrary pieces (exported for tests). */
export class JsonMapScanner {
  private mode = Mode.BeforeRoot;
  private line = 1;
  private inString = false;
  private escaped = false;
  private depth = 0;
  private pieces: string[] = [];
  private key = '';
  private section = '';
  private index = 0;

  *feed(text: string): Generator<MapStreamEvent> {
    let captureFrom = this.capturing() ? 0 : -1;
    let valueStarts = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.mode === Mode.InKey) {
            this.key = JSON.parse(this.take(text, captureFrom, i + 1)) as string;
            captureFrom = -1;
            this.mode = Mode.AfterKey;
          } else if (this.depth === 0) {
            // a string value ends the header value or the entry
            const captured = this.take(text, captureFrom, i + 1);
            captureFrom = -1;
            yield* this.complete(captured);
          }
        }
        continue;
      }
      switch (this.mode) {
        case Mode.BeforeRoot:
          if (isSpace(c)) break;
          if (c !== OPEN_BRACE) this.fail('a map file must be one JSON object');
          this.mode = Mode.BeforeKey;
          break;
        case Mode.BeforeKey:
          if (isSpace(c) || c === COMMA) break;
          if (c === CLOSE_BRACE) this.mode = Mode.Done;
          else if (c === QUOTE) {
            this.mode = Mode.InKey;
            this.inString = true;
            captureFrom = i;
          } else this.fail('expected a key in double quotes');
          break;
        case Mode.AfterKey:
          if (isSpace(c)) break;
          if (c !== COLON) this.fail(`expected ":" after "${this.key}"`);
          this.mode = Mode.BeforeValue;
          break;
        case Mode.BeforeValue:
          if (isSpace(c)) break;
          if (c === OPEN_BRACKET) {
            this.section = this.key;
            this.index = 0;
            this.mode = Mode.BeforeEntry;
            yield { kind: 'list', key: this.key };
          } else {
            this.mode = Mode.InHeaderValue;
            valueStarts = true;
          }
          break;
        case Mode.BeforeEntry:
          if (isSpace(c)) break;
          if (c === CLOSE_BRACKET) {
            this.mode = Mode.AfterValue;
            break;
          }
          this.mode = Mode.InEntry;
          valueStarts = true;
          break;
        case Mode.InEntry:
        case Mode.InHeaderValue:
          if (this.depth === 0) {
            // a bare scalar cut by the end of the previous piece: it ends at the first delimiter
            if (isDelimiter(c)) {
              yield* this.complete(this.take(text, captureFrom, i));
              captureFrom = -1;
              if (c === NEWLINE) this.line--;
              i--; // the delimiter belongs to what follows the value
            }
            break;
          }
          if (c === QUOTE) this.inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
          else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            this.depth--;
            if (this.depth === 0) {
              yield* this.complete(this.take(text, captureFrom, i + 1));
              captureFrom = -1;
            }
          }
          break;
        case Mode.AfterEntry:
          if (isSpace(c)) break;
          if (c === COMMA) this.mode = Mode.BeforeEntry;
          else if (c === CLOSE_BRACKET) this.mode = Mode.AfterValue;
          else this.fail(`expected "," or "]" after ${this.section}[${this.index - 1}]`);
          break;
        case Mode.AfterValue:
          if (isSpace(c)) break;
          if (c === COMMA) this.mode = Mode.BeforeKey;
          else if (c === CLOSE_BRACE) this.mode = Mode.Done;
          else this.fail(`expected "," or "}" after the value of "${this.key}"`);
          break;
        case Mode.Done:
          if (!isSpace(c)) this.fail('text after the end of the map object');
          break;
        default:
          break;
      }
      if (valueStarts) {
        // a header value or a list entry begins at c: capture it; a bare scalar may end right here
        valueStarts = false;
        captureFrom = i;
        i = this.startValue(text, i, c);
        if (this.scalarEndsAt(text, i)) {
          yield* this.complete(this.take(text, captureFrom, i + 1));
          captureFrom = -1;
        }
      }
    }
    if (captureFrom >= 0) this.pieces.push(text.slice(captureFrom));
  }

  finish(): void {
    if (this.mode !== Mode.Done) this.fail('the file ends before the map object is closed');
  }

  private capturing(): boolean {
    return this.mode === Mode.InKey || this.mode === Mode.InEntry || this.mode === Mode.InHeaderValue;
  }

  /** Enters a value: a string or bracket opens it; a bare scalar (number, true…) is scanned to its end here. */
  private startValue(text: string, i: number, c: number): number {
    if (c === QUOTE) this.inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth = 1;
    else {
      let j = i;
      while (j + 1 < text.length && !isDelimiter(text.charCodeAt(j + 1))) j++;
      return j;
    }
    return i;
  }

  /** True when `startValue` just consumed a whole bare scalar that ends inside this piece of text. */
  private scalarEndsAt(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    if (this.inString || this.depth > 0 || c === QUOTE) return false;
    // a scalar cut by the end of the piece continues in the next one; treat it as ended only when a delimiter follows
    return i + 1 < text.length;
  }

  private take(text: string, from: number, to: number): string {
    const last = text.slice(Math.max(from, 0), to);
    if (this.pieces.length === 0) return last;
    this.pieces.push(last);
    const whole = this.pieces.join('');
    this.pieces = [];
    return whole;
  }

  private *complete(captured: string): Generator<MapStreamEvent> {
    this.depth = 0;
    if (this.mode === Mode.InHeaderValue) {
      this.mode = Mode.AfterValue;
      let value: unknown;
      try {
        value = JSON.parse(captured);
      } catch (error) {
        this.fail(`the value of "${this.key}": ${(error as Error).message}`);
      }
      yield { kind: 'header', key: this.key, value };
      return;
    }
    this.mode = Mode.AfterEntry;
    const index = this.index++;
    try {
      yield { kind: 'element', section: this.section, index, value: JSON.parse(captured) };
    } catch (error) {
      yield { kind: 'elementError', section: this.section, index, message: `not valid JSON: ${(error as Error).message}` };
    }
  }

  private fail(message: string): never {
    throw new MapStreamSyntaxError(message, this.line);
  }
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c);
}
