// Text and colour keys of the legend overlay, derived from the scene's description of the run.
import { componentColor, OKABE_ITO, VIRIDIS, type ColorBy } from './colors'
import { formatTick } from './axisSpecs'
import type { SceneInfo } from './TrajectoryScene'

export interface ColorKey {
  kind: 'swatches' | 'gradient' | 'single'
  title: string
  swatches: { label: string; color: string }[]
  gradient: string
  range: [string, string]
}

const rgbCss = (rgb: [number, number, number]): string => `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`

/** Number of mixture components present (labels 0..K-1). */
export function componentCount(labels: Int32Array | undefined): number {
  if (!labels) return 0
  let k = -1
  for (let i = 0; i < labels.length; i++) if (labels[i] > k) k = labels[i]
  return k + 1
}

export function colorKey(info: SceneInfo, colorBy: ColorBy, labels: Int32Array | undefined): ColorKey {
  const base = { swatches: [], gradient: '', range: ['', ''] as [string, string] }
  if (colorBy === 'initial' || !info.hasLabels) {
    if (colorBy === 'component')
      return { ...base, kind: 'single', title: 'one colour (this run has no mixture components)', swatches: [{ label: 'all particles', color: OKABE_ITO[0] }] }
    return {
      ...base,
      kind: 'gradient',
      title: 'colour: initial x (depth 0)',
      gradient: `linear-gradient(to right, ${VIRIDIS.join(', ')})`,
      range: [formatTick(info.initialRange[0]), formatTick(info.initialRange[1])]
    }
  }
  const k = componentCount(labels)
  const shown = Math.min(k, 12)
  const swatches = Array.from({ length: shown }, (_, i) => ({ label: `component ${i + 1}`, color: rgbCss(componentColor(i)) }))
  return { ...base, kind: 'swatches', title: k > OKABE_ITO.length ? `colour: mixture component (${k}; colours repeat after ${OKABE_ITO.length})` : 'colour: mixture component', swatches }
}

/** Notes about what is drawn when not everything is (subsampled lines, trails, points). */
export function drawNotes(info: SceneInfo): string[] {
  const notes: string[] = []
  const n = info.total.toLocaleString('en-US')
  if (info.displayed < info.total) notes.push(`points: ${info.displayed.toLocaleString('en-US')} of ${n} particles (GPU memory budget)`)
  if (info.mode !== '3d') notes.push(info.lines < info.total ? `lines: ${info.lines.toLocaleString('en-US')} of ${n} trajectories` : `lines: all ${n} trajectories`)
  else notes.push(info.trails < info.total ? `trails: ${info.trails.toLocaleString('en-US')} of ${n} particles` : `trails: all ${n} particles`)
  return notes
}
