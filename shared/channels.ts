// The contract's method and channel names, free of imports so the sandboxed preload (which may load
// only 'electron') can bundle them; shared/contract.ts builds its schemas on this same list.
export const METHOD_NAMES = [
  'engine.info',
  'spec.validate',
  'runs.start',
  'jobs.cancel',
  'runs.list',
  'runs.get',
  'runs.trajectories',
  'runs.update',
  'runs.trash',
  'runs.restore',
  'runs.archive',
  'settings.get',
  'settings.set',
  'diagnostics.get',
  'data.preview',
  'data.import',
  'data.list',
  'data.get',
  'data.update',
  'data.trash',
  'data.restore',
  'data.fitMixture',
  'layers.start',
  'layers.list',
  'layers.get',
  'models.inspect',
  'inputs.stage',
  'layers.update',
  'layers.trash',
  'layers.restore',
  'layers.compare',
  'studies.start',
  'studies.list',
  'studies.get'
] as const

export type Method = (typeof METHOD_NAMES)[number]

/** Electron IPC channel names: one invoke channel per method, one event channel. */
export const channelOf = (m: Method): string => `nagare:${m}`
export const EVENT_CHANNEL = 'nagare:job-event'
