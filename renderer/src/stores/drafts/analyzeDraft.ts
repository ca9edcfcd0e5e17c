// The analyze wizard's draft: what the user chose on each step, kept in a store so Back (and leaving the
// screen) loses nothing; the problems of each step, computed as the user types; the cost line.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  baseName,
  checkDumpFiles,
  checkModelFiles,
  dumpFilesOf,
  npyRows,
  readModelJson,
  type ModelJsonInfo,
  type SourceKind
} from '../../components/analyze/files'
import { BUILTIN_SHAPE, checkData, checkOptions, describeStartRequest, uploadList, type DataDraft, type StartRequest } from '../../components/analyze/request'
import { asBuiltin } from '../../components/analyze/requestJson'
import type { DatasetInfo } from '@shared/dataset'
import { useAnalyzeInputsDraftStore } from './analyzeInputsDraft'
import { dataShapeProblem } from '../../components/analyze/inputShape'

/** Plain-language neighbourhood sizes; k is what kNN preservation counts. */
export const K_PRESETS = [
  { id: 'local', k: 5 },
  { id: 'balanced', k: 10 },
  { id: 'broad', k: 30 }
] as const
export type KPreset = (typeof K_PRESETS)[number]['id'] | 'custom'

const folderOf = (f: File): string | null => {
  const rel = (f as File & { webkitRelativePath?: string }).webkitRelativePath
  return rel && rel.includes('/') ? rel.split('/')[0] : null
}
const stem = (name: string): string => name.replace(/\.[^.]+$/, '')

export const useAnalyzeDraftStore = defineStore('analyzeDraft', () => {
  const source = ref<SourceKind>('dumps')
  const modelFiles = shallowRef<File[]>([])
  const modelInfo = shallowRef<ModelJsonInfo | null>(null)
  const dumpFiles = shallowRef<File[]>([])
  const skipped = ref(0)
  const labels = shallowRef<File | null>(null)
  /** rows of the first .npy layer, read from its header (for the cost line) */
  const dumpRows = ref<number | null>(null)
  const data = ref<DataDraft>({ kind: 'builtin', builtin: 'moons', n: 1000, seed: 7, datasetId: null })
  const datasets = shallowRef<DatasetInfo[]>([])
  /** "compare with other data": the new data a shift analysis also runs the model on (null = off) */
  const compare = ref<DataDraft | null>(null)
  const preset = ref<KPreset>('balanced')
  const k = ref<number | null>(10)
  const seed = ref<number | null>(7)
  const name = ref('')
  let nameTouched = false
  /** file names a loaded request file listed: its bytes are not in it, so these are picked again */
  const expectedFiles = ref<string[]>([])

  function suggestName(s: string): void {
    if (!nameTouched && s) name.value = s.slice(0, 120)
  }
  function setName(v: string): void {
    nameTouched = true
    name.value = v
  }

  async function setModelFiles(list: File[]): Promise<void> {
    expectedFiles.value = []
    modelFiles.value = list
    modelInfo.value = null
    const json = list.find((f) => /\.json$/i.test(f.name))
    if (json) suggestName(stem(json.name) === 'model' ? (folderOf(json) ?? 'model') : stem(json.name))
    const jsons = list.filter((f) => /\.json$/i.test(f.name))
    if (jsons.length !== 1) return
    const info = readModelJson(await jsons[0].text())
    // a newer pick may have replaced the files while this one was being read
    if (modelFiles.value === list) modelInfo.value = info
  }

  async function setDumpFiles(list: File[]): Promise<void> {
    const { kept, skipped: s } = dumpFilesOf(list)
    expectedFiles.value = []
    dumpFiles.value = kept
    skipped.value = s.length
    dumpRows.value = null
    const folder = list.length ? folderOf(list[0]) : null
    suggestName(folder ?? (kept[0] ? stem(kept[0].name) : ''))
    const npy = kept.find((f) => /\.npy$/i.test(f.name) && !/^labels\./i.test(f.name))
    if (!npy) return
    const rows = npyRows(new Uint8Array(await npy.slice(0, 4096).arrayBuffer()))
    if (dumpFiles.value === kept) dumpRows.value = rows
  }

  function setLabels(f: File | null): void {
    labels.value = f
  }

  function setPreset(p: KPreset): void {
    preset.value = p
    const found = K_PRESETS.find((x) => x.id === p)
    if (found) k.value = found.k
  }
  function setK(v: number | null): void {
    k.value = v
    preset.value = K_PRESETS.find((x) => x.k === v)?.id ?? 'custom'
  }

  const inputs = useAnalyzeInputsDraftStore()
  const onnxFiles = computed(() => (inputs.onnxFile ? [inputs.onnxFile] : []))
  const files = computed(() => (source.value === 'tfjs-model' ? modelFiles.value : source.value === 'onnx' ? onnxFiles.value : dumpFiles.value))
  /** the image options or file name of data picked as files, for the request */
  const staged = computed(() =>
    data.value.kind === 'images'
      ? { token: '', label: inputs.imageRoot || 'images', image: inputs.imageOptions }
      : data.value.kind === 'array'
        ? { token: '', label: inputs.arrayFile?.name ?? '' }
        : undefined
  )
  const modelProblems = computed(() => {
    if (source.value === 'onnx') return inputs.modelProblems
    if (source.value === 'tfjs-model') return checkModelFiles(modelFiles.value, modelInfo.value)
    // files were chosen but none is a layer file: say that, not "choose files"
    if (dumpFiles.value.length === 0 && skipped.value > 0) return [{ key: 'noLayers' }]
    return checkDumpFiles(dumpFiles.value, labels.value)
  })
  /** something was chosen for the current source, so its problems are worth showing */
  const touched = computed(() =>
    source.value === 'tfjs-model'
      ? modelFiles.value.length > 0
      : source.value === 'onnx'
        ? inputs.onnxFile !== null
        : dumpFiles.value.length > 0 || skipped.value > 0 || labels.value !== null
  )
  /** model.json chosen but not read yet: the step cannot be judged */
  const reading = computed(() =>
    source.value === 'onnx'
      ? inputs.inspecting
      : source.value === 'tfjs-model' && modelFiles.value.some((f) => /\.json$/i.test(f.name)) && modelInfo.value === null
  )
  const dataProblems = computed(() => {
    if (source.value === 'dumps') return []
    const d = data.value
    if (d.kind === 'images' || d.kind === 'array') return inputs.dataProblems(d.kind, source.value === 'onnx')
    const problems = checkData(d)
    // a table's width against an ONNX model's input, before anything is sent
    const width = d.kind === 'builtin' ? BUILTIN_SHAPE[d.builtin].d : (chosenDataset.value?.d ?? null)
    const msg = source.value === 'onnx' && problems.length === 0 && width !== null ? dataShapeProblem(inputs.modelShape, [d.n ?? 0, width]) : null
    return msg ? [...problems, { key: 'shape', prefix: 'analyzeOnnx.problems', params: { message: msg } }] : problems
  })
  const optionProblems = computed(() => checkOptions(name.value, k.value, seed.value))
  const compareProblems = computed(() => (source.value !== 'dumps' && compare.value ? checkData(compare.value) : []))
  const valid = computed(() => !reading.value && [modelProblems, dataProblems, compareProblems, optionProblems].every((p) => p.value.length === 0))

  const chosenDataset = computed(() => datasets.value.find((d) => d.id === data.value.datasetId) ?? null)
  const cost = computed(() => {
    const sent = uploadList(source.value, files.value, source.value === 'dumps' ? labels.value : null)
    const d = data.value.kind
    const points =
      source.value === 'dumps'
        ? dumpRows.value
        : d === 'builtin'
          ? data.value.n
          : d === 'images'
            ? inputs.images.length
            : d === 'array'
              ? (inputs.arrayShape?.[0] ?? null)
              : (chosenDataset.value?.n ?? null)
    return { files: sent.length, bytes: sent.reduce((s, f) => s + f.file.size, 0), points }
  })

  /** the layers.start request Run would send, file contents left empty (the JSON view) */
  const requestPreview = computed(() =>
    describeStartRequest({
      name: name.value,
      source: source.value,
      files: files.value,
      labels: labels.value,
      data: data.value,
      k: k.value,
      seed: seed.value,
      compare: compare.value,
      onnxLayers: inputs.selected,
      ...(staged.value ? { staged: staged.value } : {})
    })
  )

  /** Take a loaded request's choices (parsed by parseRequestJson); its files must be picked again. */
  function applyRequest(req: StartRequest): void {
    reset()
    source.value = req.source
    setName(req.name)
    const d = req.data
    if (d?.kind === 'builtin') data.value = { ...data.value, kind: 'builtin', builtin: asBuiltin(d.name), n: d.n, seed: d.seed ?? null }
    else if (d?.kind === 'dataset') data.value = { ...data.value, kind: 'dataset', datasetId: d.id }
    const c = req.compareData
    compare.value = !c
      ? null
      : c.kind === 'builtin'
        ? { ...data.value, kind: 'builtin', builtin: asBuiltin(c.name), n: c.n, seed: c.seed ?? null }
        : { ...data.value, kind: 'dataset', datasetId: c.id }
    setK(req.k ?? null)
    seed.value = req.seed ?? null
    expectedFiles.value = req.files.map((f) => f.name)
  }

  function reset(): void {
    compare.value = null
    modelFiles.value = []
    modelInfo.value = null
    dumpFiles.value = []
    skipped.value = 0
    labels.value = null
    dumpRows.value = null
    name.value = ''
    nameTouched = false
    expectedFiles.value = []
  }

  return {
    source,
    modelFiles,
    modelInfo,
    dumpFiles,
    skipped,
    labels,
    dumpRows,
    data,
    datasets,
    preset,
    k,
    seed,
    name,
    compare,
    compareProblems,
    files,
    staged,
    modelProblems,
    touched,
    reading,
    dataProblems,
    optionProblems,
    valid,
    chosenDataset,
    cost,
    expectedFiles,
    requestPreview,
    setModelFiles,
    setDumpFiles,
    setLabels,
    setPreset,
    setK,
    setName,
    suggestName,
    reset,
    applyRequest,
    baseName
  }
})
