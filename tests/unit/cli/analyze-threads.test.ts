// `nagare analyze --threads`: on activation dumps large enough to be split, two threads (the engine's
// pool, its workers started from the sources) print the very report one thread prints; a bad value is an
// invalid option (exit 2).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli/main'
import { encodeNpy } from '../../../electron/engine/formats/npy'
import { layerWork, MIN_POOLED_LAYER_WORK } from '../../../electron/engine/layers/pooled-layers'
import { disposeEnginePool, enginePool } from '../../../electron/engine/pool/engine-pool'
import { setThreadSetting } from '../../../electron/engine/pool/sizing'
import { createRng } from '../../../electron/engine/sampling/random'
import { captureIo } from './cli-io'

let dir: string
const N = 2_000
const WIDTHS = [4, 32, 32, 32, 32]
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-analyze-threads-'))
  const rng = createRng(3)
  await mkdir(join(dir, 'dumps'))
  let prev = Float64Array.from({ length: N * WIDTHS[0] }, () => rng.normal())
  for (const [l, w] of WIDTHS.entries()) {
    const pw = l === 0 ? w : WIDTHS[l - 1]
    const map = Float64Array.from({ length: pw * w }, () => rng.normal() / Math.sqrt(pw))
    const x = l === 0 ? prev : new Float64Array(N * w)
    if (l > 0)
      for (let i = 0; i < N; i++)
        for (let j = 0; j < w; j++) {
          let s = 0
          for (let a = 0; a < pw; a++) s += prev[i * pw + a] * map[a * w + j]
          x[i * w + j] = (pw === w ? prev[i * w + j] : 0) + Math.tanh(s)
        }
    await writeFile(join(dir, 'dumps', `layer_${l}.npy`), encodeNpy(x, [N, w]))
    prev = x
  }
})
afterAll(async () => {
  setThreadSetting(undefined)
  await disposeEnginePool()
  await rm(dir, { recursive: true, force: true })
})

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir)
  const code = await main(['node', 'nagare', 'analyze', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

describe('nagare analyze --threads', () => {
  it('prints the same report at two threads as at one, the rows computed on the pool', async () => {
    // enough work that the engine splits it (below, the rows would stay on this thread at any setting)
    expect(layerWork(WIDTHS.map((width) => ({ n: N, width })))).toBeGreaterThan(MIN_POOLED_LAYER_WORK)
    const one = await run([join(dir, 'dumps'), '--threads', '1'])
    expect(one.code).toBe(0)
    const two = await run([join(dir, 'dumps'), '--threads', '2'])
    expect(two.code).toBe(0)
    expect(two.out).toBe(one.out)
    expect(JSON.parse(one.out).rows).toHaveLength(WIDTHS.length)
    // the engine's pool of two started its workers for this analysis (a fresh pool would have started none)
    expect(enginePool(2)?.started).toBeGreaterThanOrEqual(2)
  })

  it('refuses a thread count that is not a whole number from 1 (exit 2)', async () => {
    const r = await run([join(dir, 'dumps'), '--threads', '0'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/--threads must be a whole number from 1 to 64, got 0/)
  })
})
