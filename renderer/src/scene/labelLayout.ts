// Screen-space placement of the axis labels: each min / max value sits just beyond its end of the axis
// line, each axis name beside the axis's middle, away from the box; labels that would overlap a more
// important one (or leave the canvas, or sit under the legend) are skipped. Pure 2-D geometry in CSS
// pixels with y up (the orientation of clip space), so offsets go straight to the label shader.

export type Vec2 = [number, number]
export type LabelKind = 'name' | 'min' | 'max' | 'tick'

export interface Rect {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** Below this on-screen length an axis points (nearly) at the camera and has no usable direction. */
const MIN_AXIS_PX = 4

const len = (v: Vec2): number => Math.hypot(v[0], v[1])
const unit = (v: Vec2): Vec2 | null => {
  const l = len(v)
  return l > 1e-9 ? [v[0] / l, v[1] / l] : null
}

/**
 * The direction a label is pushed from its anchor. min / max: along the axis, beyond its start / end
 * (so the labels of axes sharing a corner fan out along their own axes). name: perpendicular to the
 * axis, on the side away from the box centre. A degenerate axis falls back to "away from the centre".
 */
export function labelDirection(kind: LabelKind, from: Vec2, to: Vec2, centre: Vec2): Vec2 {
  const axis: Vec2 = [to[0] - from[0], to[1] - from[1]]
  const anchor = kind === 'min' ? from : kind === 'max' ? to : ([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2] as Vec2)
  const away = unit([anchor[0] - centre[0], anchor[1] - centre[1]]) ?? [0, -1]
  if (len(axis) < MIN_AXIS_PX) return away
  const a = unit(axis) as Vec2
  if (kind === 'min') return [-a[0], -a[1]]
  if (kind === 'max') return a
  // a tick value sits beside its point on the axis, on the outer side, like the axis name
  const n: Vec2 = [-a[1], a[0]]
  const side = n[0] * (anchor[0] - centre[0]) + n[1] * (anchor[1] - centre[1])
  // an axis through the centre on screen: put its name below (or left of) it
  if (Math.abs(side) < 1e-6) return n[1] < 0 || (n[1] === 0 && n[0] < 0) ? n : [-n[0], -n[1]]
  return side > 0 ? n : [-n[0], -n[1]]
}

/**
 * The rectangle of a width x height label pushed from `anchor` along unit `dir` until a `gap` of
 * clear space separates it from the anchor (its support in that direction plus the gap).
 */
export function placeBeyond(anchor: Vec2, dir: Vec2, width: number, height: number, gap: number): Rect {
  const reach = gap + (Math.abs(dir[0]) * width) / 2 + (Math.abs(dir[1]) * height) / 2
  const cx = anchor[0] + dir[0] * reach
  const cy = anchor[1] + dir[1] * reach
  return { x0: cx - width / 2, y0: cy - height / 2, x1: cx + width / 2, y1: cy + height / 2 }
}

export const rectCentre = (r: Rect): Vec2 => [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2]

/** Whether two rectangles overlap once each is grown by `pad` (touching at exactly 2 * pad is no overlap). */
export function overlaps(a: Rect, b: Rect, pad = 0): boolean {
  return a.x0 - pad < b.x1 + pad && b.x0 - pad < a.x1 + pad && a.y0 - pad < b.y1 + pad && b.y0 - pad < a.y1 + pad
}

export interface CollisionOptions {
  /** drawing area [0, width] x [0, height]; a label not wholly inside is skipped */
  width: number
  height: number
  /** areas no label may cover (the legend overlay) */
  obstacles?: Rect[]
  /** clear space kept between labels, in pixels */
  pad?: number
}

/**
 * Which labels to show: in order of `priority` (lower first, ties by index), a label is kept when it
 * is on screen, inside the area, clear of the obstacles and of every label kept before it. A null
 * rectangle (anchor behind the camera) is never shown.
 */
export function resolveCollisions(rects: (Rect | null)[], priority: number[], options: CollisionOptions): boolean[] {
  const { width, height, obstacles = [], pad = 2 } = options
  const order = rects.map((_, i) => i).sort((i, j) => (priority[i] ?? 0) - (priority[j] ?? 0) || i - j)
  const shown = rects.map(() => false)
  const kept: Rect[] = []
  for (const i of order) {
    const r = rects[i]
    if (!r || ![r.x0, r.y0, r.x1, r.y1].every(Number.isFinite)) continue
    if (r.x0 < 0 || r.y0 < 0 || r.x1 > width || r.y1 > height) continue
    if (obstacles.some((o) => overlaps(r, o, pad))) continue
    if (kept.some((k) => overlaps(r, k, pad))) continue
    kept.push(r)
    shown[i] = true
  }
  return shown
}

/** Importance of a label: axis names first, then the maxima, then the minima (which share a corner), then tick values. */
export function labelPriority(kind: LabelKind, axis: number): number {
  return (kind === 'name' ? 0 : kind === 'max' ? 10 : kind === 'min' ? 20 : 30) + axis
}

export interface LabelItem {
  kind: LabelKind
  /** index into the axes list */
  axis: number
  width: number
  height: number
  /** the label's world anchor on screen (axis end, or middle for the name); null: behind the camera */
  anchor: Vec2 | null
}

export interface AxisOnScreen {
  from: Vec2 | null
  to: Vec2 | null
}

export interface LabelLayout {
  show: boolean[]
  /** from each label's anchor to its centre, in pixels (y up) */
  offsets: Vec2[]
}

/** Gap between an axis end (or line) and its label, in pixels. */
export const LABEL_GAP = 6

/** Place every label beyond its axis end or beside its axis, then drop the ones that collide. */
export function layoutAxisLabels(items: LabelItem[], axes: AxisOnScreen[], centre: Vec2 | null, options: CollisionOptions): LabelLayout {
  const rects: (Rect | null)[] = []
  const offsets: Vec2[] = []
  for (const item of items) {
    const a = axes[item.axis]
    if (!item.anchor || !a?.from || !a.to || !centre) {
      rects.push(null)
      offsets.push([0, 0])
      continue
    }
    const dir = labelDirection(item.kind, a.from, a.to, centre)
    const r = placeBeyond(item.anchor, dir, item.width, item.height, LABEL_GAP)
    const c = rectCentre(r)
    rects.push(r)
    offsets.push([c[0] - item.anchor[0], c[1] - item.anchor[1]])
  }
  const show = resolveCollisions(
    rects,
    items.map((i) => labelPriority(i.kind, i.axis)),
    options
  )
  return { show, offsets }
}
