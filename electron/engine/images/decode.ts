// Decode one PNG or JPEG file to 8-bit RGB with maintained pure-JS decoders (pngjs, jpeg-js), telling
// the format by its magic bytes rather than its name. Alpha is dropped, not composited (what PIL's
// convert('RGB') does, as torchvision's ImageFolder loader calls it); 16-bit PNGs are scaled to 8 bits.
import { decode as decodeJpeg } from 'jpeg-js'
import { PNG } from 'pngjs'
import { type Message, message } from '../../../shared/messages'
import { MAX_IMAGE_SIDE } from '../../../shared/image-data'
import { EngineError } from '../errors'

export interface RgbImage {
  width: number
  height: number
  /** row-major, 3 bytes per pixel */
  rgb: Uint8Array
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47]
const JPEG_MAGIC = [0xff, 0xd8, 0xff]
/** the decoders' own memory guard: a few-KB file may claim a huge canvas */
const MAX_MEGAPIXELS = (MAX_IMAGE_SIDE * MAX_IMAGE_SIDE * 4) / 1e6

const startsWith = (b: Uint8Array, magic: number[]): boolean => magic.every((m, i) => b[i] === m)
const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

function rgbaToRgb(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 3)
  for (let p = 0, q = 0; q < out.length; p += 4, q += 3) {
    out[q] = rgba[p]
    out[q + 1] = rgba[p + 1]
    out[q + 2] = rgba[p + 2]
  }
  return out
}

/** Decode `bytes`; `name` labels every message (the file the user knows). */
export function decodeImage(bytes: Uint8Array, name: string): RgbImage {
  const png = startsWith(bytes, PNG_MAGIC)
  if (!png && !startsWith(bytes, JPEG_MAGIC)) throw invalid(message('imgui.imageNotPngJpeg', { file: name }))
  let width: number
  let height: number
  let rgba: Uint8Array
  try {
    if (png) {
      const img = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      ;({ width, height } = img)
      rgba = img.data
    } else {
      const img = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 256 })
      ;({ width, height } = img)
      rgba = img.data
    }
  } catch (e) {
    throw invalid(message('imgui.imageUnreadable', { file: name, detail: e instanceof Error ? e.message : String(e) }))
  }
  if (width < 1 || height < 1 || rgba.length < width * height * 4) throw invalid(message('imgui.imageUnreadable', { file: name, detail: `${width}x${height}` }))
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) throw invalid(message('imgui.imageTooLarge', { file: name, width, height, max: MAX_IMAGE_SIDE }))
  return { width, height, rgb: rgbaToRgb(rgba, width, height) }
}
