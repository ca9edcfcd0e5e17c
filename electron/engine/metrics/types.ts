// Shared shapes for the analysis metrics: a particle cloud is a flat row-major [n * D] array, and the
// only randomness the metrics need (directions, subsamples) comes from a seeded source like data/random's Rng.
export type Cloud = Float32Array | Float64Array

/** The part of the engine's seeded Rng that the metrics use (structural, so tests can pass their own). */
export interface RandomSource {
  /** uniform on [0, 1) */
  uniform(): number
  /** standard normal */
  normal(): number
}
