// Flags on a run's per-depth metrics (run.json `metrics`), raised where the manifest is written: depths
// where the kinetic energy density spikes far above its median over depth, and depths where the point
// pairs that started apart merge beyond a threshold. Each flag carries a remedy in the flow's terms: for
// Nagare's trained flows the `flow` remedies of the layer flags (raise training.kinetic / training.jacobian,
// a smaller step size, other depth), for closed-form flows only the step size and the depth can change.
import type { DepthMetrics, RunFlag } from '../../../shared/run'
import { isTrainedKind } from '../../../shared/trained-spec'
import { message, stored, type MessageKey, type StoredMessage } from '../../../shared/messages'

/** Documented thresholds of the run flags. */
export const RUN_FLAG_THRESHOLDS = {
  /**
   * flag a depth sample whose mean |v|^2 (the kinetic energy density, whose integral over depth is the
   * kinetic energy) is more than this many times the median of the run's samples: a flow that does most
   * of its motion in a short stretch of depth, which the kinetic regulariser evens out. Same factor as the
   * layer flags' motion threshold (electron/engine/layers/flags.ts FLAG_THRESHOLDS.motion).
   */
  kineticSpike: 3,
  /** flag a depth where more than this share of the seeded pairs apart at the input are merged (as FLAG_THRESHOLDS.merging) */
  merging: 0.05,
  /** the median of fewer samples says nothing about a spike: no kinetic flag below this many */
  minKineticSamples: 3
} as const

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const pct = (x: number): string => `${Math.round(x * 100)}%`
const depthText = (d: number): string => String(Number(d.toPrecision(3)))

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** The samples where `over` holds, grouped into stretches of consecutive samples. */
function stretches(metrics: DepthMetrics[], over: (m: DepthMetrics) => boolean): number[][] {
  const out: number[][] = []
  metrics.forEach((m, i) => {
    if (!over(m)) return
    const prev = out[out.length - 1]
    if (prev && prev[prev.length - 1] === i - 1) prev.push(i)
    else out.push([i])
  })
  return out
}

/**
 * The flags of a run's per-depth metrics: one kinetic flag per stretch of spiking samples (at its peak)
 * and one merging flag per stretch over the merging threshold (at the depth it first crosses it).
 * `flowKind` is the spec's flow kind: it picks the remedy. Metrics without kinetic energy or merging
 * (runs of maps, old runs) raise none of that kind.
 */
export function runFlags(metrics: DepthMetrics[], flowKind: string, thresholds = RUN_FLAG_THRESHOLDS): RunFlag[] {
  const trained = isTrainedKind(flowKind)
  const remedy = (key: MessageKey): StoredMessage => stored(message(trained ? key : 'fin13.remedyUntrained'))
  const flags: RunFlag[] = []

  const msv = metrics.map((m) => m.meanSquaredVelocity).filter(finite)
  const mid = msv.length >= thresholds.minKineticSamples ? median(msv) : 0
  // a flow at rest (median 0) has no scale to spike against
  if (mid > 0) {
    const ratio = (m: DepthMetrics): number => (finite(m.meanSquaredVelocity) ? m.meanSquaredVelocity / mid : 0)
    for (const s of stretches(metrics, (m) => ratio(m) > thresholds.kineticSpike)) {
      const peak = s.reduce((a, b) => (ratio(metrics[b]) > ratio(metrics[a]) ? b : a))
      const r = ratio(metrics[peak])
      flags.push({
        kind: 'kinetic',
        sample: peak,
        depth: metrics[peak].depth,
        value: r,
        threshold: thresholds.kineticSpike,
        message: stored(message('fin13.flagKinetic', { depth: depthText(metrics[peak].depth), ratio: r.toFixed(1), threshold: thresholds.kineticSpike })),
        remedy: remedy('shift.remedyMotionFlow')
      })
    }
  }

  for (const s of stretches(metrics, (m) => finite(m.mergedFraction) && m.mergedFraction > thresholds.merging)) {
    const first = metrics[s[0]]
    const fraction = first.mergedFraction as number
    flags.push({
      kind: 'merging',
      sample: s[0],
      depth: first.depth,
      value: fraction,
      threshold: thresholds.merging,
      message: stored(message('fin13.flagMerging', { depth: depthText(first.depth), fraction: pct(fraction), threshold: pct(thresholds.merging) })),
      remedy: remedy('shift.remedyMergingFlow')
    })
  }
  return flags.sort((a, b) => a.sample - b.sample)
}
