// Experiment draft store: the wizard's spec under construction. Holds the form values (numbers may be
// null while a field is empty), builds the spec from them and validates it with parseSpec on every
// change, so each error can be shown next to the field its dotted path names.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  distributionDimension,
  fitsMixture,
  parseSpec,
  particleCount,
  resolveDistribution,
  singularTime,
  type FieldError,
  type SpecResult
} from '@shared/experiment'
import { PRESETS, presetDimension, type PresetName } from '@shared/presets'
import { SPEC_VERSION } from '@shared/limits'
import { useRunsStore } from './runs'
import { autoRunName, type NameLang } from './runName'
import { message } from '@shared/messages'
import { useDatasetFit } from './drafts/datasetFit'
import { buildSpec, estimateCost, type CostEstimate, type DraftValues, type MixtureComponentDraft } from './drafts/experimentDraft'

export type { MixtureComponentDraft } from './drafts/experimentDraft'
export type FlowKind = DraftValues['flowKind']
export type SolverKind = DraftValues['solver']

const identity = (d: number): number[][] => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)))

function componentsOf(name: PresetName): MixtureComponentDraft[] | null {
  const p = PRESETS[name]
  if (p.kind !== 'mixture') return null
  return p.weights.map((w, k) => ({
    weight: w,
    mean: p.means[k].slice(),
    covariance: p.covariances[k].map((row) => row.slice())
  }))
}

export const useExperimentStore = defineStore('experiment', () => {
  const name = ref('')
  const seed = ref<number | null>(7)
  const distMode = ref<'preset' | 'custom' | 'dataset'>('preset')
  const preset = ref<PresetName>('paper-47')
  const datasetId = ref('')
  const datasetName = ref<string | undefined>(undefined)
  const datasetColumns = ref<number[]>([])
  const datasetComponents = ref<number | null>(1)
  const components = ref<MixtureComponentDraft[]>(componentsOf('paper-47') ?? [])
  const flowKind = ref<FlowKind>('continuous-dae')
  const layers = ref<number | null>(10)
  const bandwidth = ref<number | null>(0.05)
  const referenceSize = ref<number | null>(1000)
  const particlesKind = ref<'sample' | 'grid'>('sample')
  const count = ref<number | null>(2000)
  const gridCount = ref<number | null>(15)
  const solver = ref<SolverKind>('rk4')
  const depth = ref<number | null>(0.45)
  const stepSize = ref<number | null>(0.005)
  const samples = ref<number | null>(46)
  const rtol = ref<number | null>(1e-6)
  const atol = ref<number | null>(1e-7)

  const values = computed<DraftValues>(() => ({
    name: name.value,
    seed: seed.value,
    distMode: distMode.value,
    preset: preset.value,
    datasetId: datasetId.value,
    ...(datasetName.value !== undefined ? { datasetName: datasetName.value } : {}),
    datasetColumns: datasetColumns.value,
    datasetComponents: datasetComponents.value,
    components: components.value,
    flowKind: flowKind.value,
    layers: layers.value,
    bandwidth: bandwidth.value,
    referenceSize: referenceSize.value,
    particlesKind: particlesKind.value,
    count: count.value,
    gridCount: gridCount.value,
    solver: solver.value,
    depth: depth.value,
    stepSize: stepSize.value,
    samples: samples.value,
    rtol: rtol.value,
    atol: atol.value
  }))

  /** the language of the default run name (the wizard keeps it in step with the UI's) */
  const nameLang = ref<NameLang>('en')
  /** the name a run gets when the name field is empty: its settings, numbered past the history's repeats */
  const defaultName = computed(() =>
    autoRunName(
      values.value,
      useRunsStore().history.map((h) => h.name),
      nameLang.value
    )
  )

  /** The spec exactly as it will be sent to runs.start (before defaults are filled in). */
  const specInput = computed(() => buildSpec(values.value, SPEC_VERSION, defaultName.value))
  const validation = computed<SpecResult>(() => parseSpec(specInput.value))
  // the closed-form DAEs of a dataset follow a mixture the engine fits to the rows: asked for once the
  // dataset part of the spec is valid; the continuous DAE's depth is then bounded by its t* here as in the run
  const fit = useDatasetFit(() => {
    const v = validation.value
    const distributionOk = v.ok || !v.errors.some((e) => e.field === 'distribution' || e.field.startsWith('distribution.'))
    const k = datasetComponents.value
    if (!distributionOk || distMode.value !== 'dataset' || !fitsMixture(flowKind.value) || !datasetId.value || k === null) return null
    return { id: datasetId.value, columns: [...datasetColumns.value], components: k, seed: seed.value ?? 7 }
  })
  const fitErrors = computed<FieldError[]>(() => {
    const tStar = fit.result.value?.tStar
    const d = depth.value
    const past = flowKind.value === 'continuous-dae' && tStar !== undefined && d !== null && !(d < tStar)
    return [
      ...fit.errors.value,
      ...(past ? [{ field: 'integration.depth', message: message('datadae.depthPastFitted', { depth: d, tStar: Number(tStar.toPrecision(6)) }) }] : [])
    ]
  })
  const errors = computed<FieldError[]>(() => [...(validation.value.ok ? [] : validation.value.errors), ...fitErrors.value])
  const valid = computed(() => errors.value.length === 0)

  /** Errors at `path` exactly, or (prefix) at `path` and anything under it. */
  function errorsAt(path: string, prefix = false): FieldError[] {
    return errors.value.filter((e) => e.field === path || (prefix && e.field.startsWith(path + '.')))
  }

  /** The distribution's dimension: the preset's, or the custom mixture's. */
  const dimension = computed(() =>
    distMode.value === 'preset'
      ? presetDimension(preset.value)
      : distMode.value === 'dataset'
        ? Math.max(1, datasetColumns.value.length)
        : (components.value[0]?.mean.length ?? 1)
  )
  const sampledData = computed(() => distMode.value === 'dataset' || (distMode.value === 'preset' && PRESETS[preset.value].kind !== 'mixture'))

  /** t* of the continuous DAE when the distribution part of the draft is valid (a dataset's: of its fitted mixture), else null. */
  const singular = computed<number | null>(() => {
    if (errorsAt('distribution', true).length) return null
    if (distMode.value === 'dataset') return fit.result.value?.tStar ?? null
    const v = validation.value
    const dist = v.ok ? resolveDistribution(v.spec.distribution) : distMode.value === 'preset' ? PRESETS[preset.value] : null
    if (!dist) return null
    const t = singularTime(dist)
    return Number.isFinite(t) ? t : null
  })

  const cost = computed<CostEstimate | null>(() => {
    const v = validation.value
    if (!v.ok) return null
    const dim = distributionDimension(resolveDistribution(v.spec.distribution))
    return estimateCost(v.spec, particleCount(v.spec.particles, dim), dim)
  })

  function selectPreset(p: PresetName): void {
    distMode.value = 'preset'
    preset.value = p
    // sampled data has no closed-form flow: switch to the empirical DAE rather than show an error
    if (PRESETS[p].kind !== 'mixture') flowKind.value = 'empirical-dae'
    else if (flowKind.value === 'empirical-dae') flowKind.value = 'continuous-dae'
  }

  /**
   * An imported dataset's rows as the data: its first feature columns (at most 3) as coordinates and no
   * more particles than it has rows. Every DAE takes it: the closed forms through a mixture fitted to the
   * rows, the trained and empirical DAEs from the rows themselves.
   */
  function selectDataset(info: { id: string; n: number; d: number; name?: string }): void {
    distMode.value = 'dataset'
    datasetName.value = info.name
    if (datasetId.value !== info.id) datasetColumns.value = Array.from({ length: Math.min(3, info.d) }, (_, j) => j)
    datasetId.value = info.id
    particlesKind.value = 'sample'
    count.value = Math.min(count.value ?? info.n, info.n)
    if (referenceSize.value !== null && referenceSize.value > info.n) referenceSize.value = info.n
  }

  function toggleColumn(j: number): void {
    datasetColumns.value = datasetColumns.value.includes(j) ? datasetColumns.value.filter((c) => c !== j) : [...datasetColumns.value, j].sort((a, b) => a - b)
  }

  /** Edit parameters, starting from the current preset when it is a mixture. */
  function customize(): void {
    if (distMode.value === 'preset') {
      const c = componentsOf(preset.value)
      components.value = c ?? [{ weight: 1, mean: [0, 0], covariance: identity(2) }]
      if (!c) flowKind.value = 'continuous-dae'
    }
    distMode.value = 'custom'
  }

  function setDimension(d: number): void {
    components.value = components.value.map((c) => ({
      weight: c.weight,
      mean: Array.from({ length: d }, (_, i) => c.mean[i] ?? 0),
      covariance: Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => c.covariance[i]?.[j] ?? (i === j ? 1 : 0)))
    }))
  }

  function addComponent(): void {
    const d = dimension.value
    const k = components.value.length + 1
    // keep the weights summing to 1: share them equally when a component is added
    components.value = [...components.value.map((c) => ({ ...c, weight: 1 / k })), { weight: 1 / k, mean: Array<number>(d).fill(0), covariance: identity(d) }]
  }

  function removeComponent(index: number): void {
    if (components.value.length <= 1) return
    const rest = components.value.filter((_, k) => k !== index)
    const total = rest.reduce((a, c) => a + (c.weight ?? 0), 0)
    components.value = rest.map((c) => ({ ...c, weight: total > 0 && c.weight !== null ? c.weight / total : c.weight }))
  }

  function setWeight(k: number, v: number | null): void {
    const c = components.value[k]
    if (c) c.weight = v
  }

  function setMean(k: number, i: number, v: number | null): void {
    const c = components.value[k]
    if (c && i < c.mean.length) c.mean[i] = v
  }

  /** Covariances are symmetric: an off-diagonal edit sets its mirror entry too. */
  function setCovariance(k: number, i: number, j: number, v: number | null): void {
    const c = components.value[k]
    if (!c || !c.covariance[i] || !c.covariance[j]) return
    c.covariance[i][j] = v
    c.covariance[j][i] = v
  }

  /** Values changed beside the results view (depth, step size) before a re-run. */
  function applyRerun(changes: { depth: number | null; stepSize: number | null }): void {
    depth.value = changes.depth
    if (solver.value !== 'dopri5') stepSize.value = changes.stepSize
  }

  return {
    name,
    seed,
    distMode,
    preset,
    datasetId,
    datasetName,
    datasetColumns,
    datasetComponents,
    fit: fit.result,
    fitPending: fit.pending,
    selectDataset,
    toggleColumn,
    components,
    flowKind,
    layers,
    bandwidth,
    referenceSize,
    particlesKind,
    count,
    gridCount,
    solver,
    depth,
    stepSize,
    samples,
    rtol,
    atol,
    nameLang,
    defaultName,
    specInput,
    validation,
    errors,
    valid,
    errorsAt,
    dimension,
    sampledData,
    singular,
    cost,
    selectPreset,
    customize,
    setDimension,
    addComponent,
    removeComponent,
    setWeight,
    setMean,
    setCovariance,
    applyRerun
  }
})
