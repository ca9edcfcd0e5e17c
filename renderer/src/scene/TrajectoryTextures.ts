// A run's trajectories on the GPU: the position texture (uploaded once per run), the depth samples,
// the particle colours (re-uploaded only when the colouring changes) and the uniforms every trajectory
// material shares. Scrubbing depth writes four uniforms and nothing else.
import {
  DataTexture,
  FloatType,
  Matrix4,
  NearestFilter,
  RedFormat,
  RGBAFormat,
  RGBFormat,
  RGFormat,
  UnsignedByteType,
  Vector3,
  type IUniform,
  type Texture
} from 'three'
import type { TrajectoryData } from '../../../shared/contract'
import { particleColors, type ColorBy } from './colors'
import { bracket } from './depth'
import { packPositions, planUpload, PREFERRED_WIDTH, type UploadPlan } from './layout'
import type { Projection } from './projection'

export type SharedUniforms = Record<
  'uPositions' | 'uColors' | 'uDepths' | 'uWidth' | 'uColorWidth' | 'uCount' | 'uSample0' | 'uSample1' | 'uWeight' | 'uDepth' | 'uProject' | 'uOffset',
  IUniform
>

function dataTexture(
  data: Float32Array | Uint8Array,
  width: number,
  height: number,
  format: typeof RGBAFormat | typeof RGBFormat | typeof RGFormat | typeof RedFormat
): DataTexture {
  const t = new DataTexture(data, width, height, format, data instanceof Float32Array ? FloatType : UnsignedByteType)
  if (format === RGBFormat && data instanceof Float32Array) t.internalFormat = 'RGB32F'
  t.minFilter = NearestFilter
  t.magFilter = NearestFilter
  t.generateMipmaps = false
  t.flipY = false
  t.unpackAlignment = 1
  t.needsUpdate = true
  return t
}

const FORMATS = { 1: RedFormat, 2: RGFormat, 3: RGBFormat } as const

export class TrajectoryTextures {
  readonly plan: UploadPlan
  /** depth of each sample (float64 on the CPU; the texture holds the float32 copy the shaders compare) */
  readonly depths: number[]
  readonly uniforms: SharedUniforms
  private readonly positions: DataTexture
  private readonly depthTexture: DataTexture
  private colors: DataTexture
  private readonly colorWidth: number
  private readonly bracket = { i0: 0, i1: 0, w: 0 }

  constructor(
    private readonly run: TrajectoryData,
    projection: Projection,
    maxTextureSize: number,
    colorBy: ColorBy
  ) {
    this.plan = planUpload(run.shape, maxTextureSize)
    const { width, height, channels, count, samples } = this.plan
    this.positions = dataTexture(packPositions(run.data, this.plan), width, height, FORMATS[channels])
    this.depths = run.depths.slice(0, samples)
    this.depthTexture = dataTexture(Float32Array.from(this.depths), samples, 1, RedFormat)
    this.colorWidth = Math.min(count, maxTextureSize, PREFERRED_WIDTH)
    this.colors = this.makeColors(colorBy)
    this.uniforms = {
      uPositions: { value: this.positions },
      uColors: { value: this.colors },
      uDepths: { value: this.depthTexture },
      uWidth: { value: width },
      uColorWidth: { value: this.colorWidth },
      uCount: { value: count },
      uSample0: { value: 0 },
      uSample1: { value: Math.min(1, samples - 1) },
      uWeight: { value: 0 },
      uDepth: { value: this.depths[0] ?? 0 },
      uProject: { value: new Matrix4().fromArray(projection.matrix) },
      uOffset: { value: new Vector3(...projection.offset) }
    }
  }

  private makeColors(colorBy: ColorBy): DataTexture {
    const { count, particles, total, dim } = this.plan
    const rows = Math.ceil(count / this.colorWidth)
    const rgba = particleColors({ data: this.run.data, total, dim, labels: this.run.labels, particles, count }, colorBy, rows * this.colorWidth)
    return dataTexture(rgba, this.colorWidth, rows, RGBAFormat)
  }

  setColorBy(colorBy: ColorBy): void {
    const old = this.colors
    this.colors = this.makeColors(colorBy)
    this.uniforms.uColors.value = this.colors
    old.dispose()
  }

  /** Move every trajectory material to `depth` (clamped to the recorded range). Uniforms only. */
  setDepth(depth: number): void {
    const b = bracket(this.depths, depth, this.bracket)
    const u = this.uniforms
    u.uSample0.value = b.i0
    u.uSample1.value = b.i1
    u.uWeight.value = b.w
    const last = this.depths[this.depths.length - 1]
    u.uDepth.value = Number.isFinite(depth) ? Math.min(Math.max(depth, this.depths[0]), last) : this.depths[0]
  }

  get textures(): Texture[] {
    return [this.positions, this.depthTexture, this.colors]
  }

  dispose(): void {
    for (const t of this.textures) t.dispose()
  }
}
