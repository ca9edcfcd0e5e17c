// The settings table and the training numbers of the one-page report, as label/value rows: what the run
// really read (a built-in dataset, an imported one by its name, or the distribution), the flow, model,
// training and its regularisers, particles and integration, each in words; never a raw JSON line.
import type { ExperimentSpec } from '@shared/experiment'
import type { DatasetInfo } from '@shared/dataset'
import type { RunManifest } from '@shared/run'

export type Translate = (key: string, params?: Record<string, unknown>) => string
export type FormatNumber = (v: number) => string
export interface ReportRow {
  key: string
  label: string
  value: string
}

const nameOf = (datasets: readonly DatasetInfo[], id: string): DatasetInfo | undefined => datasets.find((d) => d.id === id)

function importedText(t: Translate, datasets: readonly DatasetInfo[], id: string, columns?: number[]): string {
  const d = nameOf(datasets, id)
  if (!d) return t('training.report.importedGone', { id })
  const cols = columns ? columns.map((c) => d.featureNames[c] ?? String(c)).join(', ') : d.featureNames.join(', ')
  return t('training.report.imported', { name: d.name, id, columns: cols })
}

/** What the run read: the classifier's data (flow.data), else the distribution, in words. */
export function dataSourceText(spec: ExperimentSpec, datasets: readonly DatasetInfo[], t: Translate, f: FormatNumber): string {
  const flow = spec.flow
  if (flow.kind === 'neural-ode' && flow.task === 'classify' && flow.data) {
    return flow.data.kind === 'builtin' ? t('training.report.builtin', { name: flow.data.name }) : importedText(t, datasets, flow.data.id)
  }
  const d = spec.distribution
  if (d.kind === 'dataset') return importedText(t, datasets, d.id, d.columns)
  if (d.kind === 'preset') return t('training.report.preset', { name: d.name })
  if (d.kind === 'gaussian') return t('training.report.gaussian', { d: f(d.mean.length) })
  return t('training.report.mixture', { k: f(d.weights.length), d: f(d.means[0]?.length ?? 0) })
}

function flowText(spec: ExperimentSpec, t: Translate, f: FormatNumber): string {
  const flow = spec.flow
  switch (flow.kind) {
    case 'neural-ode':
      return t(`training.report.task.${flow.task}`)
    case 'trained-dae':
      return t('training.report.trainedDae', { t: f(flow.t) })
    case 'trained-composed-dae':
      return t('training.report.trainedComposed', { t: f(flow.t), layers: f(flow.layers) })
    case 'composed-dae':
      return t('training.report.composed', { layers: f(flow.layers) })
    case 'empirical-dae':
      return t('training.report.empirical', { bandwidth: f(flow.bandwidth), reference: f(flow.referenceSize) })
    default:
      return flow.kind
  }
}

function integrationText(spec: ExperimentSpec, t: Translate, f: FormatNumber): string {
  const i = spec.integration
  return i.solver === 'dopri5'
    ? t('training.report.adaptive', { depth: f(i.depth), rtol: f(i.rtol), atol: f(i.atol), samples: f(i.samples) })
    : t('training.report.fixed', { solver: i.solver, depth: f(i.depth), h: f(i.stepSize), samples: f(i.samples) })
}

export function reportSettings(m: RunManifest, datasets: readonly DatasetInfo[], t: Translate, f: FormatNumber): ReportRow[] {
  const spec = m.spec
  const row = (key: string, value: string): ReportRow => ({ key, label: t(`training.report.rows.${key}`), value })
  const rows = [row('data', dataSourceText(spec, datasets, t, f)), row('flow', flowText(spec, t, f))]
  const flow = spec.flow
  if ('training' in flow) {
    const m2 = flow.model
    const tr = flow.training
    rows.push(
      row(
        'model',
        t('training.report.model', { width: f(m2.width), layers: f(m2.hiddenLayers), activation: m2.activation, init: m2.init }) +
          (m2.augment > 0 ? ` · ${t('training.report.augment', { n: f(m2.augment) })}` : '')
      ),
      row(
        'training',
        t('training.report.training', { epochs: f(tr.epochs), batch: f(tr.batchSize), lr: f(tr.learningRate), optimizer: tr.optimizer, gradient: tr.gradient })
      ),
      ...(flow.kind === 'neural-ode'
        ? [
            row(
              'trainingSolver',
              t('training.report.trainingSolver', { solver: tr.solver, depth: f(tr.depth), h: f(tr.stepSize), steps: f(Math.round(tr.depth / tr.stepSize)) })
            )
          ]
        : []),
      row('regularisers', t('training.report.regularisers', { kinetic: f(tr.kinetic), jacobian: f(tr.jacobian), decay: f(tr.weightDecay) })),
      row(
        'heldOut',
        t('training.report.heldOut', { share: f(tr.validationFraction * 100) }) +
          (tr.earlyStopping ? ` · ${t('training.report.earlyStopping', { patience: f(tr.earlyStopping.patience) })}` : '')
      )
    )
  }
  rows.push(
    row('particles', t('training.report.particles', { n: f(m.particleCount), kind: spec.particles.kind, seed: f(spec.seed) })),
    row('integration', integrationText(spec, t, f))
  )
  return rows
}

/** The trained run's results: accuracy or log-likelihood, the final losses and each regulariser's term. */
export function trainingNumbers(m: RunManifest, t: Translate, f: FormatNumber, pct: FormatNumber): ReportRow[] {
  const tr = m.training
  if (!tr) return []
  const out: ReportRow[] = []
  const add = (key: string, value: number | null | undefined, format = f): void => {
    if (typeof value === 'number' && Number.isFinite(value)) out.push({ key, label: t(`training.report.numbers.${key}`), value: format(value) })
  }
  const held = (tr as { heldOut?: { accuracy?: number; logLikelihood?: number } }).heldOut
  add('accuracy', held?.accuracy, pct)
  add('logLikelihood', held?.logLikelihood)
  add('trainLoss', tr.final.trainLoss)
  add('validationLoss', tr.final.validationLoss)
  add('kinetic', tr.final.kinetic)
  add('jacobian', tr.final.jacobian)
  add('weightNorm', tr.final.weightNorm)
  add('epochs', tr.epochsRun)
  add('nfeTraining', tr.nfe.training)
  return out
}
