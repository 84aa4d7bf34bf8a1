// Seeded pseudo-random numbers (sfc32 seeded through cyrb128). No Math.random anywhere:
// the same seed and the same sequence of calls give the same output on every run.

/** 128-bit string hash (cyrb128) used to derive independent seeds from labels. */
export function hash128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string, ...labels: Array<string | number>) {
    const [a, b, c, d] = hash128(`${seed}|${labels.join('|')}`);
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** Child generator for a labelled sub-stream (independent of how much this one was used). */
  static derive(seed: number | string, ...labels: Array<string | number>): Rng {
    return new Rng(seed, ...labels);
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Weighted choice from [value, weight] pairs. */
  weighted<T>(table: WeightTable<T>): T {
    const r = this.next() * table.total;
    let lo = 0;
    let hi = table.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((table.cum[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return table.values[lo] as T;
  }

  /** Approximately normal (sum of uniforms), mean 0, sd 1. */
  normal(): number {
    return this.next() + this.next() + this.next() + this.next() + this.next() + this.next() - 3;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** k distinct items (order random). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items.slice()).slice(0, Math.min(k, items.length));
  }
}

export interface WeightTable<T> {
  values: T[];
  cum: number[];
  total: number;
}

export function weights<T>(pairs: ReadonlyArray<readonly [T, number]>): WeightTable<T> {
  const values: T[] = [];
  const cum: number[] = [];
  let total = 0;
  for (const [v, w] of pairs) {
    if (w <= 0) continue;
    total += w;
    values.push(v);
    cum.push(total);
  }
  return { values, cum, total };
}
