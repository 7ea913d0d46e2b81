/**
 * Answers to questions about one stored version, kept for the questions asked again. A version is
 * never changed except by in-place writes, which advance its write sequence, so an answer keyed by
 * storage, write sequence and question is valid for as long as it is found: nothing needs to be
 * invalidated. (A read that overlapped an in-place write is caught and made again by the reader's
 * own end-of-answer check; its key is never pinned again, so it is never served again.) Bounded by
 * entries and by the rows they hold; the least recently used go first.
 */
export class AnswerCache<V> {
  private readonly entries = new Map<string, { value: V; rows: number }>();
  private rows = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxRows: number,
    private readonly rowsOf: (value: V) => number,
  ) {}

  /**
   * The cached answer, or the one `compute` gives, kept when `compute` says it may be (the version
   * was seen unchanged at the end of the read) and it fits. Not `cacheable`: computed, never kept.
   * `compute` is told whether its answer could be kept, so that it checks only then.
   */
  async get(key: string, cacheable: boolean, compute: (keepable: boolean) => Promise<{ value: V; keep: boolean }>): Promise<V> {
    if (!cacheable || this.maxEntries === 0) return (await compute(false)).value;
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value;
    }
    const { value, keep } = await compute(true);
    const rows = this.rowsOf(value);
    if (keep && rows <= this.maxRows) {
      this.entries.set(key, { value, rows });
      this.rows += rows;
      for (const [oldest, entry] of this.entries) {
        if (this.entries.size <= this.maxEntries && this.rows <= this.maxRows) break;
        this.entries.delete(oldest);
        this.rows -= entry.rows;
      }
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Entries per question kind; `TADORU_ANSWER_CACHE=off` keeps none (every question is computed). */
export function answerCacheEntries(): number {
  return process.env.TADORU_ANSWER_CACHE === 'off' ? 0 : 256;
}
