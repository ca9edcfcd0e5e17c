// The training wizard's draft: the form values (numbers null while a field is empty), the spec they
// build, parseSpec's field errors on every change, the cost once valid, presets, and loading a spec file.
// Lives in a store so Back and forth (and leaving the screen) never loses input.
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { isTrainedKind, parseSpec, type ExperimentSpec, type FieldError, type SpecResult, type TrainedFlowSpec } from '@shared/experiment'
import type { PresetName } from '@shared/presets'
import { SPEC_VERSION } from '@shared/limits'
import {
  buildTrainSpec,
  presetValues,
  stepOfField,
  taskDefaults,
  TRAIN_STEPS,
  type TrainDraftValues,
  type TrainPreset,
  type TrainStepKey,
  type TrainTask
} from '@/components/train/trainSpec'
import { estimateTrainCost, type TrainCost } from '@/components/train/trainCost'

export function initialTrainValues(): TrainDraftValues {
  return {
    name: '',
    seed: 7,
    task: 'classify',
    dataset: 'moons',
    dataSource: 'builtin',
    datasetId: '',
    datasetDim: null,
    datasetClasses: null,
    points: 500,
    distribution: 'paper-44',
    noise: 0.5,
    daeLayers: 4,
    width: 16,
    hiddenLayers: 2,
    activation: 'tanh',
    augment: 0,
    depth: 1,
    stepSize: 0.25,
    trainSolver: 'rk4',
    evalSolver: 'rk4',
    evalStepSize: 0.05,
    samples: 11,
    weightDecay: 0,
    kinetic: 0,
    jacobian: 0,
    epochs: 8,
    batchSize: 100,
    learningRate: 0.03,
    optimizer: 'adam',
    gradient: 'backprop',
    earlyStopping: false,
    patience: 10,
    validationFraction: 0.2,
    trainingSamples: 4096
  }
}

/** Draft values from a spec document (a loaded file); fields the spec lacks keep `base`'s values. */
export function valuesFromSpec(spec: ExperimentSpec, base: TrainDraftValues): TrainDraftValues | null {
  if (!isTrainedKind(spec.flow.kind)) return null
  const flow = spec.flow as TrainedFlowSpec
  const { model, training: tr } = flow
  const i = spec.integration
  const task: TrainTask = flow.kind === 'neural-ode' ? flow.task : flow.kind
  return {
    ...base,
    name: spec.name,
    seed: spec.seed,
    task,
    dataset: flow.kind === 'neural-ode' && flow.data?.kind === 'builtin' ? flow.data.name : base.dataset,
    dataSource: flow.kind === 'neural-ode' && flow.data?.kind === 'dataset' ? 'dataset' : 'builtin',
    datasetId: flow.kind === 'neural-ode' && flow.data?.kind === 'dataset' ? flow.data.id : base.datasetId,
    points: spec.particles.kind === 'sample' ? spec.particles.count : base.points,
    distribution: spec.distribution.kind === 'preset' ? (spec.distribution.name as PresetName) : base.distribution,
    noise: flow.kind !== 'neural-ode' ? flow.t : base.noise,
    daeLayers: flow.kind === 'trained-composed-dae' ? flow.layers : base.daeLayers,
    width: model.width,
    hiddenLayers: model.hiddenLayers,
    activation: model.activation,
    augment: model.augment,
    depth: flow.kind === 'neural-ode' ? tr.depth : base.depth,
    stepSize: flow.kind === 'neural-ode' ? tr.stepSize : base.stepSize,
    trainSolver: tr.solver,
    evalSolver: flow.kind === 'neural-ode' ? i.solver : base.evalSolver,
    evalStepSize: i.solver !== 'dopri5' && flow.kind === 'neural-ode' ? i.stepSize : base.evalStepSize,
    samples: i.samples,
    weightDecay: tr.weightDecay,
    kinetic: tr.kinetic,
    jacobian: tr.jacobian,
    epochs: tr.epochs,
    batchSize: tr.batchSize,
    learningRate: tr.learningRate,
    optimizer: tr.optimizer,
    gradient: tr.gradient,
    earlyStopping: !!tr.earlyStopping,
    patience: tr.earlyStopping?.patience ?? base.patience,
    validationFraction: tr.validationFraction,
    trainingSamples: tr.samples
  }
}

export type LoadProblem = 'not-json' | 'invalid' | 'not-trained'

export const useTrainDraftStore = defineStore('trainDraft', () => {
  const values = reactive<TrainDraftValues>(initialTrainValues())
  /** the preset last applied; 'custom' after loading a spec file */
  const preset = ref<TrainPreset | 'custom'>('fast')

  /** The spec exactly as it will be sent to runs.start (before defaults are filled in). */
  const specInput = computed(() => buildTrainSpec(values, SPEC_VERSION))
  const validation = computed<SpecResult>(() => parseSpec(specInput.value))
  const errors = computed<FieldError[]>(() => (validation.value.ok ? [] : validation.value.errors))
  const valid = computed(() => validation.value.ok)
  const cost = computed<TrainCost | null>(() => {
    if (!validation.value.ok) return null
    const imported = values.datasetDim !== null && values.datasetClasses !== null ? { d: values.datasetDim, classes: values.datasetClasses } : undefined
    return estimateTrainCost(validation.value.spec, imported)
  })

  /** Errors at `path` exactly, or (prefix) at `path` and anything under it. */
  function errorsAt(path: string, prefix = false): FieldError[] {
    return errors.value.filter((e) => e.field === path || (prefix && e.field.startsWith(path + '.')))
  }

  function errorsOfStep(step: TrainStepKey): FieldError[] {
    return errors.value.filter((e) => stepOfField(e.field) === step)
  }

  function applyPreset(p: TrainPreset): void {
    Object.assign(values, presetValues(p, values.task))
    preset.value = p
  }

  /** Switch task, with that task's data and depth scale, keeping the field and training settings. */
  function setTask(task: TrainTask): void {
    values.task = task
    Object.assign(values, taskDefaults(task))
    // the step sizes of the presets depend on the task's depth scale
    if (preset.value !== 'custom') Object.assign(values, presetValues(preset.value, task))
  }

  /** Load a spec file's text; the draft changes only when it is a valid trained-flow spec. */
  function loadSpecText(text: string): { ok: true } | { ok: false; problem: LoadProblem; errors?: FieldError[] } {
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch {
      return { ok: false, problem: 'not-json' }
    }
    // a closed-form spec belongs to the DAE wizard whether or not it is valid: say that first
    const kind = (doc as { flow?: { kind?: unknown } } | null)?.flow?.kind
    if (typeof kind === 'string' && !isTrainedKind(kind)) return { ok: false, problem: 'not-trained' }
    const r = parseSpec(doc)
    if (!r.ok) return { ok: false, problem: 'invalid', errors: r.errors }
    const next = valuesFromSpec(r.spec, { ...values })
    if (!next) return { ok: false, problem: 'not-trained' }
    Object.assign(values, next)
    preset.value = 'custom'
    return { ok: true }
  }

  /** Classify an imported dataset (its listing gives the coordinates and classes), or a built-in one. */
  function useDataset(info: { id: string; d: number; n: number; classes?: string[] } | null): void {
    if (!info) {
      values.dataSource = 'builtin'
      return
    }
    Object.assign(values, { dataSource: 'dataset', datasetId: info.id, datasetDim: info.d, datasetClasses: info.classes?.length ?? null, points: info.n })
  }

  function reset(): void {
    Object.assign(values, initialTrainValues())
    preset.value = 'fast'
  }

  return {
    values,
    preset,
    specInput,
    validation,
    errors,
    valid,
    cost,
    errorsAt,
    errorsOfStep,
    applyPreset,
    setTask,
    loadSpecText,
    useDataset,
    reset,
    steps: TRAIN_STEPS
  }
})
