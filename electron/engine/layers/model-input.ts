// The data a model runs on, of any shape: a folder of images (ImageFolder convention, read with the
// given image options), an .npy/.npz array [N, ...], or what resolveDataArgument reads (a built-in
// dataset, CSV, a 2-D .npy). One entry point for the CLI's --data and the app's staged uploads, so both
// record the same description of the data in analysis.json.
import { stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { IMAGE_DEFAULTS, type ImageOptions } from '../../../shared/image-data'
import { message } from '../../../shared/messages'
import { readArrayInput } from '../inputs/array-input'
import { EngineError } from '../errors'
import { readImageFolder } from '../images/folder'
import { resolveDataArgument, type PointsInput, type StepHooks } from './pipeline'

export interface ModelInputOptions {
  /** image options (defaults: IMAGE_DEFAULTS); refused for anything but a folder when `explicit` */
  image?: Partial<ImageOptions>
  /** the user set image options (so giving them for an array is a mistake worth saying) */
  explicitImageFlags?: string[]
  seed: number
  hooks?: StepHooks
}

const isDirectory = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false
  )

/** Points and shape of data the user named by `text` (as typed) at `path` (resolved). */
export async function resolveModelInput(text: string, path: string, o: ModelInputOptions): Promise<PointsInput> {
  const folder = !text.startsWith('builtin:') && (await isDirectory(path))
  if (!folder && o.explicitImageFlags?.length)
    throw new EngineError('invalid-request', message('imgui.optionsNeedImages', { flags: o.explicitImageFlags.join(', '), path: text }))
  if (folder) {
    const options: ImageOptions = { ...IMAGE_DEFAULTS, ...o.image }
    const t = await readImageFolder(path, options, {
      onImage: async (done, n) => {
        o.hooks?.progress?.(done / n, message('imgui.progressReadingImages', { done, n }))
        if (done % 64 === 0 || done === n) await o.hooks?.checkpoint?.()
      }
    })
    const n = t.shape[0]
    return {
      points: t.data,
      n,
      d: t.data.length / n,
      shape: t.shape,
      ...(t.labels ? { labels: t.labels, classes: t.classes } : {}),
      dataset: { kind: 'images', path, n, shape: t.shape, options, ...(t.classes ? { classes: t.classes } : {}) }
    }
  }
  const ext = extname(path).toLowerCase()
  if (!text.startsWith('builtin:') && (ext === '.npz' || ext === '.npy')) {
    const a = await readArrayInput(path)
    const n = a.shape[0]
    const d = a.data.length / n
    return {
      points: a.data,
      n,
      d,
      shape: a.shape,
      ...(a.labels ? { labels: a.labels } : {}),
      dataset:
        a.shape.length === 2 && !a.member ? { kind: 'file', path, n, d } : { kind: 'array', path, n, shape: a.shape, ...(a.member ? { member: a.member } : {}) }
    }
  }
  return resolveDataArgument(text, path, o.seed)
}
