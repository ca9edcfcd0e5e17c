// One decoded image to model input: gray conversion, bilinear resize, scale, per-channel mean/std and
// layout, in that order. The arithmetic is written out so it can be checked against its definition:
// - gray is PIL's convert('L') (ITU-R 601-2 luma in 16.16 fixed point, rounded), so L matches PIL exactly;
// - resize is bilinear with half-pixel centres and no antialiasing (torch.nn.functional.interpolate,
//   mode='bilinear', align_corners=False), on unrounded values;
// - scale '0-1' divides by 255 (torchvision's ToTensor), then (x - mean[c]) / std[c] (its Normalize).
import { channelCount, type ImageOptions } from '../../../shared/image-data'
import type { RgbImage } from './decode'

/** Planes [C][H*W] of 0-255 values, RGB or one gray plane. */
export function toPlanes(img: RgbImage, channels: ImageOptions['channels']): Float32Array[] {
  const count = img.width * img.height
  if (channels === 'gray') {
    const l = new Float32Array(count)
    for (let p = 0; p < count; p++) l[p] = (img.rgb[3 * p] * 19595 + img.rgb[3 * p + 1] * 38470 + img.rgb[3 * p + 2] * 7471 + 0x8000) >> 16
    return [l]
  }
  const planes = [new Float32Array(count), new Float32Array(count), new Float32Array(count)]
  for (let p = 0; p < count; p++) for (let c = 0; c < 3; c++) planes[c][p] = img.rgb[3 * p + c]
  return planes
}

/** Bilinear resize of one plane from h x w to outH x outW (half-pixel centres, edges clamped). */
export function resizeBilinear(plane: Float32Array, h: number, w: number, outH: number, outW: number): Float32Array {
  if (h === outH && w === outW) return plane
  const out = new Float32Array(outH * outW)
  const sy = h / outH
  const sx = w / outW
  for (let y = 0; y < outH; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5)
    const y0 = Math.min(Math.floor(fy), h - 1)
    const y1 = Math.min(y0 + 1, h - 1)
    const ty = fy - y0
    for (let x = 0; x < outW; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5)
      const x0 = Math.min(Math.floor(fx), w - 1)
      const x1 = Math.min(x0 + 1, w - 1)
      const tx = fx - x0
      const top = plane[y0 * w + x0] * (1 - tx) + plane[y0 * w + x1] * tx
      const bottom = plane[y1 * w + x0] * (1 - tx) + plane[y1 * w + x1] * tx
      out[y * outW + x] = top * (1 - ty) + bottom * ty
    }
  }
  return out
}

/**
 * Write one image, transformed by `o`, into `out` at `offset` (C*H*W values in o.layout). The caller
 * has checked the size: without o.size, the image is used at its own size.
 */
export function writeImage(img: RgbImage, o: ImageOptions, out: Float32Array, offset: number): void {
  const [outH, outW] = o.size ?? [img.height, img.width]
  const c = channelCount(o.channels)
  const div = o.scale === '0-1' ? 255 : 1
  const planes = toPlanes(img, o.channels).map((p) => resizeBilinear(p, img.height, img.width, outH, outW))
  const hw = outH * outW
  for (let ch = 0; ch < c; ch++) {
    const mean = o.mean ? o.mean[o.mean.length === 1 ? 0 : ch] : 0
    const std = o.std ? o.std[o.std.length === 1 ? 0 : ch] : 1
    const plane = planes[ch]
    for (let p = 0; p < hw; p++) {
      const v = (plane[p] / div - mean) / std
      out[offset + (o.layout === 'nchw' ? ch * hw + p : p * c + ch)] = v
    }
  }
}
