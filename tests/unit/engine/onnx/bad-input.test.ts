// Bad ONNX input, each refused with a message that says what is wrong (EngineError 'invalid-request'):
// truncated and corrupt files, an operator the runtime lacks, weights in an external data file, a file over
// the size cap (a sparse file, so nothing is read), a model input Nagare cannot feed.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EngineError } from '../../../../electron/engine/errors'
import { inspectOnnx, readOnnxFile, recordOnnx } from '../../../../electron/engine/onnx'
import { ONNX_LIMITS } from '../../../../shared/onnx'
import { loadFixture, ONNX_FIX } from './onnx-fixtures'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-onnx-bad-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError)
    expect((e as EngineError).code).toBe('invalid-request')
    return (e as Error).message
  }
  throw new Error('expected a refusal')
}

const x4 = { values: new Float32Array(12), n: 3, sampleShape: [4] }

describe('bad ONNX input', () => {
  it('refuses a truncated model', async () => {
    const bytes = loadFixture('rescnn').bytes
    expect(await refusal(inspectOnnx(bytes.subarray(0, 5000), 'cut.onnx'))).toMatch(/^cut\.onnx is not a readable ONNX model \(truncated or corrupt: /)
  })

  it('refuses bytes that are not a model (random bytes, a text file)', async () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)
    expect(await refusal(inspectOnnx(noise, 'noise.onnx'))).toMatch(/^noise\.onnx (is not a readable ONNX model|holds no graph)/)
    expect(await refusal(inspectOnnx(new TextEncoder().encode('{"format": "layers-model"}\n'), 'model.json'))).toMatch(
      /^model\.json (is not a readable ONNX model|holds no graph)/
    )
  })

  it('refuses an operator onnxruntime lacks, naming it', async () => {
    const bytes = new Uint8Array(readFileSync(join(ONNX_FIX, 'custom-op.onnx')))
    const m = await refusal(recordOnnx(bytes, { values: new Float32Array(6), n: 3, sampleShape: [2] }, { file: 'custom-op.onnx', layers: ['y'] }))
    expect(m).toMatch(/^custom-op\.onnx uses an operator that onnxruntime \(CPU\) does not implement: .*Frobnicate/)
  })

  it('refuses weights in an external data file, naming them', async () => {
    const bytes = new Uint8Array(readFileSync(join(ONNX_FIX, 'external', 'model.onnx')))
    const m = await refusal(recordOnnx(bytes, x4, { file: 'model.onnx' }))
    expect(m).toMatch(/^model\.onnx keeps weights in an external data file \(fc1\.weight, fc1\.bias, fc2\.weight, \.\.\.\)/)
  })

  it('refuses a file over the size cap before reading it, and an empty one', async () => {
    const big = join(dir, 'big.onnx')
    await writeFile(big, '')
    await truncate(big, ONNX_LIMITS.maxModelBytes + 1)
    // byte counts of five digits or more are written grouped (536,870,913)
    const grouped = (n: number): string => n.toLocaleString('en-US')
    expect(await refusal(readOnnxFile(big))).toBe(
      `${big} is ${grouped(ONNX_LIMITS.maxModelBytes + 1)} bytes, over the limit of ${grouped(ONNX_LIMITS.maxModelBytes)} bytes for an ONNX model`
    )
    const empty = join(dir, 'empty.onnx')
    await writeFile(empty, '')
    expect(await refusal(readOnnxFile(empty))).toBe(`${empty} is empty`)
  })

  it('refuses data of the wrong shape and too few samples', async () => {
    const f = loadFixture('mlp')
    expect(await refusal(recordOnnx(f.bytes, { values: new Float32Array(15), n: 3, sampleShape: [5] }))).toBe(
      "the data's samples have shape [5], but the model's input input takes [4] per sample (shape [batch, 4])"
    )
    expect(await refusal(recordOnnx(f.bytes, { values: new Float32Array(8), n: 2, sampleShape: [4] }))).toBe('need at least 3 points, got 2')
  })
})
