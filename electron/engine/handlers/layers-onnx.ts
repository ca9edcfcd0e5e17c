// The ONNX source of layers.start: one uploaded .onnx, run on a workspace dataset or built-in data. The
// model, the data's shape and the chosen tensors are checked when the request arrives (a refusal leaves
// the workspace unchanged); the job records the tensors in batches with progress and cancel.
import type { RequestOf } from '../../../shared/contract'
import { say } from '../../../shared/messages'
import { EngineError } from '../errors'
import type { LayerData } from '../layers/dumps'
import type { ModelFile } from '../layers/model-files'
import { resolveDataChoice, type StepHooks } from '../layers/pipeline'
import { prepareOnnx, recordOnnx } from '../onnx'
import { createSession } from '../onnx/session'
import type { AnalysisContent } from '../analyses/store'
import type { HandlerContext } from './types'

const invalid = (m: string): EngineError => new EngineError('invalid-request', m)

/** The one .onnx file of an upload. */
export function onnxUpload(files: ModelFile[]): [ModelFile] {
  if (files.length !== 1 || !/\.onnx$/i.test(files[0].name)) throw invalid(say('onnx.uploadOne', { names: files.map((f) => f.name).join(', ') }))
  return [files[0]]
}

type Prepared = Omit<AnalysisContent, 'name' | 'source' | 'options' | 'files' | 'appVersion' | 'report' | 'projection'> & { layers: LayerData[]; residualBlocks: { from: number; to: number }[] }

export async function prepareOnnxJob(ctx: HandlerContext, files: ModelFile[], r: RequestOf<'layers.start'>, seed: number): Promise<(hooks?: StepHooks) => Promise<Prepared>> {
  const [file] = onnxUpload(files)
  if (!r.data) throw invalid(say('import.modelNeedsData'))
  const data = await resolveDataChoice(ctx.workspace, r.data, seed)
  const options = { ...r.onnx, seed, file: file.name }
  // the model, the data's shape and the tensors, then a session: an operator the runtime lacks is refused now, not as a failed job
  await prepareOnnx(file.bytes, [data.d], options)
  await (await createSession(file.bytes, file.name)).release()
  return async (hooks = {}) => {
    const rec = await recordOnnx(file.bytes, { values: data.points, n: data.n, sampleShape: [data.d] }, {
      ...options,
      onBatch: async (done, n) => {
        hooks.progress?.(done / n, say('import.progressRecording', { done, n }))
        await hooks.checkpoint?.()
      }
    })
    return {
      layers: rec.layers,
      residualBlocks: rec.blocks.map((b) => ({ from: b.from, to: b.to })),
      model: rec.model,
      dataset: data.dataset,
      ...(data.labels ? { labels: data.labels } : {}),
      ...(data.classes ? { classes: data.classes } : {})
    }
  }
}
