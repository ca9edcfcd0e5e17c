// Before/after comparison of two layer analyses (the same data through two models, or one model on two
// data sets): the per-layer table of both with the differences, as `nagare compare-analyses` prints it and
// the layers.compare channel returns it. Layers are matched by name when both analyses name them alike,
// else by position; the result says which.

/** The per-layer numbers compared (LayerRow fields, then the shift distances of a shift analysis). */
export const COMPARED_METRICS = [
  'width',
  'knnPreservation',
  'distanceCorrelation',
  'ckaToInput',
  'ckaToPrevious',
  'entropy',
  'separability',
  'merging',
  'update',
  'w2FromPrevious',
  'velocity',
  'kineticEnergy',
  'motionRatio',
  'shiftEnergy',
  'shiftMmd',
  'shiftSlicedW2'
] as const
export type ComparedMetric = (typeof COMPARED_METRICS)[number]

/** One metric on both sides: b - a (null when either side has none). */
export interface MetricPair {
  a: number | null
  b: number | null
  diff: number | null
}

export interface ComparedLayer {
  /** the row in each analysis (null: this layer has no partner on that side) */
  a: { index: number; name: string } | null
  b: { index: number; name: string } | null
  metrics: Record<ComparedMetric, MetricPair>
  /** flag kinds raised at this layer on each side */
  flagsA: string[]
  flagsB: string[]
}

export interface ComparedSide {
  id?: string
  name: string
  layerCount: number
  flagCount: number
  n: number
}

export interface AnalysisComparison {
  version: 1
  a: ComparedSide
  b: ComparedSide
  /**
   * 'name': every layer name is unique on both sides and at least one is shared (layers without a
   * namesake are listed unpaired); 'index': names differ or repeat, so rows are paired by position.
   */
  matchedBy: 'name' | 'index'
  layers: ComparedLayer[]
  /** sums over the paired layers (kinetic energy: the total motion the regularizer should lower) */
  totals: { kineticEnergy: MetricPair; merging: MetricPair; flags: MetricPair }
}
