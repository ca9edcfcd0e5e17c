// The particles at the current depth, as round points; positions come from the shared texture.
import { BufferGeometry, Float32BufferAttribute, GLSL3, Points, RawShaderMaterial } from 'three'
import { POINTS_FRAGMENT, POINTS_VERTEX } from './shaders'
import type { SharedUniforms } from './TrajectoryTextures'

/** Point diameter in CSS pixels: large for a handful of particles, small for a dense cloud. */
export function pointSizeFor(count: number): number {
  if (count <= 200) return 7
  if (count <= 2_000) return 5
  if (count <= 20_000) return 3.5
  return 2.5
}

export class ParticleCloud {
  readonly object: Points
  private readonly material: RawShaderMaterial

  constructor(uniforms: SharedUniforms, count: number, pixelRatio: number) {
    const geometry = new BufferGeometry()
    const ids = new Float32Array(count)
    for (let i = 0; i < count; i++) ids[i] = i
    geometry.setAttribute('aParticle', new Float32BufferAttribute(ids, 1))
    // no 'position' attribute, so three needs the vertex count spelled out
    geometry.setDrawRange(0, count)
    this.material = new RawShaderMaterial({
      glslVersion: GLSL3,
      vertexShader: POINTS_VERTEX,
      fragmentShader: POINTS_FRAGMENT,
      uniforms: { ...uniforms, uPointSize: { value: pointSizeFor(count) * pixelRatio } }
    })
    this.object = new Points(geometry, this.material)
    this.object.frustumCulled = false
    this.object.renderOrder = 1
  }

  setPixelRatio(count: number, pixelRatio: number): void {
    this.material.uniforms.uPointSize.value = pointSizeFor(count) * pixelRatio
  }

  dispose(): void {
    this.object.geometry.dispose()
    this.material.dispose()
  }
}
