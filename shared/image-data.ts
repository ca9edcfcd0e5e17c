// Options for reading a folder of PNG/JPEG images as model input (torchvision ImageFolder convention:
// one sub-folder per class), shared by the CLI, the engine and the wizard so all three read the same
// options, apply the same defaults and record the same thing in analysis.json.
import { z } from 'zod'

export type ImageChannels = 'rgb' | 'gray'
export type ImageScale = '0-1' | '0-255'
export type ImageLayout = 'nchw' | 'nhwc'

export interface ImageOptions {
  /** resize every image to [height, width] (bilinear); absent: every image must have the same size */
  size?: [number, number]
  channels: ImageChannels
  /** pixel values 0-255 divided by 255 ('0-1') or kept ('0-255'), before mean/std */
  scale: ImageScale
  /** per-channel (x - mean) / std after scaling; one value per channel (or one for all) */
  mean?: number[]
  std?: number[]
  layout: ImageLayout
}

export const IMAGE_DEFAULTS: ImageOptions = { channels: 'rgb', scale: '0-1', layout: 'nchw' }
/** largest side an image is resized to or read at */
export const MAX_IMAGE_SIDE = 1024
/** most images read from one folder */
export const MAX_IMAGES = 100_000
export const IMAGE_EXTENSIONS = /\.(png|jpe?g)$/i

const side = z.number().int().min(1).max(MAX_IMAGE_SIDE)
const perChannel = z.array(z.number().finite()).min(1).max(3)
export const ImageOptionsSchema = z.strictObject({
  size: z.tuple([side, side]).optional(),
  channels: z.enum(['rgb', 'gray']),
  scale: z.enum(['0-1', '0-255']),
  mean: perChannel.optional(),
  std: perChannel.refine((s) => s.every((v) => v > 0), 'std must be positive').optional(),
  layout: z.enum(['nchw', 'nhwc'])
})

export const channelCount = (c: ImageChannels): number => (c === 'gray' ? 1 : 3)

/** "64x64" (height x width) or "64" (square); null when it is neither or out of range. */
export function parseImageSize(text: string): [number, number] | null {
  const m = /^\s*(\d+)\s*(?:[x×,]\s*(\d+))?\s*$/i.exec(text)
  if (!m) return null
  const h = Number(m[1])
  const w = m[2] === undefined ? h : Number(m[2])
  return side.safeParse(h).success && side.safeParse(w).success ? [h, w] : null
}

/** "0.485,0.456,0.406" to numbers; null when any field is not a finite number. */
export function parseNumberList(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter((p) => p.length > 0)
  const values = parts.map(Number)
  return values.length > 0 && values.every(Number.isFinite) ? values : null
}

/** The shape of one image after reading: [C, H, W] or [H, W, C]. */
export function sampleShape(height: number, width: number, o: Pick<ImageOptions, 'channels' | 'layout'>): number[] {
  const c = channelCount(o.channels)
  return o.layout === 'nchw' ? [c, height, width] : [height, width, c]
}

/** mean/std must give one value, or one per channel; the problem in words, or null. */
export function perChannelProblem(o: ImageOptions): { field: 'mean' | 'std'; count: number; channels: number } | null {
  const c = channelCount(o.channels)
  for (const field of ['mean', 'std'] as const) {
    const v = o[field]
    if (v && v.length !== 1 && v.length !== c) return { field, count: v.length, channels: c }
  }
  return null
}
