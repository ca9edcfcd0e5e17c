// Scrubbing touches uniforms only: textures are built once per run and every material sees the same
// uniform objects, so a depth change reaches the points, lines and trails without any upload.
import { describe, expect, it } from 'vitest'
import { ParticleCloud } from '../../../../renderer/src/scene/ParticleCloud'
import { fitProjection, computeBounds, project } from '../../../../renderer/src/scene/projection'
import { TrajectoryLines } from '../../../../renderer/src/scene/TrajectoryLines'
import { TrajectoryTextures } from '../../../../renderer/src/scene/TrajectoryTextures'
import type { TrajectoryData } from '../../../../shared/contract'

function run(): TrajectoryData {
  const S = 5
  const N = 6
  const depths = [0, 0.1, 0.2, 0.3, 0.4]
  const data = new Float32Array(S * N * 2)
  for (let s = 0; s < S; s++) for (let p = 0; p < N; p++) data.set([p - 2.5, p * (1 - depths[s])], (s * N + p) * 2)
  return { shape: [S, N, 2], depths, data, labels: Int32Array.from([0, 0, 1, 1, 2, 2]) }
}

describe('TrajectoryTextures', () => {
  const r = run()
  const bounds = computeBounds(r.data, 30, 2)
  const projection = fitProjection(bounds, [0, 0.4])

  it('holds the run in an RG float texture and the projection in uniforms', () => {
    const t = new TrajectoryTextures(r, projection, 8192, 'component')
    const pos = t.uniforms.uPositions.value
    expect(pos.image.width * pos.image.height).toBeGreaterThanOrEqual(30)
    expect(pos.type).toBe(1015) // FloatType
    expect(pos.format).toBe(1030) // RGFormat
    expect(t.uniforms.uCount.value).toBe(6)
    // the uniform matrix maps data like project()
    const m = t.uniforms.uProject.value.elements
    expect(Array.from(m)).toEqual(projection.matrix)
    expect(project(projection, [bounds.max[0], bounds.max[1]], 0.4)).toEqual([1, 1, -1])
    t.dispose()
  })

  it('changes only four uniforms when scrubbing, shared by every material', () => {
    const t = new TrajectoryTextures(r, projection, 8192, 'component')
    const cloud = new ParticleCloud(t.uniforms, 6, 1)
    const lines = new TrajectoryLines(t.uniforms, 6, 5)
    const textures = t.textures
    const versions = textures.map((x) => x.version)
    const geoms = [cloud.object.geometry, lines.object.geometry]
    const attrVersions = geoms.flatMap((g) => Object.values(g.attributes).map((a) => (a as { version: number }).version))
    for (const d of [0.05, 0.25, 0.4, 0.13, 0]) t.setDepth(d)
    t.setDepth(0.25)
    expect(textures.map((x) => x.version)).toEqual(versions)
    expect(geoms.flatMap((g) => Object.values(g.attributes).map((a) => (a as { version: number }).version))).toEqual(attrVersions)
    const mats = [cloud.object.material, lines.object.material] as unknown as { uniforms: Record<string, { value: unknown }> }[]
    for (const m of mats) {
      expect(m.uniforms.uSample0.value).toBe(2)
      expect(m.uniforms.uSample1.value).toBe(3)
      expect(m.uniforms.uWeight.value as number).toBeCloseTo(0.5, 12)
      expect(m.uniforms.uDepth.value).toBe(0.25)
    }
    cloud.dispose()
    lines.dispose()
    t.dispose()
  })

  it('re-uploads only the small colour texture when the colouring changes', () => {
    const t = new TrajectoryTextures(r, projection, 8192, 'component')
    const positions = t.uniforms.uPositions.value
    const v = positions.version
    const before = t.uniforms.uColors.value
    t.setColorBy('initial')
    expect(t.uniforms.uColors.value).not.toBe(before)
    expect(positions.version).toBe(v)
    // particle 0 has the smallest initial x: the dark end of viridis
    expect(Array.from((t.uniforms.uColors.value.image.data as Uint8Array).slice(0, 4))).toEqual([0x44, 0x01, 0x54, 255])
    t.dispose()
  })

  it('clamps the depth uniform to the recorded range', () => {
    const t = new TrajectoryTextures(r, projection, 8192, 'component')
    t.setDepth(7)
    expect(t.uniforms.uDepth.value).toBe(0.4)
    expect(t.uniforms.uWeight.value).toBe(1)
    t.dispose()
  })
})

describe('drawable geometry', () => {
  it('gives three a finite vertex count for objects without a position attribute', async () => {
    const { Trails, TRAIL_STEPS } = await import('../../../../renderer/src/scene/Trails')
    const r = run()
    const t = new TrajectoryTextures(r, fitProjection(computeBounds(r.data, 30, 2), [0, 0.4]), 8192, 'component')
    const cloud = new ParticleCloud(t.uniforms, 6, 1)
    const trails = new Trails(t.uniforms, 6)
    const lines = new TrajectoryLines(t.uniforms, 6, 5)
    // three draws min(drawRange, index or position count); with neither it silently draws nothing
    expect(cloud.object.geometry.drawRange.count).toBe(6)
    expect(trails.object.geometry.drawRange.count).toBe(6 * (TRAIL_STEPS - 1) * 2)
    expect(lines.object.geometry.index?.count).toBe(6 * 4 * 2)
    for (const o of [cloud, trails, lines]) o.dispose()
    t.dispose()
  })
})
