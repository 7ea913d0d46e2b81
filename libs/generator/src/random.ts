/**
 * A seeded pseudo-random generator (xoshiro128**), so that a scale and a seed always give the same
 * map. Independent streams are derived from labels (`fork('flows', 12)`): one part of the map can
 * change how much randomness it draws without shifting every other part.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, ...labels: Array<string | number>) {
    let state = hashLabels(seed >>> 0, labels);
    const next = (): number => {
      // splitmix32 spreads one 32-bit seed over the four words of state
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** A generator of its own, determined by this one's current state and the labels. */
  fork(...labels: Array<string | number>): Random {
    return new Random(this.uint32(), ...labels);
  }

  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** `count` distinct items, in the order they appear in `items`. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count >= items.length) return [...items];
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(this.float() * items.length));
    return [...chosen].sort((x, y) => x - y).map((i) => items[i]);
  }

  /**
   * An integer in [min, max] from a truncated power law: mostly near `min`, now and then far above.
   * `alpha` near 1 gives a very long tail, 2 and above a short one.
   */
  heavyTail(min: number, max: number, alpha: number): number {
    const u = this.float();
    const value = Math.floor(min / Math.pow(1 - u * (1 - Math.pow(min / (max + 1), alpha)), 1 / alpha));
    return Math.min(max, Math.max(min, value));
  }
}

/**
 * Picks indices with probabilities proportional to fixed weights (a Zipf law by default), by binary
 * search over the running totals: how hubs come to receive far more flows than most systems.
 */
export class WeightedPicker {
  private readonly totals: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.totals = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.totals[i] = sum += weights[i];
  }

  static zipf(count: number, exponent = 1): WeightedPicker {
    return new WeightedPicker(Array.from({ length: count }, (_, i) => 1 / Math.pow(i + 1, exponent)));
  }

  pick(random: Random): number {
    const target = random.float() * this.totals[this.totals.length - 1];
    let low = 0;
    let high = this.totals.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.totals[mid] > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** Up to `count` distinct indices (fewer when the weights leave too few within reach). */
  pickDistinct(random: Random, count: number): number[] {
    const wanted = Math.min(count, this.totals.length);
    const chosen = new Set<number>();
    for (let attempts = 0; chosen.size < wanted && attempts < wanted * 20; attempts++) chosen.add(this.pick(random));
    return [...chosen];
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** FNV-1a over the labels, mixed with the seed. */
function hashLabels(seed: number, labels: Array<string | number>): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const label of labels) {
    const text = `/${label}`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h;
}
