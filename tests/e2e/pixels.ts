// Pixel statistics of Playwright screenshots: how much of an image is drawn, how much of it in strong
// colours, and how many pixels differ between two images. Decodes the PNGs here in Node (zlib plus
// the five PNG row filters), so no second page is opened that could push the app into the background.
import { inflateSync } from 'node:zlib'

export interface Image {
  width: number
  height: number
  /** RGBA, 8 bits per channel */
  data: Uint8Array
}

export interface PixelStats {
  total: number
  /** pixels differing from the most common colour (the background) by more than a small tolerance */
  foreground: number
  /** strongly coloured pixels (max - min channel > 60): the palette's colours, not greys or pale tints */
  chromatic: number
}

const paeth = (a: number, b: number, c: number): number => {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** Decode an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
export function decodePng(png: Buffer): Image {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG')
  let pos = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  while (pos < png.length) {
    const len = png.readUInt32BE(pos)
    const type = png.toString('latin1', pos + 4, pos + 8)
    const body = png.subarray(pos + 8, pos + 8 + len)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      const [depth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]]
      if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6))
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType}, interlace ${interlace})`)
      channels = colorType === 6 ? 4 : 3
    } else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') break
    pos += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const rows = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const src = y * (stride + 1) + 1
    const out = y * stride
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[out + x - channels] : 0
      const b = y > 0 ? rows[out - stride + x] : 0
      const c = x >= channels && y > 0 ? rows[out - stride + x - channels] : 0
      const v = raw[src + x]
      rows[out + x] = (filter === 0 ? v : filter === 1 ? v + a : filter === 2 ? v + b : filter === 3 ? v + ((a + b) >> 1) : v + paeth(a, b, c)) & 255
    }
  }
  const data = new Uint8Array(width * height * 4)
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    data[i * 4] = rows[j]
    data[i * 4 + 1] = rows[j + 1]
    data[i * 4 + 2] = rows[j + 2]
    data[i * 4 + 3] = channels === 4 ? rows[j + 3] : 255
  }
  return { width, height, data }
}

const TOL = 12
const close = (d: Uint8Array, i: number, rgb: ArrayLike<number>): boolean =>
  Math.abs(d[i] - rgb[0]) <= TOL && Math.abs(d[i + 1] - rgb[1]) <= TOL && Math.abs(d[i + 2] - rgb[2]) <= TOL

/** Foreground and chromatic pixels, not counting any of the `ignore` colours (e.g. a mask colour). */
export function pixelStats(png: Buffer, ignore: number[][] = []): PixelStats {
  const { width, height, data: d } = decodePng(png)
  const counts = new Map<number, number>()
  for (let i = 0; i < d.length; i += 4) {
    const key = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2]
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const bgKey = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0]
  const bg = [(bgKey >> 16) & 255, (bgKey >> 8) & 255, bgKey & 255]
  let foreground = 0
  let chromatic = 0
  for (let i = 0; i < d.length; i += 4) {
    if (ignore.some((c) => close(d, i, c))) continue
    if (!close(d, i, bg)) foreground++
    if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) chromatic++
  }
  return { total: width * height, foreground, chromatic }
}

/** Number of pixels whose colour differs (beyond a small tolerance) between two same-size images. */
export function differingPixels(a: Buffer, b: Buffer): number {
  const x = decodePng(a)
  const y = decodePng(b)
  if (x.width !== y.width || x.height !== y.height) return Math.max(x.width * x.height, y.width * y.height)
  let n = 0
  for (let i = 0; i < x.data.length; i += 4) if (!close(x.data, i, y.data.subarray(i, i + 3))) n++
  return n
}
