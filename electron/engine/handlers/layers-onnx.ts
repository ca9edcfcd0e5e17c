// The ONNX source of layers.start: one uploaded .onnx, run on a workspace dataset or built-in data. The
// model, the data's shape and the chosen tensors are checked when the request arrives (a refusal leaves
// the workspace unchanged); the job records the tensors in batches with progress and cancel.
import type { RequestOf } from '../../../shared/contract'
import { say } from '../../../shared/messages'
import { EngineError } from '../errors'
import type { LayerData } from '../layers/dumps'
import type { ModelFile } from '../layers/model-files'
import { resolveDataChoice, type PointsInput, type StepHooks } from '../layers/pipeline'
import { chooseLayers, inspectOnnx, prepareOnnx, recordOnnx } from '../onnx'
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

/**
 * `loadStaged` reads data the app staged (inputs.stage: images, arrays) inside the job, where progress
 * and cancel apply; its shape is then checked by recordOnnx, and the wizard has checked it already.
 */
export async function prepareOnnxJob(
  ctx: HandlerContext,
  files: ModelFile[],
  r: RequestOf<'layers.start'>,
  seed: number,
  loadStaged?: (hooks?: StepHooks) => Promise<PointsInput>
): Promise<(hooks?: StepHooks) => Promise<Prepared>> {
  const [file] = onnxUpload(files)
  if (!r.data) throw invalid(say('import.modelNeedsData'))
  const known = r.data.kind === 'staged' ? undefined : await resolveDataChoice(ctx.workspace, r.data, seed)
  if (!known && !loadStaged) throw invalid(say('import.modelNeedsData'))
  const options = { ...r.onnx, seed, file: file.name }
  const sampleShape = (d: PointsInput): number[] => (d.shape ? d.shape.slice(1) : [d.d])
  // the model, the data's shape and the tensors, then a session: an operator the runtime lacks is refused now, not as a failed job
  if (known) await prepareOnnx(file.bytes, sampleShape(known), options)
  else chooseLayers(await inspectOnnx(file.bytes, file.name), r.onnx?.layers)
  await (await createSession(file.bytes, file.name)).release()
  return async (hooks = {}) => {
    // staged data: reading it takes the first 30% of this step
    const share = known ? 0 : 0.3
    const data =
      known ??
      (await loadStaged!({ progress: (f, m) => hooks.progress?.(share * f, m), checkpoint: () => hooks.checkpoint?.() ?? Promise.resolve() }))
    const rec = await recordOnnx(file.bytes, { values: data.points, n: data.n, sampleShape: sampleShape(data) }, {
      ...options,
      onBatch: async (done, n) => {
        hooks.progress?.(share + ((1 - share) * done) / n, say('import.progressRecording', { done, n }))
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
