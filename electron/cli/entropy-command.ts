// `nagare entropy A [--k 5]`: the Kozachenko-Leonenko kNN entropy of a cloud (.npy or CSV) and, for
// reference, the entropy of the Gaussian with the cloud's mean and covariance, as one JSON object.
import { resolve } from 'node:path'
import { gaussianEntropy, knnEntropy } from '../engine/metrics/entropy'
import { cloudCovariance } from '../engine/metrics/moments'
import { sampleIndices } from '../engine/metrics/subsample'
import { createRng } from '../engine/sampling/random'
import { EngineError } from '../engine/errors'
import { loadCloud } from '../engine/inputs/cloud-input'
import { failure, parseNumberOptions } from './distance-command'
import type { CliIo } from './io'
import { EXIT } from './run-command'
import { type Message, message } from '../../shared/messages'

export interface RawEntropyOptions {
  k?: string
  maxPoints?: string
  seed?: string
}

export const ENTROPY_DEFAULTS = { k: 5, maxPoints: 100_000, seed: 0 }

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

export async function entropyCommand(path: string, raw: RawEntropyOptions, io: CliIo): Promise<number> {
  try {
    const o = { ...ENTROPY_DEFAULTS, ...parseNumberOptions(raw) }
    if (!Number.isInteger(o.k) || o.k < 1) throw invalid(message('errmsg.cliPositiveInteger', { flag: '--k', got: o.k }))
    if (!Number.isInteger(o.maxPoints) || o.maxPoints < 2)
      throw invalid(message('errmsg.cliIntegerAtLeast', { flag: '--max-points', min: 2, got: o.maxPoints }))
    if (!Number.isInteger(o.seed)) throw invalid(message('engine.optionNotInteger', { flag: '--seed', value: o.seed }))
    const c = await loadCloud(resolve(io.cwd, path))
    if (c.d > 3) throw invalid(message('errmsg.cliEntropyDimension', { path, d: c.d }))
    if (c.n < 2) throw invalid(message('errmsg.cliEntropyPoints', { path, n: c.n }))
    let x = c.data
    let n = c.n
    if (n > o.maxPoints) {
      const idx = sampleIndices(n, o.maxPoints, createRng(o.seed).fork('subsample-a'))
      const sub = new Float64Array(idx.length * c.d)
      for (let i = 0; i < idx.length; i++) for (let j = 0; j < c.d; j++) sub[i * c.d + j] = c.data[idx[i] * c.d + j]
      x = sub
      n = idx.length
    }
    const knn = knnEntropy(x, n, c.d, o.k)
    const gaussian = gaussianEntropy(cloudCovariance(c.data, c.n, c.d))
    io.stdout.write(
      JSON.stringify({
        estimator: 'kozachenko-leonenko',
        entropy: knn.entropy,
        unit: 'nats',
        k: knn.k,
        options: o,
        n: c.n,
        d: c.d,
        subsample: n < c.n ? n : null,
        clamped: knn.clamped,
        // JSON has no -Infinity: a singular covariance (points on a lower-dimensional set) is reported as null
        gaussian_entropy: Number.isFinite(gaussian) ? gaussian : null,
        gaussian_note: 'entropy of the Gaussian with the same mean and covariance (all points); an upper bound of the true entropy',
        input: path
      }) + '\n'
    )
    return EXIT.ok
  } catch (e) {
    return failure(io, e)
  }
}
