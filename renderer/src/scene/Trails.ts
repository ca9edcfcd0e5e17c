// Fading trails of the 3-D view: for an even subsample of particles, segments from the current
// position back through the last TRAIL_STEPS - 1 recorded samples, alpha falling towards the tail.
import { BufferGeometry, Float32BufferAttribute, GLSL3, LineSegments, RawShaderMaterial } from 'three'
import { evenSubsample, spreadOrder } from './layout'
import { FADE_FRAGMENT, TRAILS_VERTEX } from './shaders'
import type { SharedUniforms } from './TrajectoryTextures'

export const TRAIL_BUDGET = 10_000
export const TRAIL_STEPS = 8

/** Two vertices per segment (k, k + 1), k = 0 .. steps - 2, for each chosen particle. */
export function trailGeometryArrays(particles: Int32Array, steps: number): { particle: Float32Array; step: Float32Array } {
  const segs = Math.max(0, steps - 1)
  const n = particles.length * segs * 2
  const particle = new Float32Array(n)
  const step = new Float32Array(n)
  let v = 0
  for (let j = 0; j < particles.length; j++) {
    for (let k = 0; k < segs; k++) {
      particle[v] = particles[j]
      step[v++] = k
      particle[v] = particles[j]
      step[v++] = k + 1
    }
  }
  return { particle, step }
}

export class Trails {
  readonly object: LineSegments
  /** trails built (the most that can be drawn) and trails drawn now */
  readonly built: number
  shown: number
  private readonly material: RawShaderMaterial
  private readonly segments: number
  private readonly alpha: number

  constructor(uniforms: SharedUniforms, count: number, budget = TRAIL_BUDGET, steps = TRAIL_STEPS) {
    const chosen = spreadOrder(evenSubsample(count, budget))
    this.built = chosen.length
    this.shown = chosen.length
    this.segments = Math.max(0, steps - 1)
    this.alpha = this.shown > 2_000 ? 0.5 : 0.9
    const arrays = trailGeometryArrays(chosen, steps)
    const geometry = new BufferGeometry()
    geometry.setAttribute('aParticle', new Float32BufferAttribute(arrays.particle, 1))
    geometry.setAttribute('aStep', new Float32BufferAttribute(arrays.step, 1))
    // no 'position' attribute, so three needs the vertex count spelled out
    geometry.setDrawRange(0, arrays.step.length)
    this.material = new RawShaderMaterial({
      glslVersion: GLSL3,
      vertexShader: TRAILS_VERTEX,
      fragmentShader: FADE_FRAGMENT,
      uniforms: { ...uniforms, uSteps: { value: steps }, uTrailAlpha: { value: this.alpha } },
      transparent: true,
      depthWrite: false
    })
    this.object = new LineSegments(geometry, this.material)
    this.object.frustumCulled = false
  }

  /** Draw the first `trails` of the built ones (a spread subsample), at `opacity` times the default alpha. */
  setStyle(trails: number, opacity: number): void {
    this.shown = Math.max(0, Math.min(this.built, Math.round(trails)))
    this.object.geometry.setDrawRange(0, this.shown * this.segments * 2)
    this.material.uniforms.uTrailAlpha.value = Math.min(1, this.alpha * Math.max(0, Math.min(1, opacity)) * 2)
  }

  dispose(): void {
    this.object.geometry.dispose()
    this.material.dispose()
  }
}
