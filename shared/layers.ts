// Layer analyses of existing models (TF.js Layers models or activation dumps), kept in
// <workspace>/analyses/<id>/: the summary the history lists and what the analysis page reads.
export interface LayerAnalysisSummary {
  id: string
  name: string
  createdAt: string
  status: 'complete' | 'unreadable'
  source?: 'tfjs-model' | 'dumps'
  layerCount?: number
  n?: number
  flagCount?: number
  problem?: string
}

export interface LayerAnalysis {
  id: string
  name: string
  createdAt: string
  source: 'tfjs-model' | 'dumps'
  /** the per-layer report (rows, flags, stretches), JSON-safe (no Infinity: null) */
  report: unknown
  /** PCA projection of every layer's points, fitted once per model: [layers, N, 3] */
  projection?: { shape: [number, number, number]; data: Float32Array; labels?: Int32Array; layerNames: string[]; explainedVariance: number[] }
}
