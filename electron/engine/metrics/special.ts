// Special functions for the entropy estimators: digamma and log-gamma (float64).

/** digamma psi(x) for x > 0: recurrence up to x >= 6, then the asymptotic series (error < 1e-12). */
export function digamma(x: number): number {
  if (!(x > 0)) throw new Error(`digamma is implemented for x > 0, got ${x}`)
  let r = 0
  while (x < 6) {
    r -= 1 / x
    x += 1
  }
  const f = 1 / (x * x)
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - f * (691 / 32760 - f / 12))))))
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7
]

/** log Gamma(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma is implemented for x > 0, got ${x}`)
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  x -= 1
  let a = LANCZOS[0]
  const t = x + 7.5
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i)
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a)
}

/** log of the volume of the unit ball in R^m: (m/2) log pi - log Gamma(m/2 + 1). */
export function logUnitBallVolume(m: number): number {
  return (m / 2) * Math.log(Math.PI) - logGamma(m / 2 + 1)
}
