// Handlers the ONNX wizard needs before layers.start: models.inspect (an uploaded .onnx model's graph
// for the layer picker) and inputs.stage (model input files staged under a token), and the resolution
// of a staged data choice into points, with the staging folder's path replaced by the user's name for it.
import { sep } from 'node:path'
import type { RequestOf } from '../../../shared/contract'
import { LIMITS } from '../../../shared/limits'
import { type Message, message } from '../../../shared/messages'
import type { AnalysisDataset } from '../../../shared/layers'
import type { InputStaging } from '../inputs/input-staging'
import { EngineError } from '../errors'
import { withoutFolder } from '../io-messages'
import { resolveModelInput } from '../layers/model-input'
import type { PointsInput, StepHooks } from '../layers/pipeline'
import { inspectOnnx } from '../onnx'
import { decodeUploads } from './layers'
import type { HandlerContext, HandlerGroup } from './types'

type StagedChoice = Extract<NonNullable<RequestOf<'layers.start'>['data']>, { kind: 'staged' }>

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

function decodeStaged(files: RequestOf<'inputs.stage'>['files']): { name: string; bytes: Uint8Array }[] {
  return files.map((f) => {
    const bytes = new Uint8Array(Buffer.from(f.content, 'base64'))
    if (bytes.byteLength > LIMITS.maxUploadBytes)
      throw invalid(message('import.uploadTooLarge', { name: f.name, size: bytes.byteLength, max: LIMITS.maxUploadBytes }))
    if (bytes.byteLength === 0) throw invalid(message('import.fileEmpty', { file: f.name }))
    return { name: f.name, bytes }
  })
}

/** An ONNX model among uploads: exactly one file, named .onnx. */
export function onnxUpload(files: { name: string; bytes: Uint8Array }[]): { name: string; bytes: Uint8Array } {
  if (files.length !== 1 || !/\.onnx$/i.test(files[0].name)) throw invalid(message('imgui.onnxOneFile', { names: files.map((f) => f.name).join(', ') }))
  return files[0]
}

/** The points of staged files: one .npy/.npz at the top is an array, anything else a folder of images. */
export async function resolveStaged(staging: InputStaging, choice: StagedChoice, seed: number, hooks?: StepHooks): Promise<PointsInput> {
  const staged = await staging.get(choice.token)
  const single = staged.names.length === 1 && /^[^/]+\.(npy|npz)$/i.test(staged.names[0])
  const path = single ? `${staged.dir}${sep}${staged.names[0]}` : staged.dir
  try {
    const data = await resolveModelInput(choice.label, path, { seed, ...(choice.image ? { image: choice.image } : {}), ...(hooks ? { hooks } : {}) })
    const dataset: AnalysisDataset = 'path' in data.dataset ? { ...data.dataset, path: choice.label } : data.dataset
    return { ...data, dataset }
  } catch (e) {
    // messages name the staging folder; the user knows the files by the folder they picked
    if (e instanceof EngineError) throw new EngineError(e.code, withoutFolder(e.msg, staged.dir, choice.label))
    throw e
  }
}

export function modelInputHandlers(_ctx: HandlerContext, staging: InputStaging): HandlerGroup<'models.inspect' | 'inputs.stage'> {
  return {
    'models.inspect': async (r) => {
      const f = onnxUpload(decodeUploads([r]))
      return inspectOnnx(f.bytes, f.name)
    },
    'inputs.stage': (r) => staging.add(r.token, decodeStaged(r.files))
  }
}
