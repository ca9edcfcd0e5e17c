// Axis lines with round-number ticks (short marks and their values) and names, a faint bounding box,
// and the marker of the current depth (a plane in the 2-D view, a line in the 1-D view), coloured for
// the dark background. Static geometry built once per run; depth moves one object; a language change
// rebuilds only the labels.
import {
  BufferGeometry,
  Color,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  Line,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  type Camera,
  type Object3D
} from 'three'
import { AxisLabels, type LabelSpec } from './AxisLabels'
import { axisSpecs, DEFAULT_TEXT, type AxisSpec, type SceneText } from './axisSpecs'
import type { Rect } from './labelLayout'
import type { Bounds, Projection } from './projection'
import { SCENE_THEME } from './theme'

function boxEdges(min: number[], max: number[]): Float32Array {
  const c = (i: number): number[] => [i & 1 ? max[0] : min[0], i & 2 ? max[1] : min[1], i & 4 ? max[2] : min[2]]
  const out: number[] = []
  for (let i = 0; i < 8; i++) for (const bit of [1, 2, 4]) if (!(i & bit)) out.push(...c(i), ...c(i | bit))
  return Float32Array.from(out)
}

/** Vertex colours are taken as linear; Color converts the sRGB hex, so lines show the theme's hex. */
const linear = (hex: string): number[] => {
  const c = new Color(hex)
  return [c.r, c.g, c.b]
}

/**
 * A tick mark's world offset: from the axis outwards (away from the box centre, across the axis), 2.5 %
 * of the box's size long. An axis through the centre gets its marks pointing down (world -y) or -z.
 */
export function tickOffset(a: AxisSpec, centre: readonly number[], box: { min: number[]; max: number[] }): number[] {
  const dir = [0, 1, 2].map((i) => a.to[i] - a.from[i])
  const dl = Math.hypot(...dir) || 1
  const u = dir.map((v) => v / dl)
  const mid = [0, 1, 2].map((i) => (a.from[i] + a.to[i]) / 2 - centre[i])
  const along = mid[0] * u[0] + mid[1] * u[1] + mid[2] * u[2]
  let out = mid.map((v, i) => v - along * u[i])
  if (Math.hypot(...out) < 1e-9) out = Math.abs(u[1]) > 0.9 ? [0, 0, -1] : [0, -1, 0]
  const ol = Math.hypot(...out)
  const size = Math.hypot(...[0, 1, 2].map((i) => box.max[i] - box.min[i]))
  return out.map((v) => (v / ol) * size * 0.025)
}

export class Axes {
  readonly object = new Group()
  private readonly marker: Object3D | null = null
  private labels: AxisLabels
  private readonly specs: AxisSpec[]
  private readonly centre: [number, number, number]
  private viewport: [number, number, number] = [1, 1, 1]

  constructor(
    private readonly projection: Projection,
    bounds: Bounds,
    private readonly depthRange: [number, number],
    text: SceneText = DEFAULT_TEXT,
    private readonly background: string = SCENE_THEME.background
  ) {
    const { box, mode } = projection
    this.specs = axisSpecs(projection, bounds, depthRange)
    this.centre = [0, 1, 2].map((i) => (box.min[i] + box.max[i]) / 2) as [number, number, number]
    // axes and the box in one draw call
    const pos: number[] = []
    const col: number[] = []
    const axisRgb = linear(SCENE_THEME.axis)
    for (const a of this.specs) {
      pos.push(...a.from, ...a.to)
      col.push(...axisRgb, ...axisRgb)
      const out = tickOffset(a, this.centre, box)
      for (const tk of a.ticks) {
        pos.push(...tk.at, ...tk.at.map((v, i) => v + out[i]))
        col.push(...axisRgb, ...axisRgb)
      }
    }
    if (mode !== '1d') {
      const edges = boxEdges(box.min, box.max)
      pos.push(...edges)
      const boxRgb = linear(SCENE_THEME.box)
      for (let i = 0; i < edges.length / 3; i++) col.push(...boxRgb)
    }
    const lineGeom = new BufferGeometry()
    lineGeom.setAttribute('position', new Float32BufferAttribute(pos, 3))
    lineGeom.setAttribute('color', new Float32BufferAttribute(col, 3))
    this.object.add(new LineSegments(lineGeom, new LineBasicMaterial({ vertexColors: true })))

    this.labels = this.buildLabels(text)
    this.object.add(this.labels.object)

    const markerColor = SCENE_THEME.marker
    if (mode === '2d') {
      const plane = new Mesh(
        new PlaneGeometry(box.max[0] - box.min[0], box.max[2] - box.min[2]),
        new MeshBasicMaterial({ color: markerColor, transparent: true, opacity: SCENE_THEME.markerFill, side: DoubleSide, depthWrite: false })
      )
      plane.rotation.x = -Math.PI / 2
      plane.position.set((box.min[0] + box.max[0]) / 2, 0, (box.min[2] + box.max[2]) / 2)
      const edge = new BufferGeometry()
      const [x0, z0, x1, z1] = [box.min[0], box.min[2], box.max[0], box.max[2]]
      edge.setAttribute('position', new Float32BufferAttribute([x0, 0, z0, x1, 0, z0, x1, 0, z0, x1, 0, z1, x1, 0, z1, x0, 0, z1, x0, 0, z1, x0, 0, z0], 3))
      const outline = new LineSegments(edge, new LineBasicMaterial({ color: markerColor, transparent: true, opacity: SCENE_THEME.markerEdge }))
      const g = new Group()
      g.add(plane, outline)
      this.marker = g
    } else if (mode === '1d') {
      const geom = new BufferGeometry()
      geom.setAttribute('position', new Float32BufferAttribute([box.min[0], 0, 0, box.max[0], 0, 0], 3))
      this.marker = new Line(geom, new LineBasicMaterial({ color: markerColor, transparent: true, opacity: SCENE_THEME.markerEdge }))
    }
    if (this.marker) {
      this.marker.renderOrder = 2
      this.object.add(this.marker)
    }
    this.setDepth(depthRange[0])
  }

  /**
   * Per axis: its name beyond its high end, and its round tick values beside their marks (the box
   * corners' raw values used to pile up where the axes meet).
   */
  private buildLabels(text: SceneText): AxisLabels {
    const labels: LabelSpec[] = []
    this.specs.forEach((a, axis) => {
      labels.push({ text: text.axisNames[a.id], at: a.to, color: SCENE_THEME.name, kind: 'max', axis })
      const values = a.ticks.map((tk) => tk.value)
      const texts = text.formatTicks ? text.formatTicks(values, a.step) : values.map(text.formatTick)
      a.ticks.forEach((tk, i) => labels.push({ text: texts[i], at: tk.at, color: SCENE_THEME.tick, kind: 'tick', axis }))
    })
    const labelsObject = new AxisLabels(labels, this.specs, this.centre, this.background)
    labelsObject.setViewport(...this.viewport)
    return labelsObject
  }

  /** Redraw the labels in another language (names and number format). */
  setText(text: SceneText): void {
    this.object.remove(this.labels.object)
    this.labels.dispose()
    this.labels = this.buildLabels(text)
    this.object.add(this.labels.object)
  }

  /** Move the depth marker (an object transform, no buffer change). */
  setDepth(depth: number): void {
    if (!this.marker) return
    const t = Math.min(Math.max(depth, this.depthRange[0]), this.depthRange[1])
    // in the 1-D and 2-D views world y depends on depth alone: y = M[depth column].y * t + offset.y
    this.marker.position.y = this.projection.matrix[13] * t + this.projection.offset[1]
  }

  setViewport(width: number, height: number, pixelRatio: number): void {
    this.viewport = [width, height, pixelRatio]
    this.labels.setViewport(width, height, pixelRatio)
  }

  /** Place the labels for the camera about to render (CSS pixel view size, obstacles y up). */
  layoutLabels(camera: Camera, width: number, height: number, obstacles: Rect[] = []): boolean[] {
    return this.labels.layout(camera, width, height, obstacles)
  }

  dispose(): void {
    this.labels.dispose()
    this.object.traverse((o) => {
      if (o === this.labels.object) return
      const m = o as Partial<Mesh>
      m.geometry?.dispose()
      const mat = m.material
      for (const x of Array.isArray(mat) ? mat : mat ? [mat] : []) x.dispose()
    })
  }
}
