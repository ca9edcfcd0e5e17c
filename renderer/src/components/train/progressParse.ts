// Reads the training progress messages the engine emits (electron/engine/jobs/train-runner.ts), e.g.
//   "epoch 3/20 · loss 0.1234 · validation 0.1301 · accuracy 0.9125 · kinetic 0.0123 · NFE 400 · 0.12 s/epoch"
//   "layer 2/4 epoch 5/10 · loss 0.0101 · NFE 1200 · 0.05 s/epoch"       (composed DAE, transport stages)
// and the plainer "epoch 3/20 loss 0.1234 kinetic 0.01 jacobian 0 nfe 400 1.2s". Other messages
// ("training", "metrics", ...) are not epoch records and give null. Also folds records into a curve.

export interface EpochPoint {
  /** composed DAE: the layer (1-based, as in the message) */
  layer?: number
  /** layers or stages trained one after another, when the message says */
  totalLayers?: number
  /** 1-based epoch number (within the layer for a composed DAE) */
  epoch: number
  totalEpochs?: number
  loss: number
  validation?: number
  /** classification: held-out accuracy (0 to 1) at the end of the epoch */
  accuracy?: number
  kinetic?: number
  jacobian?: number
  /** cumulative forward field evaluations so far */
  nfe?: number
  secondsPerEpoch?: number
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const num = (s: string | undefined): number | undefined => (s !== undefined && NUMBER.test(s) ? Number(s) : undefined)
const VALUE_KEYS: Record<string, keyof EpochPoint> = {
  loss: 'loss',
  validation: 'validation',
  val: 'validation',
  accuracy: 'accuracy',
  kinetic: 'kinetic',
  jacobian: 'jacobian',
  nfe: 'nfe'
}

/** The epoch record in one progress message, or null when the message is not one. */
export function parseProgress(message: string | null | undefined): EpochPoint | null {
  if (!message) return null
  const tokens = message.split(/[\s·,;|]+/).filter(Boolean)
  const out: Partial<EpochPoint> = {}
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i].toLowerCase().replace(/[:=]$/, '')
    const next = tokens[i + 1]
    if (key === 'epoch' && next) {
      const m = /^(\d+)(?:\/(\d+))?$/.exec(next)
      if (m) {
        out.epoch = Number(m[1])
        if (m[2]) out.totalEpochs = Number(m[2])
        i++
      }
    } else if (key === 'layer' && next && /^\d+(\/\d+)?$/.test(next)) {
      const [layer, total] = next.split('/')
      out.layer = Number(layer)
      if (total) out.totalLayers = Number(total)
      i++
    } else if (key in VALUE_KEYS && num(next) !== undefined) {
      ;(out as Record<string, number>)[VALUE_KEYS[key]] = num(next)!
      i++
    } else {
      // "0.12 s/epoch", "0.12s/epoch", "1.2s", "1.2 s"
      const glued = /^([-+]?[\d.]+(?:[eE][-+]?\d+)?)s(?:\/epoch)?$/.exec(tokens[i])
      if (glued && num(glued[1]) !== undefined) out.secondsPerEpoch = Number(glued[1])
      else if (num(tokens[i]) !== undefined && next && /^s(\/epoch)?$/.test(next)) {
        out.secondsPerEpoch = Number(tokens[i])
        i++
      }
    }
  }
  if (out.epoch === undefined || out.loss === undefined || !Number.isFinite(out.loss)) return null
  return out as EpochPoint
}

/** The same epoch (and layer) as `p`: the engine repeats its last epoch message between batches. */
export const sameEpoch = (a: EpochPoint, b: EpochPoint): boolean => a.epoch === b.epoch && a.layer === b.layer

/** The curve with `p` appended, or the last record replaced when `p` repeats its epoch. */
export function appendPoint(curve: readonly EpochPoint[], p: EpochPoint): EpochPoint[] {
  const last = curve[curve.length - 1]
  if (last && sameEpoch(last, p)) return [...curve.slice(0, -1), p]
  return [...curve, p]
}

/** run.json's training.curve (any shape; unreadable rows are skipped) as chart points. */
export function curveToPoints(curve: unknown): EpochPoint[] {
  if (!Array.isArray(curve)) return []
  const out: EpochPoint[] = []
  let nfe = 0
  for (const r of curve as Record<string, unknown>[]) {
    if (typeof r !== 'object' || r === null || typeof r.trainLoss !== 'number' || typeof r.epoch !== 'number') continue
    if (typeof r.nfe === 'number') nfe += r.nfe
    out.push({
      epoch: r.epoch + 1,
      ...(typeof r.layer === 'number' ? { layer: r.layer + 1 } : {}),
      loss: r.trainLoss,
      ...(typeof r.validationLoss === 'number' ? { validation: r.validationLoss } : {}),
      ...(typeof r.validationAccuracy === 'number' ? { accuracy: r.validationAccuracy } : {}),
      ...(typeof r.kinetic === 'number' ? { kinetic: r.kinetic } : {}),
      ...(typeof r.jacobian === 'number' ? { jacobian: r.jacobian } : {}),
      nfe,
      ...(typeof r.seconds === 'number' ? { secondsPerEpoch: r.seconds } : {})
    })
  }
  return out
}
