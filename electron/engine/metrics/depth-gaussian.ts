// The paper's Gaussian shape coordinates: (sigma_1, sigma_2, ...) = square roots of the covariance
// eigenvalues, and the W2 gradient flow of Shannon entropy from a start, which for a Gaussian is the
// backward heat equation Sigma_t = Sigma_0 - 2tI (Sonoda & Murata 2019): sigma_i(t) = sqrt(sigma_i^2 - 2t).
import { symmetricEigenvalues } from '../../../shared/matrix'

/** Square roots of the eigenvalues of a covariance, descending (tiny negative rounding clamps to 0). */
export function shapeSigmas(covariance: number[][]): number[] {
  return symmetricEigenvalues(covariance)
    .map((v) => Math.sqrt(Math.max(0, v)))
    .reverse()
}

/**
 * sigma_i(t) of the W2 gradient flow of entropy started at `start` (each sqrt(sigma_i^2 - 2t));
 * null for an axis at or past its singular time sigma_i^2 / 2, where the flow is undefined.
 */
export function gradientFlowSigmas(start: readonly number[], t: number): (number | null)[] {
  return start.map((s) => {
    const v = s * s - 2 * t
    return v > 0 ? Math.sqrt(v) : null
  })
}
