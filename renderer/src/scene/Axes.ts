// Axis lines with text labels, a faint bounding box, and the marker of the current depth (a plane in
// the 2-D view, a line in the 1-D view). Static geometry built once per run; depth moves one object.
import {
  BufferGeometry,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  Line,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  type Object3D
} from 'three'
import { AxisLabels, type LabelSpec } from './AxisLabels'
import { axisSpecs, formatTick, type AxisSpec } from './axisSpecs'
import type { Bounds, Projection } from './projection'

function boxEdges(min: number[], max: number[]): Float32Array {
  const c = (i: number): number[] => [i & 1 ? max[0] : min[0], i & 2 ? max[1] : min[1], i & 4 ? max[2] : min[2]]
  const out: number[] = []
  for (let i = 0; i < 8; i++)
    for (const bit of [1, 2, 4])
      if (!(i & bit)) out.push(...c(i), ...c(i | bit))
  return Float32Array.from(out)
}

/** Unit vector along an axis, and the unit vector from the box centre to the axis, perpendicular to it. */
function labelDirections(a: AxisSpec, centre: number[]): { along: number[]; outward: number[] } {
  const d = [0, 1, 2].map((i) => a.to[i] - a.from[i])
  const len = Math.hypot(d[0], d[1], d[2]) || 1
  const along = d.map((v) => v / len)
  const w = [0, 1, 2].map((i) => a.from[i] - centre[i])
  const k = w[0] * along[0] + w[1] * along[1] + w[2] * along[2]
  const perp = w.map((v, i) => v - k * along[i])
  const pl = Math.hypot(perp[0], perp[1], perp[2])
  return { along, outward: pl > 1e-9 ? perp.map((v) => v / pl) : [0, -1, 0] }
}

export class Axes {
  readonly object = new Group()
  private readonly marker: Object3D | null = null
  private readonly labels: AxisLabels

  constructor(
    private readonly projection: Projection,
    bounds: Bounds,
    private readonly depthRange: [number, number]
  ) {
    const { box, mode } = projection
    const specs = axisSpecs(projection, bounds, depthRange)
    // axes (dark) and the box (light) in one draw call; vertex colours are linear, shown as about #3f3f3f and #bcbcbc
    const pos: number[] = []
    const col: number[] = []
    for (const a of specs) {
      pos.push(...a.from, ...a.to)
      col.push(0.05, 0.05, 0.05, 0.05, 0.05, 0.05)
    }
    if (mode !== '1d') {
      const edges = boxEdges(box.min, box.max)
      pos.push(...edges)
      for (let i = 0; i < edges.length; i++) col.push(0.5)
    }
    const lineGeom = new BufferGeometry()
    lineGeom.setAttribute('position', new Float32BufferAttribute(pos, 3))
    lineGeom.setAttribute('color', new Float32BufferAttribute(col, 3))
    this.object.add(new LineSegments(lineGeom, new LineBasicMaterial({ vertexColors: true })))

    const centre = [0, 1, 2].map((i) => (box.min[i] + box.max[i]) / 2)
    const labels: LabelSpec[] = []
    for (const a of specs) {
      const { along, outward } = labelDirections(a, centre)
      const at = (p: number[], u: number, o: number): [number, number, number] =>
        [0, 1, 2].map((i) => p[i] + along[i] * u + outward[i] * o) as [number, number, number]
      labels.push(
        { text: a.name, at: at(a.to, 0.12, 0.02), color: '#222222' },
        { text: formatTick(a.low), at: at(a.from, 0.12, 0.08), color: '#666666' },
        { text: formatTick(a.high), at: at(a.to, -0.02, 0.08), color: '#666666' }
      )
    }
    this.labels = new AxisLabels(labels)
    this.object.add(this.labels.object)

    if (mode === '2d') {
      const plane = new Mesh(
        new PlaneGeometry(box.max[0] - box.min[0], box.max[2] - box.min[2]),
        new MeshBasicMaterial({ color: 0x4a90d9, transparent: true, opacity: 0.12, side: DoubleSide, depthWrite: false })
      )
      plane.rotation.x = -Math.PI / 2
      plane.position.set((box.min[0] + box.max[0]) / 2, 0, (box.min[2] + box.max[2]) / 2)
      const edge = new BufferGeometry()
      const [x0, z0, x1, z1] = [box.min[0], box.min[2], box.max[0], box.max[2]]
      edge.setAttribute('position', new Float32BufferAttribute([x0, 0, z0, x1, 0, z0, x1, 0, z0, x1, 0, z1, x1, 0, z1, x0, 0, z1, x0, 0, z1, x0, 0, z0], 3))
      const outline = new LineSegments(edge, new LineBasicMaterial({ color: 0x4a90d9, transparent: true, opacity: 0.7 }))
      const g = new Group()
      g.add(plane, outline)
      this.marker = g
    } else if (mode === '1d') {
      const geom = new BufferGeometry()
      geom.setAttribute('position', new Float32BufferAttribute([box.min[0], 0, 0, box.max[0], 0, 0], 3))
      this.marker = new Line(geom, new LineBasicMaterial({ color: 0x4a90d9, transparent: true, opacity: 0.8 }))
    }
    if (this.marker) {
      this.marker.renderOrder = 2
      this.object.add(this.marker)
    }
    this.setDepth(depthRange[0])
  }

  /** Move the depth marker (an object transform, no buffer change). */
  setDepth(depth: number): void {
    if (!this.marker) return
    const t = Math.min(Math.max(depth, this.depthRange[0]), this.depthRange[1])
    // in the 1-D and 2-D views world y depends on depth alone: y = M[depth column].y * t + offset.y
    this.marker.position.y = this.projection.matrix[13] * t + this.projection.offset[1]
  }

  setViewport(width: number, height: number, pixelRatio: number): void {
    this.labels.setViewport(width, height, pixelRatio)
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
