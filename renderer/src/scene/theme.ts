// Colours of the scene's furniture on the app's dark background (see styles/base.css). The background
// defaults to --panel; the view reads the variable at start so a theme change follows without edits here.

export const SCENE_THEME = {
  /** --panel */
  background: '#161c23',
  /** axis lines: bright enough to read at a glance, dimmer than the text */
  axis: '#a3adbb',
  /** the faint bounding box */
  box: '#3b4756',
  /** axis names: --text */
  name: '#e3e8ee',
  /** min / max values: --muted */
  tick: '#9aa4b2',
  /** depth marker (plane or line): --accent */
  marker: '#56b4e9',
  markerFill: 0.1,
  markerEdge: 0.75
} as const

/** A CSS colour from a custom property of `el` when it is a hex colour, else the fallback. */
export function cssHexColor(el: Element | null, property: string, fallback: string): string {
  if (!el || typeof getComputedStyle !== 'function') return fallback
  const v = getComputedStyle(el).getPropertyValue(property).trim()
  return /^#[0-9a-f]{6}$/i.test(v) ? v : /^#[0-9a-f]{3}$/i.test(v) ? `#${[...v.slice(1)].map((c) => c + c).join('')}` : fallback
}
