// The ONNX part of the analyze wizard's draft, beside draft.ts: the .onnx file and its inspection
// (models.inspect), the tensors chosen in the picker (the default choice preselected), and model input
// picked as files (a folder of images with its image options, or one .npy/.npz) with the shape each
// gives, checked against the model's input before anything is sent.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { IMAGE_DEFAULTS, parseNumberList, perChannelProblem, MAX_IMAGE_SIDE, type ImageOptions } from '@shared/image-data'
import { LIMITS } from '@shared/limits'
import { ONNX_LIMITS, type OnnxInspection } from '@shared/onnx'
import type { Message } from '@shared/messages'
import { api } from '@/api'
import type { Problem } from '../../components/analyze/files'
import { imagesOf, type PickedImage } from '../../components/analyze/imageFiles'
import { asRows, dataShapeProblem, imageDataShape, npyShape, npzShape } from '../../components/analyze/inputShape'
import { bytesToBase64 } from '@shared/base64'

export type InputKind = 'images' | 'array'
const P = (key: string, params?: Problem['params']): Problem => ({ key, prefix: 'analyzeOnnx.problems', ...(params ? { params } : {}) })
/** images previewed in the data step */
export const PREVIEW_COUNT = 8

export const useAnalyzeInputsDraftStore = defineStore('analyzeInputs', () => {
  const onnxFile = shallowRef<File | null>(null)
  const inspection = shallowRef<OnnxInspection | null>(null)
  const inspecting = ref(false)
  const inspectError = shallowRef<Message | null>(null)
  const selected = ref<string[]>([])

  const images = shallowRef<PickedImage<File>[]>([])
  const imageRoot = ref('')
  const imageClasses = ref<string[]>([])
  const imagesSkipped = ref(0)
  const firstSize = ref<{ height: number; width: number } | null>(null)
  const options = ref({
    resize: false,
    height: 64 as number | null,
    width: 64 as number | null,
    channels: IMAGE_DEFAULTS.channels,
    scale: IMAGE_DEFAULTS.scale,
    layout: IMAGE_DEFAULTS.layout,
    mean: '',
    std: ''
  })

  const arrayFile = shallowRef<File | null>(null)
  const arrayShape = ref<number[] | null>(null)

  async function setOnnxFile(f: File | null): Promise<void> {
    onnxFile.value = f
    inspection.value = null
    inspectError.value = null
    selected.value = []
    if (!f || !/\.onnx$/i.test(f.name) || f.size === 0 || f.size > LIMITS.maxUploadBytes) return
    inspecting.value = true
    const r = await api['models.inspect']({ name: f.name, content: bytesToBase64(new Uint8Array(await f.arrayBuffer())) })
    // a newer pick may have replaced the file while this one was inspected
    if (onnxFile.value !== f) return
    inspecting.value = false
    if (!r.ok) {
      inspectError.value = r.error.message
      return
    }
    inspection.value = r.value
    selected.value = [...r.value.defaultLayers]
    presetFromModel(r.value)
  }

  /** Image options that fit the model's input: its layout, channels and (fixed) height and width. */
  function presetFromModel(i: OnnxInspection): void {
    const s = i.inputs[0]?.shape
    if (!s || s.length !== 4) return
    const nchw = s[1] === 1 || s[1] === 3
    const nhwc = !nchw && (s[3] === 1 || s[3] === 3)
    if (!nchw && !nhwc) return
    const [c, h, w] = nchw ? [s[1], s[2], s[3]] : [s[3], s[1], s[2]]
    options.value.layout = nchw ? 'nchw' : 'nhwc'
    options.value.channels = c === 1 ? 'gray' : 'rgb'
    if (typeof h === 'number' && typeof w === 'number' && h > 0 && w > 0) {
      // a model of fixed size takes images of that size: resize to it unless the user says otherwise
      options.value.resize = true
      options.value.height = h
      options.value.width = w
    }
  }

  function setLayers(names: string[]): void {
    const order = new Map((inspection.value?.tensors ?? []).map((t, i) => [t.name, i]))
    selected.value = [...new Set(names)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
  }
  const resetLayers = (): void => setLayers(inspection.value?.defaultLayers ?? [])

  async function setImageFolder(list: File[]): Promise<void> {
    const picked = imagesOf(list)
    images.value = picked.images
    imageRoot.value = picked.root
    imageClasses.value = picked.classes
    imagesSkipped.value = picked.skipped
    firstSize.value = null
    const first = picked.images[0]?.file
    if (!first || typeof createImageBitmap !== 'function') return
    try {
      const bmp = await createImageBitmap(first)
      if (images.value === picked.images) firstSize.value = { height: bmp.height, width: bmp.width }
      bmp.close()
    } catch {
      // the engine names an unreadable image when it reads the folder
    }
  }

  async function setArrayFile(f: File | null): Promise<void> {
    arrayFile.value = f
    arrayShape.value = null
    if (!f) return
    const npz = /\.npz$/i.test(f.name)
    const bytes = new Uint8Array(await (npz ? f : f.slice(0, 65_536)).arrayBuffer())
    const shape = npz ? npzShape(bytes) : npyShape(bytes)
    if (arrayFile.value === f) arrayShape.value = shape ? asRows(shape) : null
  }

  const imageOptions = computed((): ImageOptions => {
    const o = options.value
    const mean = o.mean.trim() ? parseNumberList(o.mean) : null
    const std = o.std.trim() ? parseNumberList(o.std) : null
    return {
      channels: o.channels,
      scale: o.scale,
      layout: o.layout,
      ...(o.resize && o.height && o.width ? { size: [o.height, o.width] as [number, number] } : {}),
      ...(mean ? { mean } : {}),
      ...(std ? { std } : {})
    }
  })

  const modelShape = computed(() => inspection.value?.inputs[0]?.shape ?? null)

  const modelProblems = computed((): Problem[] => {
    const f = onnxFile.value
    if (!f) return [P('noOnnx')]
    if (!/\.onnx$/i.test(f.name)) return [P('notOnnx', { name: f.name })]
    if (f.size > LIMITS.maxUploadBytes) return [P('onnxTooLarge', { name: f.name, size: f.size, limit: LIMITS.maxUploadBytes })]
    if (inspectError.value) return [P('inspectFailed', { message: inspectError.value })]
    if (!inspection.value) return []
    if (selected.value.length === 0) return [P('noLayersChosen')]
    if (selected.value.length > ONNX_LIMITS.maxLayers) return [P('tooManyLayers', { count: selected.value.length, max: ONNX_LIMITS.maxLayers })]
    return []
  })

  function dataShapeOf(kind: InputKind): number[] | null {
    return kind === 'images' ? imageDataShape(images.value.length, firstSize.value, imageOptions.value) : arrayShape.value
  }

  /** Problems of model input picked as files; the shape is checked only against an ONNX model's input. */
  function dataProblems(kind: InputKind, checkShape: boolean): Problem[] {
    const out: Problem[] = []
    if (kind === 'array') {
      const f = arrayFile.value
      if (!f) return [P('noArray')]
      if (!/\.(npy|npz)$/i.test(f.name)) return [P('notArray', { name: f.name })]
      if (f.size > LIMITS.maxUploadBytes) out.push(P('onnxTooLarge', { name: f.name, size: f.size, limit: LIMITS.maxUploadBytes }))
      if (!arrayShape.value) out.push(P('arrayShapeUnknown', { name: f.name }))
    } else {
      if (images.value.length === 0) return [P('noImages')]
      const loose = images.value.find((i) => i.label === null)
      if (loose && imageClasses.value.length > 0) out.push(P('looseImages', { name: loose.path }))
      const big = images.value.find((i) => i.file.size > LIMITS.maxUploadBytes)
      if (big) out.push(P('onnxTooLarge', { name: big.path, size: big.file.size, limit: LIMITS.maxUploadBytes }))
      const o = options.value
      const side = (v: number | null): boolean => v !== null && Number.isInteger(v) && v >= 1 && v <= MAX_IMAGE_SIDE
      if (o.resize && !(side(o.height) && side(o.width))) out.push(P('imageSize', { max: MAX_IMAGE_SIDE }))
      if (o.mean.trim() && !parseNumberList(o.mean)) out.push(P('numbers', { field: 'mean' }))
      if (o.std.trim() && !(parseNumberList(o.std)?.every((v) => v > 0) ?? false)) out.push(P('numbers', { field: 'std' }))
      const pc = perChannelProblem(imageOptions.value)
      if (pc) out.push(P('perChannel', pc))
    }
    if (checkShape && out.length === 0) {
      const msg = dataShapeProblem(modelShape.value, dataShapeOf(kind))
      if (msg) out.push(P('shape', { message: msg }))
    }
    return out
  }

  /** Send the picked files with inputs.stage, in calls within the message cap; the token for layers.start. */
  async function stage(kind: InputKind, maxBytes: number): Promise<{ token: string; label: string } | { error: Message }> {
    const list =
      kind === 'array' && arrayFile.value ? [{ path: arrayFile.value.name, file: arrayFile.value }] : images.value.map((i) => ({ path: i.path, file: i.file }))
    let token: string | undefined
    for (let at = 0; at < list.length; ) {
      const batch: { name: string; content: string }[] = []
      let bytes = 0
      while (at < list.length && batch.length < LIMITS.maxUploadFiles && (batch.length === 0 || bytes + list[at].file.size <= maxBytes)) {
        bytes += list[at].file.size
        batch.push({ name: list[at].path, content: bytesToBase64(new Uint8Array(await list[at].file.arrayBuffer())) })
        at++
      }
      const r = await api['inputs.stage']({ ...(token ? { token } : {}), files: batch })
      if (!r.ok) return { error: r.error.message }
      token = r.value.token
    }
    return { token: token ?? '', label: kind === 'array' ? (arrayFile.value?.name ?? '') : imageRoot.value || 'images' }
  }

  return {
    onnxFile,
    inspection,
    inspecting,
    inspectError,
    selected,
    images,
    imageRoot,
    imageClasses,
    imagesSkipped,
    firstSize,
    options,
    arrayFile,
    arrayShape,
    imageOptions,
    modelShape,
    modelProblems,
    setOnnxFile,
    setLayers,
    resetLayers,
    setImageFolder,
    setArrayFile,
    dataProblems,
    dataShapeOf,
    stage
  }
})
