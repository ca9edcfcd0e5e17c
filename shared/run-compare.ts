// Before/after comparison of two runs of Nagare's flows (e.g. a flagged run and its re-train with kinetic
// or Jacobian regularization): per-depth metrics of both and b - a, paired by depth when the two runs
// sample the same depths, else by the share of the total depth; totals say how much kinetic energy the
// change removed.

export const RUN_COMPARED_METRICS = ['kineticEnergy', 'meanSquaredVelocity', 'pathLength', 'mergedFraction', 'slicedW2ToInput', 'speed', 'entropy', 'separability'] as const
export type RunComparedMetric = (typeof RUN_COMPARED_METRICS)[number]

export interface RunMetricPair {
  a: number | null
  b: number | null
  diff: number | null
}

export interface ComparedDepth {
  /** sample index and depth on each side */
  a: { sample: number; depth: number }
  b: { sample: number; depth: number }
  metrics: Record<RunComparedMetric, RunMetricPair>
}

export interface RunComparison {
  version: 1
  a: { id?: string; name: string; samples: number; depth: number }
  b: { id?: string; name: string; samples: number; depth: number }
  /** 'depth': both runs sample the same depths; 'fraction': b's sample nearest the same share of its total depth */
  matchedBy: 'depth' | 'fraction'
  depths: ComparedDepth[]
  /** the final cumulative kinetic energy of each run, b - a, and the drop as a share of a's (null without kinetic energy) */
  kineticEnergy: RunMetricPair & { drop: number | null }
}
