// The runner for trained flows (trained-dae, trained-composed-dae, neural-ode): train (progress between
// batches, cancel within one batch), transport the particles through the trained flow, compute the
// same depth metrics as every run, the training report (run.json "training") and the saved model.
import { isTrainedKind, resolveDistribution, type ExperimentSpec, type TrainedFlowSpec } from '../../../../shared/experiment'
import type { EpochRecord, TrainingReport } from '../../../../shared/training'
import { fieldVelocitySampler } from '../../metrics/depth-velocity'
import { readCheckpoint, removeCheckpoint, specKey, writeCheckpoint } from '../../checkpoints/store'
import { createRng } from '../../sampling/random'
import { EngineError } from '../../errors'
import { modelFiles, MODEL_DIR } from '../../models/model-io'
import type { RunContent } from '../../runs/run-folder'
import { integrate, sampleDepths, solverOptionsOf } from '../../solvers/integrate'
import { appVersion } from '../../version'
import type { JobContext } from '../context'
import { PROGRESS_METRICS } from '../progress'
import { checkSpec, type RunExperimentOptions } from '../run-options'
import { runTail } from '../run-tail'
import { closedFormComparison, densityNumbers, qualityNumbers } from './report'
import { trainedFlow, trainFor } from './flow-kinds'
import type { TransportResult } from '../transport'
import { message, type Message } from '../../../../shared/messages'
import type { TrainingProgress } from '../../../../shared/job-progress'

export { isTrainedKind }

/** progress shares: training up to 0.7, transport to 0.85, metrics and the report to 0.97 */
export const PROGRESS_TRAINING = 0.7
/** at most ~10 progress messages per second during training */
export const PROGRESS_INTERVAL_MS = 100

function checkTrainedSpec(value: unknown): ExperimentSpec {
  const spec = checkSpec(value)
  if (!isTrainedKind(spec.flow.kind)) throw new EngineError('invalid-spec', message('engine.notTrainedFlow', { kind: spec.flow.kind }))
  return spec
}

/** Total optimiser steps a spec's training takes (for the progress fraction). */
function totalBatches(spec: ExperimentSpec): number {
  const flow = spec.flow as TrainedFlowSpec
  const t = flow.training
  const n = flow.kind === 'neural-ode' && flow.task === 'classify' && spec.particles.kind === 'sample' ? spec.particles.count : t.samples
  const perEpoch = Math.ceil((n * (1 - t.validationFraction)) / t.batchSize)
  return Math.max(1, perEpoch * t.epochs * stageCount(spec))
}

/** Layers or stages trained one after another (1 for a single field). */
function stageCount(spec: ExperimentSpec): number {
  const flow = spec.flow as TrainedFlowSpec
  const t = flow.training
  return flow.kind === 'trained-composed-dae' ? flow.layers : flow.kind === 'neural-ode' && flow.task === 'transport' ? Math.round(t.depth / t.stepSize) : 1
}

/**
 * Progress with the last epoch's numbers (loss, kinetic term, NFE, time per epoch, time left) as data,
 * throttled to PROGRESS_INTERVAL_MS; the numbers ride along on every batch's event so the newest event
 * always holds the newest epoch.
 */
export function trainingProgress(
  ctx: JobContext,
  total: number,
  epochs: number,
  stages: number,
  clock: () => number = () => performance.now()
): { batch(): void; epoch(r: EpochRecord): void } {
  let done = 0
  let last = -Infinity
  let nfe = 0
  let epochsDone = 0
  const started = clock()
  let phase = message('engine.progressTraining')
  let numbers: TrainingProgress | undefined
  const emit = (force: boolean): void => {
    const now = Date.now()
    if (!force && now - last < PROGRESS_INTERVAL_MS) return
    last = now
    ctx.progress((PROGRESS_TRAINING * Math.min(done, total)) / total, undefined, phase, numbers)
  }
  return {
    batch() {
      done++
      emit(false)
    },
    epoch(r) {
      nfe += r.nfe
      epochsDone++
      const elapsedSeconds = (clock() - started) / 1000
      // counted by position, not by this job's epochs: a resumed job starts after its checkpoint
      const epochsLeft = Math.max(0, epochs * stages - ((r.layer ?? 0) * epochs + r.epoch + 1))
      numbers = {
        epoch: r.epoch + 1,
        epochs,
        ...(r.layer !== undefined ? { layer: r.layer + 1, layers: stages } : {}),
        loss: r.trainLoss,
        ...(r.validationLoss !== null ? { validationLoss: r.validationLoss } : {}),
        ...(r.validationAccuracy !== undefined ? { accuracy: r.validationAccuracy } : {}),
        ...(r.kinetic !== null ? { kinetic: r.kinetic } : {}),
        ...(r.jacobian !== undefined ? { jacobian: r.jacobian } : {}),
        nfe,
        secondsPerEpoch: r.seconds,
        elapsedSeconds,
        etaSeconds: (elapsedSeconds / epochsDone) * epochsLeft
      }
      phase =
        r.layer !== undefined
          ? message('notemsg.progressEpochLayer', { layer: r.layer + 1, layers: stages, epoch: r.epoch + 1, epochs })
          : message('notemsg.progressEpoch', { epoch: r.epoch + 1, epochs })
      emit(true)
    }
  }
}

function weightNorm(values: { values: Float32Array }[]): number {
  let s = 0
  for (const w of values) for (const v of w.values) s += v * v
  return Math.sqrt(s)
}

/** composed DAEs and the learned continuous DAE train in layers/stages (their curve rows carry `layer`) */
function isStaged(flow: TrainedFlowSpec): boolean {
  return (flow.kind === 'trained-composed-dae' && flow.layers > 1) || (flow.kind === 'neural-ode' && flow.task === 'transport')
}

function resumedNote(r: { epoch: number; layer?: number }, flow: TrainedFlowSpec): Message {
  const params = { epoch: r.epoch, epochs: flow.training.epochs }
  if (r.layer === undefined) return message('engine.noteResumed', params)
  return message(flow.kind === 'neural-ode' ? 'engine.noteResumedStage' : 'engine.noteResumedLayer', { ...params, index: r.layer + 1 })
}

export async function runTrainedExperiment(specInput: unknown, options: RunExperimentOptions): Promise<RunContent> {
  const now = options.now ?? (() => new Date())
  const { ctx } = options
  const spec = checkTrainedSpec(specInput)
  const flowSpec = spec.flow as TrainedFlowSpec
  const createdAt = now()
  const started = performance.now()
  const seed = flowSpec.training.seed ?? spec.seed
  const progress = trainingProgress(ctx, totalBatches(spec), flowSpec.training.epochs, stageCount(spec))
  await ctx.checkpoint()
  // checkpoints after every epoch need a workspace; one left by an interrupted run of the same spec resumes
  const { workspace } = options
  const key = workspace ? specKey(spec) : undefined
  const saved = workspace && key ? await readCheckpoint(workspace, key) : undefined
  const checkpointNotes: Message[] = saved?.kind === 'unusable' ? [message('engine.noteCheckpointUnreadable', { reason: saved.reason })] : []
  const setup = await trainFor(
    spec,
    createRng(seed).fork('training'),
    createRng(spec.seed).fork('particles'),
    {
      onBatch: async () => {
        progress.batch()
        await ctx.checkpoint()
      },
      onEpoch: (r) => progress.epoch(r)
    },
    {
      ...(workspace ? { workspace } : {}),
      ...(saved?.kind === 'ok' ? { checkpoint: saved.checkpoint } : {}),
      // a checkpoint that cannot be written costs the ability to resume, not the run
      ...(workspace && key
        ? {
            save: (cp) =>
              writeCheckpoint(workspace, key, cp).catch((e: unknown) => {
                if (checkpointNotes[checkpointNotes.length - 1]?.key !== 'engine.noteCheckpointUnwritable')
                  checkpointNotes.push(message('engine.noteCheckpointUnwritable', { reason: (e as Error).message }))
              })
          }
        : {})
    }
  )
  try {
    const { model, particles, result } = setup
    const depths = sampleDepths(spec.integration.depth, spec.integration.samples)
    const flow = trainedFlow(setup, spec)
    const N = particles.count
    // the per-depth analysis reads the trained field's velocity (not with ANODE coordinates, which the
    // trajectories leave out: there the implied velocity is used), the class labels, and the Gaussian
    // shape for trained DAEs of one Gaussian
    const dist = resolveDistribution(spec.distribution)
    const analysis = {
      ...(flow.type === 'field' && flowSpec.model.augment === 0 ? { velocity: fieldVelocitySampler(flow.field) } : {}),
      ...(particles.labels ? { labels: particles.labels } : {}),
      // the notes call the labels classes for a classification, mixture components otherwise
      ...((flowSpec.kind === 'neural-ode' && flowSpec.task === 'classify') || dist.kind === 'dataset' ? { labelKind: 'class' as const } : {}),
      gaussianShape: flowSpec.kind !== 'neural-ode' && dist.kind === 'mixture' && dist.weights.length === 1
    }
    // "resumed from epoch k": the checkpoint was written after epoch k (1-based) of its layer or stage
    const resumed = setup.resumedFrom ? { epoch: setup.resumedFrom.epochsDone, ...(isStaged(flowSpec) ? { layer: setup.resumedFrom.stage } : {}) } : undefined
    const version = options.appVersion ?? appVersion()
    const classify = flowSpec.kind === 'neural-ode' && flowSpec.task === 'classify'
    // the training report needs the transported particles: it is written once the metrics are done
    const report = async (moved: TransportResult): Promise<TrainingReport> => {
      ctx.progress(PROGRESS_METRICS, undefined, message('engine.progressRobustness'))
      const quality = await qualityNumbers(setup)
      await ctx.checkpoint()
      const final = moved.trajectories.subarray((depths.length - 1) * N * particles.dim)
      const closedForm = await closedFormComparison(spec, setup, particles.positions, final, N)
      const density = densityNumbers(setup, seed)
      const last = result.curve[result.curve.length - 1]
      const weights = model.getWeights()
      return {
        task: model.meta.task,
        modelDir: MODEL_DIR,
        parameterCount: model.parameterCount,
        ...(model.meta.classes ? { classes: model.meta.classes } : {}),
        seed,
        trainingSamples: result.trainCount,
        validationSamples: result.validationCount,
        epochsRun: result.curve.length,
        stoppedEarly: result.stoppedEarly,
        curve: result.curve,
        final: {
          trainLoss: last?.trainLoss ?? Number.NaN,
          validationLoss: last?.validationLoss ?? null,
          kinetic: last?.kinetic ?? null,
          ...(last?.jacobian !== undefined ? { jacobian: last.jacobian } : {}),
          weightNorm: weightNorm(weights)
        },
        nfe: { training: result.nfe, evaluation: moved.stats.nfe },
        ...(quality.heldOut ? { heldOut: quality.heldOut } : {}),
        ...density,
        ...(closedForm ? { closedForm } : {}),
        robustness: quality.robustness,
        ...(resumed ? { resumedFrom: resumed } : {}),
        wallSeconds: (performance.now() - started) / 1000
      }
    }
    const content = await runTail({
      spec,
      ctx,
      backend: options.backend,
      appVersion: version,
      createdAt,
      now,
      flow,
      particles,
      labelKind: classify || dist.kind === 'dataset' ? 'class' : 'component',
      depths,
      integrate,
      solverOptions: solverOptionsOf(spec.integration),
      progressStart: PROGRESS_TRAINING,
      analysis: { rng: createRng(spec.seed).fork('metrics'), ...analysis },
      // training awaited every checkpoint write, so checkpointNotes is complete here
      notes: [...checkpointNotes, ...(resumed ? [resumedNote(resumed, flowSpec)] : []), ...setup.notes],
      finish: async (moved) => ({
        training: await report(moved),
        notes: [
          ...(classify ? [message('engine.noteClassification', { n: N, data: setup.dataDescription ?? message('engine.theDataset') })] : []),
          ...(flowSpec.model.augment > 0 ? [message('engine.noteAugmented', { count: flowSpec.model.augment })] : [])
        ]
      })
    })
    // the run is complete: the checkpoint has served its purpose
    if (workspace && key) await removeCheckpoint(workspace, key).catch(() => undefined)
    return { ...content, extra: modelFiles(model, `Nagare ${version}`) }
  } finally {
    setup.model.dispose()
  }
}
