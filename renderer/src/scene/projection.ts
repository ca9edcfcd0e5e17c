// One linear map from (data axes, depth) to world space per run, fitted from the data bounds, so a
// point's motion on screen is motion in the data. Also the default camera framing of that world box.

export type ViewMode = '1d' | '2d' | '3d'

export interface Bounds {
  min: number[]
  max: number[]
}

export interface Projection {
  mode: ViewMode
  /** column-major 4x4: world = M * (p0, p1, p2, depth) + offset (the GLSL uniform uProject) */
  matrix: number[]
  offset: [number, number, number]
  /** world-space box holding every trajectory (and the depth range in 1-D/2-D) */
  box: { min: [number, number, number]; max: [number, number, number] }
}

export const modeOf = (dim: number): ViewMode => (dim <= 1 ? '1d' : dim === 2 ? '2d' : '3d')

/** Per-axis min and max over every sample of every particle (non-finite values are skipped). */
export function computeBounds(data: Float32Array, count: number, dim: number): Bounds {
  const min = new Array<number>(dim).fill(Infinity)
  const max = new Array<number>(dim).fill(-Infinity)
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dim; d++) {
      const v = data[i * dim + d]
      if (v < min[d]) min[d] = v
      if (v > max[d]) max[d] = v
    }
  }
  for (let d = 0; d < dim; d++) {
    if (!(min[d] <= max[d])) {
      min[d] = -1
      max[d] = 1
    }
  }
  return { min, max }
}

/**
 * Data axes share one scale (shapes keep their aspect ratio); the largest spans 2 world units. In 1-D
 * and 2-D the depth axis is vertical and also spans 2 units. World axes: 1-D (x, depth, 0); 2-D
 * (x, depth, -y); 3-D (x, z, -y), a rotation, so z is up and y points away as in the 2-D view.
 */
export function fitProjection(bounds: Bounds, depthRange: [number, number]): Projection {
  const dim = bounds.min.length
  const mode = modeOf(dim)
  const center = bounds.min.map((lo, d) => (lo + bounds.max[d]) / 2)
  const spans = bounds.min.map((lo, d) => bounds.max[d] - lo)
  const largest = Math.max(...spans)
  const k = largest > 0 ? 2 / largest : 1
  const [t0, t1] = depthRange
  const kt = t1 > t0 ? 2 / (t1 - t0) : 1
  const tc = (t0 + t1) / 2
  // columns: images of data axis 0, 1, 2 and of depth
  const cols: [number, number, number][] = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0]
  ]
  cols[0] = [k, 0, 0]
  if (mode === '1d') cols[3] = [0, kt, 0]
  if (mode === '2d') {
    cols[1] = [0, 0, -k]
    cols[3] = [0, kt, 0]
  }
  if (mode === '3d') {
    cols[1] = [0, 0, -k]
    cols[2] = [0, k, 0]
  }
  const c = [center[0] ?? 0, center[1] ?? 0, center[2] ?? 0, tc]
  const offset: [number, number, number] = [0, 0, 0]
  for (let r = 0; r < 3; r++) offset[r] = -(cols[0][r] * c[0] + cols[1][r] * c[1] + cols[2][r] * c[2] + cols[3][r] * c[3])
  const matrix: number[] = []
  for (const col of cols) matrix.push(col[0], col[1], col[2], 0)
  const proj: Projection = { mode, matrix, offset, box: { min: [0, 0, 0], max: [0, 0, 0] } }
  // the box is the image of the data bounds x depth range (axis-aligned map, so corners suffice)
  const lo = [bounds.min[0] ?? 0, bounds.min[1] ?? 0, bounds.min[2] ?? 0, t0]
  const hi = [bounds.max[0] ?? 0, bounds.max[1] ?? 0, bounds.max[2] ?? 0, t1]
  const a = project(proj, lo.slice(0, 3), lo[3])
  const b = project(proj, hi.slice(0, 3), hi[3])
  proj.box = {
    min: [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(a[2], b[2])],
    max: [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2])]
  }
  return proj
}

/** CPU mirror of the shaders' toWorld(): data coordinates (missing axes 0) and depth to world. */
export function project(p: Projection, data: ArrayLike<number>, depth: number): [number, number, number] {
  const v = [data[0] ?? 0, data.length > 1 ? data[1] : 0, data.length > 2 ? data[2] : 0, depth]
  const m = p.matrix
  const out: [number, number, number] = [p.offset[0], p.offset[1], p.offset[2]]
  for (let r = 0; r < 3; r++) for (let c = 0; c < 4; c++) out[r] += m[c * 4 + r] * v[c]
  return out
}

export interface Framing {
  position: [number, number, number]
  target: [number, number, number]
  near: number
  far: number
}

/** Unit directions from the target to the default camera, per view. */
export const VIEW_DIRECTIONS: Record<ViewMode, [number, number, number]> = {
  '1d': [0, 0, 1],
  '2d': [0.55, 0.45, 0.7],
  '3d': [0.6, 0.4, 0.7]
}

const sub = (a: number[], b: number[]): number[] => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
const dot = (a: number[], b: number[]): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const cross = (a: number[], b: number[]): number[] => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
const normalize = (a: number[]): number[] => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1
  return [a[0] / l, a[1] / l, a[2] / l]
}

/**
 * A camera (up = +y) looking at the box centre from `direction` (by default the view's own), at the
 * smallest distance where every corner of the box lies inside the frustum, times `margin`.
 */
export function frameBox(
  box: Projection['box'],
  mode: ViewMode,
  fovDeg: number,
  aspect: number,
  margin = 1.25,
  direction: readonly [number, number, number] = VIEW_DIRECTIONS[mode]
): Framing {
  const target = [0, 1, 2].map((i) => (box.min[i] + box.max[i]) / 2)
  const back = normalize([...direction])
  const right = normalize(cross([-back[0], -back[1], -back[2]], [0, 1, 0]))
  const up = cross(right, [-back[0], -back[1], -back[2]])
  const tanV = Math.tan((fovDeg * Math.PI) / 360)
  const tanH = tanV * aspect
  let dist = 1e-6
  let radius = 1e-6
  for (let i = 0; i < 8; i++) {
    const c = [i & 1 ? box.max[0] : box.min[0], i & 2 ? box.max[1] : box.min[1], i & 4 ? box.max[2] : box.min[2]]
    const v = sub(c, target)
    radius = Math.max(radius, Math.hypot(v[0], v[1], v[2]))
    // the corner at depth (dist - z) in front of the camera must satisfy |x| <= (dist - z) tanH, |y| <= (dist - z) tanV
    const z = dot(v, back)
    dist = Math.max(dist, z + Math.abs(dot(v, right)) / tanH, z + Math.abs(dot(v, up)) / tanV)
  }
  dist *= margin
  const position = [0, 1, 2].map((i) => target[i] + back[i] * dist) as [number, number, number]
  return {
    position,
    target: target as [number, number, number],
    near: Math.max(1e-3, (dist - radius) * 0.1),
    far: (dist + radius) * 4
  }
}
