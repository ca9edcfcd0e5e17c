// Deterministic, seedable random numbers (sfc32 seeded through splitmix32) so one spec seed drives
// data, grids, projections and minibatches through independent, labelled streams.

export interface Rng {
  /** uniform in [0, 1) */
  uniform(): number
  /** standard normal */
  normal(): number
  /** uniform integer in [0, n) */
  int(n: number): number
  /** an independent stream derived from this stream's seed and the label (not from its position) */
  fork(label: string): Rng
}

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** FNV-1a over UTF-16 code units, mixed with the parent key: labels give unrelated child seeds. */
function deriveKey(parent: number, label: string): number {
  let h = 0x811c9dc5 ^ parent
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193)
  return splitmix32(h ^ Math.imul(parent, 0x27d4eb2d))()
}

class Sfc32 implements Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  private spare: number | undefined

  constructor(private readonly key: number) {
    const sm = splitmix32(key)
    this.a = sm()
    this.b = sm()
    this.c = sm()
    this.d = 1
    // warm-up as recommended for sfc32
    for (let i = 0; i < 15; i++) this.next()
  }

  private next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  uniform(): number {
    // 53 random bits so that uniform() is never exactly representable-by-accident coarse
    const hi = this.next() >>> 5
    const lo = this.next() >>> 6
    return (hi * 67108864 + lo) / 9007199254740992
  }

  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare
      this.spare = undefined
      return s
    }
    // Box-Muller; 1 - u lies in (0, 1] so the log is finite
    const r = Math.sqrt(-2 * Math.log(1 - this.uniform()))
    const th = 2 * Math.PI * this.uniform()
    this.spare = r * Math.sin(th)
    return r * Math.cos(th)
  }

  int(n: number): number {
    if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`int(n) needs a positive integer, got ${n}`)
    return Math.floor(this.uniform() * n)
  }

  fork(label: string): Rng {
    return new Sfc32(deriveKey(this.key, label))
  }
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`)
  return new Sfc32(deriveKey(0x6e616761, `seed:${Math.trunc(seed)}`))
}
