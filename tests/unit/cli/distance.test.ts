// `nagare distance` and `nagare entropy` in-process: JSON on stdout for .npy (float32/float64) and CSV
// input, and exit 2 with a clear message for each kind of unusable input.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli/main'
import { gaussianEntropy } from '../../../electron/engine/metrics/entropy'
import { encodeNpy } from '../../../electron/engine/formats/npy'
import { wasserstein1d } from '../../../electron/engine/metrics/wasserstein'
import { gaussianCloud } from '../engine/metrics/test-rng'
import { captureIo } from './cli-io'

/** An NPY v1.0 file of float64 values (the engine writes only float32/int32, so built by hand here). */
function npyF64(data: Float64Array, shape: number[]): Buffer {
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64
  const head = Buffer.alloc(total, 0x20)
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(head)
  head.writeUInt16LE(total - 10, 8)
  head.write(dict, 10, 'latin1')
  head[total - 1] = 0x0a
  return Buffer.concat([head, Buffer.from(data.buffer, data.byteOffset, data.byteLength)])
}

let dir: string
const argv = (...args: string[]): string[] => ['node', 'nagare', ...args]
const file = async (name: string, content: string | Buffer): Promise<string> => {
  await writeFile(join(dir, name), content)
  return name
}
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir)
  const code = await main(argv(...args), io)
  return { code, out: io.out(), err: io.err() }
}

const a1 = Float64Array.from(gaussianCloud(400, [0], [1], 1))
const b1 = gaussianCloud(300, [1], [4], 2)
const a3 = gaussianCloud(500, [0, 0, 0], [1, 1, 1], 3)
const b3 = Float64Array.from(gaussianCloud(450, [0.5, 0, 0], [1, 2, 1], 4))

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-distance-'))
  await file('a1.npy', npyF64(a1, [400]))
  await file('b1.npy', encodeNpy(b1, [300, 1]))
  await file('a3.npy', encodeNpy(a3, [500, 3]))
  await file('b3.npy', npyF64(b3, [450, 3]))
  const rows = Array.from({ length: 450 }, (_, i) => Array.from(b3.subarray(3 * i, 3 * i + 3)).join(','))
  await file('b3.csv', ['x,y,z', ...rows, ''].join('\n'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('nagare distance', () => {
  it('prints one JSON object with the metric, value, options, sizes and subsample', async () => {
    const r = await run('distance', 'a1.npy', 'b1.npy', '--metric', 'w2-1d')
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(r.out.trim().split('\n')).toHaveLength(1)
    const j = JSON.parse(r.out)
    expect(j).toMatchObject({ metric: 'w2-1d', n_a: 400, n_b: 300, d: 1, subsample: null, options: {} })
    expect(j.value).toBeCloseTo(wasserstein1d(a1, b1, 2), 12)

    const s = JSON.parse((await run('distance', 'a3.npy', 'b3.npy', '--metric', 'sinkhorn', '--eps', '0.5', '--max-points', '300', '--seed', '3')).out)
    expect(s).toMatchObject({ metric: 'sinkhorn', n_a: 500, n_b: 450, d: 3, subsample: { a: 300, b: 300 } })
    expect(s.options).toMatchObject({ eps: 0.5, maxPoints: 300, seed: 3, iterations: 1000 })
    expect(s.value).toBeGreaterThan(0)
  })

  it('reads CSV with a header exactly like the float64 .npy of the same numbers', async () => {
    const fromNpy = JSON.parse((await run('distance', 'a3.npy', 'b3.npy', '--metric', 'energy')).out)
    const fromCsv = JSON.parse((await run('distance', 'a3.npy', 'b3.csv', '--metric', 'energy')).out)
    // the CSV holds the float64 values printed to 17 significant digits by JavaScript: the same numbers
    expect(fromCsv.value).toBe(fromNpy.value)
  })

  it('reads whitespace-separated and quoted CSV', async () => {
    await file('ws.csv', '# two points\n1.5 2\n\n-3e-1\t4.\n')
    await file('quoted.csv', '"a","b"\n"1.5","2"\n"-0.3","4"\n')
    const r = JSON.parse((await run('distance', 'ws.csv', 'quoted.csv', '--metric', 'bures')).out)
    expect(r).toMatchObject({ n_a: 2, n_b: 2, d: 2 })
    expect(r.value).toBeLessThan(1e-6) // the same two points
  })

  it('notes options that do not apply to the metric', async () => {
    const r = await run('distance', 'a3.npy', 'b3.npy', '--metric', 'bures', '--eps', '0.1')
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/--eps does not apply to bures/)
  })

  it('exit 2 with a clear message for unusable input', async () => {
    const cases: [string[], RegExp][] = [
      [['a1.npy', 'a3.npy'], /different dimensions: 1 and 3/],
      [['a3.npy', await file('nan.csv', '1,2,3\n4,nan,6\n')], /line 2, column 2 is nan/],
      [['a3.npy', await file('nan.npy', encodeNpy(Float32Array.of(1, 2, 3, 4, NaN, 6), [2, 3]))], /row 2 has a non-finite value \(NaN\)/],
      [['a3.npy', await file('empty.npy', '')], /empty/],
      [['a3.npy', await file('empty.csv', '\n\n')], /no data rows/],
      [['a3.npy', await file('header-only.csv', 'x,y,z\n')], /no data rows/],
      [['a3.npy', await file('words.csv', '1,2,3\n4,five,6\n')], /line 2, column 2: "five" is not a number/],
      [['a3.npy', await file('ragged.csv', '1,2,3\n4,5\n')], /line 2 has 2 fields, expected 3/],
      [['a3.npy', await file('trunc.npy', encodeNpy(a3, [500, 3]).subarray(0, 1000))], /truncated/],
      [['a3.npy', await file('zero.npy', encodeNpy(new Float32Array(0), [0, 3]))], /empty/],
      [['a3.npy', await file('cube.npy', encodeNpy(new Float32Array(8), [2, 2, 2]))], /shape \[N, D\] or \[N\]/],
      [['a3.npy', 'missing.npy'], /cannot read/],
      [['a3.npy', 'b3.npy', '--eps', 'abc'], /--eps must be a number, got "abc"/],
      [['a3.npy', 'b3.npy', '--eps', '-1'], /--eps must be greater than 0/]
    ]
    for (const [args, message] of cases) {
      const metric = args.includes('--eps') ? 'sinkhorn' : 'energy'
      const r = await run('distance', ...args, '--metric', metric)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.out).toBe('')
      expect(r.err).toMatch(message)
    }
    // commander refuses an unknown metric or a missing one
    expect((await run('distance', 'a3.npy', 'b3.npy', '--metric', 'cosine')).code).toBe(2)
    expect((await run('distance', 'a3.npy', 'b3.npy')).code).toBe(2)
  })
})

describe('nagare entropy', () => {
  it('prints the kNN entropy and the fitted Gaussian entropy as JSON', async () => {
    const n = 20_000
    const x = gaussianCloud(n, [0, 0], [2, 1], 5)
    await file('g.npy', encodeNpy(x, [n, 2]))
    const r = await run('entropy', 'g.npy', '--k', '5')
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out)
    expect(j).toMatchObject({ estimator: 'kozachenko-leonenko', unit: 'nats', k: 5, n, d: 2, subsample: null })
    // N(0, diag(2, 1)): 0.5 log((2 pi e)^2 2) = 3.1845 (the paper's eq. 44 at t = 0)
    const exact = gaussianEntropy([
      [2, 0],
      [0, 1]
    ])
    expect(exact).toBeCloseTo(3.184451, 5)
    expect(Math.abs(j.entropy - exact)).toBeLessThan(0.03)
    expect(Math.abs(j.gaussian_entropy - exact)).toBeLessThan(0.02)
    const sub = JSON.parse((await run('entropy', 'g.npy', '--max-points', '5000')).out)
    expect(sub.subsample).toBe(5000)
  })

  it('exit 2 for more than 3 dimensions, too few points, or bad options', async () => {
    await file(
      'd4.npy',
      encodeNpy(
        new Float32Array(40).map((_, i) => Math.sin(i)),
        [10, 4]
      )
    )
    await file('one.csv', '1,2\n')
    expect((await run('entropy', 'd4.npy')).err).toMatch(/1 to 3 dimensions, this cloud has 4/)
    expect((await run('entropy', 'one.csv')).err).toMatch(/at least 2 points/)
    const bad = await run('entropy', 'a3.npy', '--k', '0')
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/--k must be a positive integer/)
  })
})
