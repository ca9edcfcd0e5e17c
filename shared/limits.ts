// Hard limits shared by the validator, the engine and the UI, so every layer refuses the same things.
export const LIMITS = {
  minDimension: 1,
  maxDimension: 3,
  maxComponents: 64,
  maxParticles: 1_000_000,
  maxPoints: 100_000,
  maxSamples: 1_000,
  maxSteps: 1_000_000,
  /** trajectories kept in memory and written to disk: samples x N x D x 4 bytes */
  maxTrajectoryBytes: 1024 * 1024 * 1024,
  /** particles x integration steps of one run (dopri5: x maxSteps), about an hour of closed-form flow */
  maxParticleSteps: 10_000_000_000,
  /** largest |entry| of a covariance: sampling takes its square root and densities its determinant */
  maxCovarianceEntry: 1e12,
  maxComposedLayers: 10_000,
  maxReferenceSize: 20_000,
  maxNameLength: 120,
  /** particles integrated at once; larger N is processed chunk by chunk */
  chunkSize: 131_072,
  /** bytes of a request over the browser-mode socket (room for one base64 upload of maxUploadBytes) */
  maxMessageBytes: 72 * 1024 * 1024,
  /** bytes of one imported file (data, model weights, activation dumps) sent from the UI */
  maxUploadBytes: 48 * 1024 * 1024,
  /** files in one upload (a model.json with its weight shards, or a folder of layer dumps) */
  maxUploadFiles: 256
} as const

export const SPEC_VERSION = 1
