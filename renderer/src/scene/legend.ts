// What the legend overlay says, derived from the scene's description of the run: colour keys and the
// notes on what is drawn, as message keys (under trajectory.) with raw numeric parameters, so the view
// translates them and formats the numbers in the current locale.
import { componentColor, OKABE_ITO, VIRIDIS, type ColorBy } from './colors'
import type { SceneInfo } from './TrajectoryScene'

/** A message key under `trajectory.` and its parameters (numbers are formatted by the view). */
export interface Message {
  key: string
  params?: Record<string, number>
}

export interface ColorKey {
  kind: 'swatches' | 'gradient' | 'single'
  title: Message
  swatches: { label: Message; color: string }[]
  gradient: string
  /** the colour scale's ends (gradient only) */
  range: [number, number]
}

/** Component swatches listed in the legend; more components repeat the palette anyway. */
export const MAX_SWATCHES = 12

const rgbCss = (rgb: [number, number, number]): string => `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`

/** Number of mixture components present (labels 0..K-1). */
export function componentCount(labels: Int32Array | undefined): number {
  if (!labels) return 0
  let k = -1
  for (let i = 0; i < labels.length; i++) if (labels[i] > k) k = labels[i]
  return k + 1
}

export function colorKey(info: SceneInfo, colorBy: ColorBy, labels: Int32Array | undefined): ColorKey {
  const base = { swatches: [], gradient: '', range: [0, 0] as [number, number] }
  if (colorBy === 'initial' || !info.hasLabels) {
    if (colorBy === 'component')
      return { ...base, kind: 'single', title: { key: 'key.single' }, swatches: [{ label: { key: 'key.allParticles' }, color: OKABE_ITO[0] }] }
    return {
      ...base,
      kind: 'gradient',
      title: { key: 'key.initial' },
      gradient: `linear-gradient(to right, ${VIRIDIS.join(', ')})`,
      range: [info.initialRange[0], info.initialRange[1]]
    }
  }
  const k = componentCount(labels)
  const swatches = Array.from({ length: Math.min(k, MAX_SWATCHES) }, (_, i) => ({
    label: { key: 'key.componentN', params: { k: i + 1 } },
    color: rgbCss(componentColor(i))
  }))
  const title: Message = k > OKABE_ITO.length ? { key: 'key.componentRepeat', params: { k, n: OKABE_ITO.length } } : { key: 'key.component' }
  return { ...base, kind: 'swatches', title, swatches }
}

/** Notes about what is drawn when not everything is (subsampled lines, trails, points). */
export function drawNotes(info: SceneInfo): Message[] {
  const notes: Message[] = []
  const total = info.total
  if (info.displayed < total) notes.push({ key: 'notes.points', params: { shown: info.displayed, total } })
  if (info.mode !== '3d')
    notes.push(info.lines < total ? { key: 'notes.lines', params: { shown: info.lines, total } } : { key: 'notes.linesAll', params: { total } })
  else notes.push(info.trails < total ? { key: 'notes.trails', params: { shown: info.trails, total } } : { key: 'notes.trailsAll', params: { total } })
  return notes
}
