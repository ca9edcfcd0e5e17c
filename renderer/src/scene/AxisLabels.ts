// Axis labels as one draw call: every text is drawn once into a canvas atlas, and each label is a
// screen-aligned quad of constant pixel size anchored at a world point (billboarded in the vertex shader).
import { BufferGeometry, CanvasTexture, Float32BufferAttribute, GLSL3, LinearFilter, Mesh, RawShaderMaterial, Uint16BufferAttribute } from 'three'

export interface LabelSpec {
  text: string
  at: [number, number, number]
  color: string
}

/** Label height in CSS pixels; the atlas is drawn at twice that for sharp text on high-DPI screens. */
const HEIGHT_PX = 16
const ATLAS_SCALE = 2
const FONT = `500 ${13 * ATLAS_SCALE}px system-ui, sans-serif`

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
out vec2 vUv;
void main() {
  vec4 c = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  c.xy += aCorner * aSize * uPixelRatio * 2.0 / uViewport * c.w;
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

  constructor(labels: LabelSpec[]) {
    const canvas = document.createElement('canvas')
    const ctx = canvas.getContext('2d')
    const rowH = HEIGHT_PX * ATLAS_SCALE
    const widths = labels.map((l) => {
      if (!ctx) return rowH * 2
      ctx.font = FONT
      return Math.ceil(ctx.measureText(l.text).width) + 4 * ATLAS_SCALE
    })
    canvas.width = Math.max(1, ...widths)
    canvas.height = Math.max(1, rowH * labels.length)
    if (ctx) {
      ctx.font = FONT
      ctx.textBaseline = 'middle'
      labels.forEach((l, i) => {
        ctx.fillStyle = l.color
        ctx.fillText(l.text, 2 * ATLAS_SCALE, rowH * i + rowH / 2)
      })
    }
    this.texture = new CanvasTexture(canvas)
    this.texture.minFilter = LinearFilter
    this.texture.generateMipmaps = false

    const n = labels.length
    const pos = new Float32Array(n * 12)
    const corner = new Float32Array(n * 8)
    const size = new Float32Array(n * 8)
    const uv = new Float32Array(n * 8)
    const index = new Uint16Array(n * 6)
    const corners = [[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]]
    labels.forEach((l, i) => {
      const w = widths[i] / ATLAS_SCALE
      const u1 = widths[i] / canvas.width
      // CanvasTexture is flipped: canvas row i sits at v in [1 - (i+1)/n, 1 - i/n]
      const v0 = 1 - (i + 1) / n
      const v1 = 1 - i / n
      corners.forEach(([cx, cy], k) => {
        const v = i * 4 + k
        pos.set(l.at, v * 3)
        corner.set([cx, cy], v * 2)
        size.set([w, HEIGHT_PX], v * 2)
        uv.set([cx < 0 ? 0 : u1, cy < 0 ? v0 : v1], v * 2)
      })
      index.set([i * 4, i * 4 + 1, i * 4 + 2, i * 4, i * 4 + 2, i * 4 + 3], i * 6)
    })
    const geometry = new BufferGeometry()
    geometry.setAttribute('position', new Float32BufferAttribute(pos, 3))
    geometry.setAttribute('aCorner', new Float32BufferAttribute(corner, 2))
    geometry.setAttribute('aSize', new Float32BufferAttribute(size, 2))
    geometry.setAttribute('aUv', new Float32BufferAttribute(uv, 2))
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

  dispose(): void {
    this.object.geometry.dispose()
    this.material.dispose()
    this.texture.dispose()
  }
}
