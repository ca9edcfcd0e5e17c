// Chart columns of a loss curve for uPlot: x is the running epoch count (1, 2, ...; a composed DAE's
// layers follow one another), then training loss, held-out loss, the kinetic and the Jacobian terms
// (null when absent).
import type { EpochPoint } from './epochPoints'

export type LossColumns = [number[], (number | null)[], (number | null)[], (number | null)[], (number | null)[]]

export function lossColumns(points: readonly EpochPoint[]): LossColumns {
  return [
    points.map((_, i) => i + 1),
    points.map((p) => p.loss),
    points.map((p) => p.validation ?? null),
    points.map((p) => p.kinetic ?? null),
    points.map((p) => p.jacobian ?? null)
  ]
}
