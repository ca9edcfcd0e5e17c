// A folder of PNG/JPEG images read as model input [N, C, H, W] or [N, H, W, C], in the convention of
// torchvision's ImageFolder: each sub-folder is a class (classes in sorted order, files found below it at
// any depth, in sorted order); a folder with images and no sub-folders is unlabelled. Every problem names
// the file: unreadable images, sizes that differ without a resize, too many images.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { IMAGE_EXTENSIONS, MAX_IMAGES, perChannelProblem, sampleShape, type ImageOptions } from '../../../shared/image-data'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { decodeImage } from './decode'
import { writeImage } from './transform'

export interface ImageEntry {
  path: string
  /** the path below the root, with '/' separators (what messages and previews show) */
  name: string
  label: number | null
}

export interface ImageTensor {
  /** [N, ...sampleShape] */
  shape: number[]
  data: Float32Array
  labels?: Int32Array
  classes?: string[]
  names: string[]
}

/** values read into memory at most (the recorded layers come on top) */
export const MAX_IMAGE_VALUES = 128 * 1024 * 1024

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => byName(a.name, b.name))
  const out: string[] = []
  for (const e of entries) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await walk(p)))
    else if (e.isFile() && IMAGE_EXTENSIONS.test(e.name)) out.push(p)
  }
  return out
}

/** The images under `root` with their labels, and the class names (sub-folders holding images). */
export async function listImageFolder(root: string): Promise<{ entries: ImageEntry[]; classes?: string[] }> {
  let top
  try {
    top = (await readdir(root, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'))
  } catch (e) {
    throw invalid(message('import.cannotRead', { path: root, detail: (e as Error).message }))
  }
  const rel = (p: string): string => relative(root, p).split(sep).join('/')
  const dirs = top
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(byName)
  const classes: string[] = []
  const entries: ImageEntry[] = []
  for (const d of dirs) {
    const files = await walk(join(root, d))
    if (files.length === 0) continue
    classes.push(d)
    for (const f of files) entries.push({ path: f, name: rel(f), label: classes.length - 1 })
  }
  const loose = top
    .filter((e) => e.isFile() && IMAGE_EXTENSIONS.test(e.name))
    .map((e) => e.name)
    .sort(byName)
  if (classes.length > 0) {
    if (loose.length > 0) throw invalid(message('imgui.folderLooseImages', { path: root, file: loose[0], count: loose.length }))
  } else {
    for (const f of loose) entries.push({ path: join(root, f), name: f, label: null })
  }
  if (entries.length === 0) throw invalid(message('imgui.folderNoImages', { path: root }))
  if (entries.length > MAX_IMAGES) throw invalid(message('imgui.folderTooManyImages', { path: root, count: entries.length, max: MAX_IMAGES }))
  return classes.length > 0 ? { entries, classes } : { entries }
}

export interface ReadHooks {
  /** after each image; may throw to cancel */
  onImage?(done: number, total: number): Promise<void> | void
}

/** Decode and transform every image of the folder into one array. */
export async function readImageFolder(root: string, o: ImageOptions, hooks: ReadHooks = {}): Promise<ImageTensor> {
  const bad = perChannelProblem(o)
  if (bad) throw invalid(message('imgui.perChannelCount', bad))
  const { entries, classes } = await listImageFolder(root)
  let data: Float32Array | undefined
  let shape: number[] = []
  let first = ''
  let size: [number, number] = [0, 0]
  let per = 0
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]
    let bytes: Buffer
    try {
      bytes = await readFile(e.path)
    } catch (err) {
      throw invalid(message('import.cannotRead', { path: e.name, detail: (err as Error).message }))
    }
    const img = decodeImage(bytes, e.name)
    if (i === 0) {
      first = e.name
      size = o.size ?? [img.height, img.width]
      const sample = sampleShape(size[0], size[1], o)
      per = sample.reduce((a, b) => a * b, 1)
      if (entries.length * per > MAX_IMAGE_VALUES)
        throw invalid(
          message('imgui.folderTooManyValues', {
            count: entries.length,
            shape: sample.join('x'),
            max: MAX_IMAGE_VALUES,
            most: Math.floor(MAX_IMAGE_VALUES / per)
          })
        )
      shape = [entries.length, ...sample]
      data = new Float32Array(entries.length * per)
    } else if (!o.size && (img.height !== size[0] || img.width !== size[1])) {
      throw invalid(message('imgui.imageSizeDiffers', { file: e.name, width: img.width, height: img.height, first, firstWidth: size[1], firstHeight: size[0] }))
    }
    writeImage(img, o, data!, i * per)
    await hooks.onImage?.(i + 1, entries.length)
  }
  const labelled = classes !== undefined
  return {
    shape,
    data: data!,
    ...(labelled ? { labels: Int32Array.from(entries, (e) => e.label ?? 0), classes } : {}),
    names: entries.map((e) => e.name)
  }
}
