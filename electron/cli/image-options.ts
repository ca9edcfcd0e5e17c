// The analyze command's image options (--image-size, --channels, --scale, --mean, --std, --layout):
// parsed and checked here, each problem an invalid-request naming the flag, so a typo exits with code 2
// before any image is read.
import { MAX_IMAGE_SIDE, parseImageSize, parseNumberList, perChannelProblem, IMAGE_DEFAULTS, type ImageOptions } from '../../shared/image-data'
import { type Message, message } from '../../shared/messages'
import { EngineError } from '../engine/errors'

export interface RawImageFlags {
  imageSize?: string
  channels?: string
  scale?: string
  mean?: string
  std?: string
  layout?: string
}

const FLAG_OF: Record<keyof RawImageFlags, string> = {
  imageSize: '--image-size',
  channels: '--channels',
  scale: '--scale',
  mean: '--mean',
  std: '--std',
  layout: '--layout'
}
const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

function choice<T extends string>(flag: string, text: string | undefined, choices: readonly T[]): T | undefined {
  if (text === undefined) return undefined
  const v = text.trim().toLowerCase()
  if (!(choices as readonly string[]).includes(v))
    throw invalid(message('imgui.optionChoice', { flag, choices: choices.join(', '), text: JSON.stringify(text) }))
  return v as T
}

function numbers(flag: string, text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined
  const v = parseNumberList(text)
  if (!v) throw invalid(message('imgui.optionNumbers', { flag, text: JSON.stringify(text) }))
  return v
}

/** The image options given, and the flags that were given (to refuse them for data that is not images). */
export function parseImageFlags(raw: RawImageFlags): { image: Partial<ImageOptions>; given: string[] } {
  const image: Partial<ImageOptions> = {}
  if (raw.imageSize !== undefined) {
    const size = parseImageSize(raw.imageSize)
    if (!size) throw invalid(message('imgui.optionImageSize', { max: MAX_IMAGE_SIDE, text: JSON.stringify(raw.imageSize) }))
    image.size = size
  }
  const channels = choice('--channels', raw.channels, ['rgb', 'gray'] as const)
  const scale = choice('--scale', raw.scale, ['0-1', '0-255'] as const)
  const layout = choice('--layout', raw.layout, ['nchw', 'nhwc'] as const)
  const mean = numbers('--mean', raw.mean)
  const std = numbers('--std', raw.std)
  if (std?.some((s) => s <= 0)) throw invalid(message('imgui.optionNumbers', { flag: '--std', text: JSON.stringify(raw.std) }))
  Object.assign(image, channels && { channels }, scale && { scale }, layout && { layout }, mean && { mean }, std && { std })
  const bad = perChannelProblem({ ...IMAGE_DEFAULTS, ...image })
  if (bad) throw invalid(message('imgui.perChannelCount', { ...bad, field: `--${bad.field}` }))
  const given = (Object.keys(FLAG_OF) as (keyof RawImageFlags)[]).filter((k) => raw[k] !== undefined).map((k) => FLAG_OF[k])
  return { image, given }
}
