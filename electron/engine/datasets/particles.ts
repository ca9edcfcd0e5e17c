// An imported dataset as a run's data (distribution {"kind":"dataset","id","columns"}): the particles are
// `count` of its rows, restricted to the chosen feature columns, a seeded subsample kept in file order
// (all rows when count equals the row count), coloured by the dataset's label column when it has one.
import { fieldErrorsMessage, type ExperimentSpec } from '../../../shared/experiment'
import { type Message, message, messageOf } from '../../../shared/messages'
import type { Particles } from '../sampling/particles'
import type { Rng } from '../sampling/random'
import { EngineError } from '../errors'
import { shuffledIndices } from '../training/minibatch'
import { loadDataset } from './store'

export interface DatasetParticles extends Particles {
  /** the label column's class names, when the dataset has labels */
  classes?: string[]
  note: Message
}

const fieldError = (field: string, m: Message): EngineError =>
  new EngineError('invalid-spec', message('engine.invalidSpec', { errors: fieldErrorsMessage([{ field, message: m }]) }), [{ field, message: m }])

export async function datasetParticles(spec: ExperimentSpec, workspace: string | undefined, rng: Rng): Promise<DatasetParticles> {
  const d = spec.distribution
  const p = spec.particles
  if (d.kind !== 'dataset' || p.kind !== 'sample') throw new EngineError('internal', message('trainui.datasetNeedsSample'))
  if (!workspace) throw fieldError('distribution.id', message('engine.datasetNeedsWorkspace'))
  let ds: Awaited<ReturnType<typeof loadDataset>>
  try {
    ds = await loadDataset(workspace, d.id)
  } catch (e) {
    throw fieldError('distribution.id', messageOf(e) ?? message('errmsg.internal', { detail: (e as Error).message }))
  }
  for (const c of d.columns)
    if (c >= ds.d) throw fieldError('distribution.columns', message('trainui.datasetColumnOutside', { column: c, id: d.id, d: ds.d, last: ds.d - 1 }))
  if (p.count > ds.n) throw fieldError('particles.count', message('trainui.datasetFewerRows', { id: d.id, rows: ds.n, count: p.count }))
  const rows = p.count === ds.n ? Int32Array.from({ length: ds.n }, (_, i) => i) : shuffledIndices(ds.n, rng).slice(0, p.count).sort()
  const dim = d.columns.length
  const positions = new Float32Array(p.count * dim)
  rows.forEach((row, r) => d.columns.forEach((c, j) => (positions[r * dim + j] = ds.points[row * ds.d + c])))
  const note = message('trainui.noteDatasetParticles', {
    count: p.count,
    rows: ds.n,
    name: ds.name,
    columns: d.columns.map((c) => ds.featureNames[c] ?? String(c)).join(', ')
  })
  const out: DatasetParticles = { positions, count: p.count, dim, note }
  if (ds.labels) {
    out.labels = Int32Array.from(rows, (row) => ds.labels![row])
    if (ds.classes) out.classes = ds.classes
  }
  return out
}
