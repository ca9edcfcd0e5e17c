// The renderer's NPY writer (shared/npy-bytes.ts, no Node) against the engine's: byte-identical files
// for float32 and int32, and the engine's reader loads what it writes (float64 too).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeNpyBytes } from '../../../../shared/npy-bytes'
import { encodeNpy, readNpyAny } from '../../../../electron/engine/formats/npy'

describe('encodeNpyBytes', () => {
  it('writes the same bytes as the engine writer', () => {
    const f = Float32Array.from({ length: 2 * 3 * 2 }, (_, i) => i / 7 - 0.5)
    expect(Buffer.from(encodeNpyBytes(f, [2, 3, 2]))).toEqual(encodeNpy(f, [2, 3, 2]))
    const l = Int32Array.of(0, 1, 1, 0, 2)
    expect(Buffer.from(encodeNpyBytes(l, [5]))).toEqual(encodeNpy(l, [5]))
  })

  it('writes float64 that the reader loads, and refuses a shape that does not fit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nagare-npy-'))
    try {
      const d = Float64Array.of(Math.PI, -1e-300, 2 ** 60)
      await writeFile(join(dir, 'a.npy'), encodeNpyBytes(d, [3, 1]))
      const back = await readNpyAny(join(dir, 'a.npy'))
      expect(back.shape).toEqual([3, 1])
      expect(Array.from(back.data)).toEqual(Array.from(d))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    expect(() => encodeNpyBytes(new Float32Array(5), [2, 3])).toThrow(/does not fit/)
  })
})
