// Whole trajectories as lines (1-D and 2-D views) for an even subsample of at most LINE_BUDGET
// particles; vertices are (particle, sample) pairs resolved in the vertex shader.
import { BufferGeometry, Float32BufferAttribute, GLSL3, LineSegments, RawShaderMaterial, Uint32BufferAttribute } from 'three'
import { evenSubsample, spreadOrder } from './layout'
import { FADE_FRAGMENT, LINES_VERTEX } from './shaders'
import type { SharedUniforms } from './TrajectoryTextures'

export const LINE_BUDGET = 2_000

export interface LineGeometryArrays {
  particle: Float32Array
  sample: Float32Array
  /** pairs of vertex indices, one pair per segment */
  index: Uint32Array
}

/** Vertices (particle, sample) for each chosen particle and each sample, and segments between neighbours. */
export function lineGeometryArrays(particles: Int32Array, samples: number): LineGeometryArrays {
  const m = particles.length
  const particle = new Float32Array(m * samples)
  const sample = new Float32Array(m * samples)
  const index = new Uint32Array(m * Math.max(0, samples - 1) * 2)
  let e = 0
  for (let j = 0; j < m; j++) {
    for (let s = 0; s < samples; s++) {
      const v = j * samples + s
      particle[v] = particles[j]
      sample[v] = s
      if (s > 0) {
        index[e++] = v - 1
        index[e++] = v
      }
    }
  }
  return { particle, sample, index }
}

export class TrajectoryLines {
  readonly object: LineSegments
  /** lines built (the most that can be drawn) and lines drawn now */
  readonly built: number
  shown: number
  private readonly material: RawShaderMaterial
  private readonly segments: number
  private readonly alpha: [number, number]

  constructor(uniforms: SharedUniforms, count: number, samples: number, budget = LINE_BUDGET) {
    // spread order: drawing a prefix (fewer lines) still covers the whole cloud
    const chosen = spreadOrder(evenSubsample(count, budget))
    this.built = chosen.length
    this.shown = chosen.length
    this.segments = Math.max(0, samples - 1)
    const arrays = lineGeometryArrays(chosen, samples)
    const geometry = new BufferGeometry()
    geometry.setAttribute('aParticle', new Float32BufferAttribute(arrays.particle, 1))
    geometry.setAttribute('aSample', new Float32BufferAttribute(arrays.sample, 1))
    geometry.setIndex(new Uint32BufferAttribute(arrays.index, 1))
    // fainter lines when many overlap
    const dense = this.shown > 500
    this.alpha = dense ? [0.35, 0.08] : [0.7, 0.18]
    this.material = new RawShaderMaterial({
      glslVersion: GLSL3,
      vertexShader: LINES_VERTEX,
      fragmentShader: FADE_FRAGMENT,
      uniforms: { ...uniforms, uAlphaPast: { value: dense ? 0.35 : 0.7 }, uAlphaFuture: { value: dense ? 0.08 : 0.18 } },
      transparent: true,
      depthWrite: false
    })
    this.object = new LineSegments(geometry, this.material)
    this.object.frustumCulled = false
  }

  /** Draw the first `lines` of the built ones (a spread subsample), at `opacity` times the default alpha. */
  setStyle(lines: number, opacity: number): void {
    this.shown = Math.max(0, Math.min(this.built, Math.round(lines)))
    this.object.geometry.setDrawRange(0, this.shown * this.segments * 2)
    const f = Math.max(0, Math.min(1, opacity))
    this.material.uniforms.uAlphaPast.value = Math.min(1, this.alpha[0] * f * 2)
    this.material.uniforms.uAlphaFuture.value = Math.min(1, this.alpha[1] * f * 2)
  }

  dispose(): void {
    this.object.geometry.dispose()
    this.material.dispose()
  }
}
