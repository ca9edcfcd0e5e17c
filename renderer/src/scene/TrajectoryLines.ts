// Whole trajectories as lines (1-D and 2-D views) for an even subsample of at most LINE_BUDGET
// particles; vertices are (particle, sample) pairs resolved in the vertex shader.
import { BufferGeometry, Float32BufferAttribute, GLSL3, LineSegments, RawShaderMaterial, Uint32BufferAttribute } from 'three'
import { evenSubsample } from './layout'
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
  readonly shown: number
  private readonly material: RawShaderMaterial

  constructor(uniforms: SharedUniforms, count: number, samples: number, budget = LINE_BUDGET) {
    const chosen = evenSubsample(count, budget)
    this.shown = chosen.length
    const arrays = lineGeometryArrays(chosen, samples)
    const geometry = new BufferGeometry()
    geometry.setAttribute('aParticle', new Float32BufferAttribute(arrays.particle, 1))
    geometry.setAttribute('aSample', new Float32BufferAttribute(arrays.sample, 1))
    geometry.setIndex(new Uint32BufferAttribute(arrays.index, 1))
    // fainter lines when many overlap
    const dense = this.shown > 500
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

  dispose(): void {
    this.object.geometry.dispose()
    this.material.dispose()
  }
}
