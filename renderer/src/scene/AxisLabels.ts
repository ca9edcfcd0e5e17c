// Axis labels as one draw call: every text is drawn once into a canvas atlas, and each label is a
// screen-aligned quad of constant pixel size anchored at a world point (billboarded in the vertex shader).
// Before each frame layout() places the labels on screen (labelLayout.ts) and hides colliding ones;
// only two small attributes change, and only when the placement does.
import {
  BufferGeometry,
  CanvasTexture,
  Float32BufferAttribute,
  GLSL3,
  LinearFilter,
  Mesh,
  RawShaderMaterial,
  Uint16BufferAttribute,
  Vector3,
  type Camera
} from 'three'
import { layoutAxisLabels, type AxisOnScreen, type LabelKind, type Rect, type Vec2 } from './labelLayout'

export interface LabelSpec {
  text: string
  /** world anchor: the axis end (min / max) or middle (name) */
  at: [number, number, number]
  color: string
  kind: LabelKind
  /** index into the axes given to AxisLabels */
  axis: number
}

export interface AxisEnds {
  from: [number, number, number]
  to: [number, number, number]
}

/** Label height in CSS pixels; the atlas is drawn at twice that for sharp text on high-DPI screens. */
const HEIGHT_PX = 16
const ATLAS_SCALE = 2
const FAMILY = `system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif`
const FONT = `500 ${13 * ATLAS_SCALE}px ${FAMILY}`
/** a soft outline in the background colour keeps text legible over trajectories */
const HALO = 3 * ATLAS_SCALE
const PAD = 2 * ATLAS_SCALE + HALO / 2

const VERTEX = /* glsl */ `
precision highp float;
uniform mat4 modelViewMatrix;
uniform mat4 projectionMatrix;
uniform vec2 uViewport;
uniform float uPixelRatio;
in vec3 position;
in vec2 aCorner;
in vec2 aSize;
in vec2 aUv;
in vec3 aPlace;
out vec2 vUv;
void main() {
  if (aPlace.z < 0.5) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0); // hidden: outside the clip volume
    return;
  }
  vec4 c = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  c.xy += (aCorner * aSize + aPlace.xy) * uPixelRatio * 2.0 / uViewport * c.w;
  gl_Position = c;
  vUv = aUv;
}
`

const FRAGMENT = /* glsl */ `
precision highp float;
uniform sampler2D uAtlas;
in vec2 vUv;
out vec4 fragColor;
void main() {
  vec4 t = texture(uAtlas, vUv);
  if (t.a < 0.02) discard;
  fragColor = t;
}
`

export class AxisLabels {
  readonly object: Mesh
  private readonly material: RawShaderMaterial
  private readonly texture: CanvasTexture
  private readonly place: Float32BufferAttribute
  /** label sizes in CSS pixels */
  private readonly sizes: [number, number][]
  private readonly scratch = new Vector3()

  constructor(
    private readonly labels: LabelSpec[],
    private readonly axes: AxisEnds[],
    private readonly centre: [number, number, number],
    halo: string
  ) {
    const canvas = document.createElement('canvas')
    const ctx = canvas.getContext('2d')
    const rowH = HEIGHT_PX * ATLAS_SCALE
    const widths = labels.map((l) => {
      if (!ctx) return rowH * 2
      ctx.font = FONT
      return Math.ceil(ctx.measureText(l.text).width) + 2 * PAD
    })
    canvas.width = Math.max(1, ...widths)
    canvas.height = Math.max(1, rowH * labels.length)
    if (ctx) {
      ctx.font = FONT
      ctx.textBaseline = 'middle'
      ctx.lineJoin = 'round'
      ctx.lineWidth = HALO
      ctx.strokeStyle = halo
      labels.forEach((l, i) => {
        ctx.globalAlpha = 0.85
        ctx.strokeText(l.text, PAD, rowH * i + rowH / 2)
        ctx.globalAlpha = 1
        ctx.fillStyle = l.color
        ctx.fillText(l.text, PAD, rowH * i + rowH / 2)
      })
    }
    this.texture = new CanvasTexture(canvas)
    this.texture.minFilter = LinearFilter
    this.texture.generateMipmaps = false
    this.sizes = widths.map((w) => [w / ATLAS_SCALE, HEIGHT_PX])

    const n = labels.length
    const pos = new Float32Array(n * 12)
    const corner = new Float32Array(n * 8)
    const size = new Float32Array(n * 8)
    const uv = new Float32Array(n * 8)
    const index = new Uint16Array(n * 6)
    const corners = [
      [-0.5, -0.5],
      [0.5, -0.5],
      [0.5, 0.5],
      [-0.5, 0.5]
    ]
    labels.forEach((l, i) => {
      const u1 = widths[i] / canvas.width
      // CanvasTexture is flipped: canvas row i sits at v in [1 - (i+1)/n, 1 - i/n]
      const v0 = 1 - (i + 1) / n
      const v1 = 1 - i / n
      corners.forEach(([cx, cy], k) => {
        const v = i * 4 + k
        pos.set(l.at, v * 3)
        corner.set([cx, cy], v * 2)
        size.set(this.sizes[i], v * 2)
        uv.set([cx < 0 ? 0 : u1, cy < 0 ? v0 : v1], v * 2)
      })
      index.set([i * 4, i * 4 + 1, i * 4 + 2, i * 4, i * 4 + 2, i * 4 + 3], i * 6)
    })
    const geometry = new BufferGeometry()
    geometry.setAttribute('position', new Float32BufferAttribute(pos, 3))
    geometry.setAttribute('aCorner', new Float32BufferAttribute(corner, 2))
    geometry.setAttribute('aSize', new Float32BufferAttribute(size, 2))
    geometry.setAttribute('aUv', new Float32BufferAttribute(uv, 2))
    // (offset x, offset y, shown) per vertex, written by layout(); all hidden until the first layout
    this.place = new Float32BufferAttribute(new Float32Array(n * 12), 3)
    geometry.setAttribute('aPlace', this.place)
    geometry.setIndex(new Uint16BufferAttribute(index, 1))
    this.material = new RawShaderMaterial({
      glslVersion: GLSL3,
      vertexShader: VERTEX,
      fragmentShader: FRAGMENT,
      uniforms: { uAtlas: { value: this.texture }, uViewport: { value: [1, 1] }, uPixelRatio: { value: 1 } },
      transparent: true,
      depthTest: false,
      depthWrite: false
    })
    this.object = new Mesh(geometry, this.material)
    this.object.frustumCulled = false
    this.object.renderOrder = 10
  }

  /** Drawing-buffer size in device pixels, and device pixels per CSS pixel. */
  setViewport(width: number, height: number, pixelRatio: number): void {
    this.material.uniforms.uViewport.value = [width, height]
    this.material.uniforms.uPixelRatio.value = pixelRatio
  }

  /** World point to CSS pixels (y up) in a width x height view; null when outside the depth range. */
  private toScreen(p: readonly number[], camera: Camera, width: number, height: number): Vec2 | null {
    const v = this.scratch.set(p[0], p[1], p[2]).project(camera)
    if (!(v.z >= -1 && v.z <= 1)) return null
    return [((v.x + 1) / 2) * width, ((v.y + 1) / 2) * height]
  }

  /**
   * Place the labels for `camera` (matrices up to date) in a view of width x height CSS pixels, keeping
   * clear of `obstacles` (CSS pixels, y up). Returns which labels are shown.
   */
  layout(camera: Camera, width: number, height: number, obstacles: Rect[] = []): boolean[] {
    const axes: AxisOnScreen[] = this.axes.map((a) => ({
      from: this.toScreen(a.from, camera, width, height),
      to: this.toScreen(a.to, camera, width, height)
    }))
    const items = this.labels.map((l, i) => ({
      kind: l.kind,
      axis: l.axis,
      width: this.sizes[i][0],
      height: this.sizes[i][1],
      anchor: this.toScreen(l.at, camera, width, height)
    }))
    const { show, offsets } = layoutAxisLabels(items, axes, this.toScreen(this.centre, camera, width, height), { width, height, obstacles })
    const a = this.place.array as Float32Array
    let changed = false
    show.forEach((s, i) => {
      for (let k = 0; k < 4; k++) {
        const j = (i * 4 + k) * 3
        const next = [offsets[i][0], offsets[i][1], s ? 1 : 0]
        for (let c = 0; c < 3; c++) {
          if (a[j + c] !== Math.fround(next[c])) {
            a[j + c] = next[c]
            changed = true
          }
        }
      }
    })
    if (changed) this.place.needsUpdate = true
    return show
  }

  dispose(): void {
    this.object.geometry.dispose()
    this.material.dispose()
    this.texture.dispose()
  }
}
