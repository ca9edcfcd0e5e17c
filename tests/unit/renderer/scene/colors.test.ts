// Particle colours: the Okabe-Ito palette by component, viridis by initial position, RGBA8 layout.
import { describe, expect, it } from 'vitest'
import { componentColor, hexToRgb, initialRange, particleColors, UNLABELLED, viridis } from '../../../../renderer/src/scene/colors'

describe('palettes', () => {
  it('uses the published Okabe-Ito colours and wraps after eight components', () => {
    // Okabe & Ito (2008): orange, sky blue, bluish green, blue, vermillion, reddish purple, yellow, and
    // a light grey #BBBBBB for their black, which would vanish on the dark background
    expect(componentColor(0)).toEqual([230, 159, 0])
    expect(componentColor(1)).toEqual([86, 180, 233])
    expect(componentColor(2)).toEqual([0, 158, 115])
    expect(componentColor(3)).toEqual([0, 114, 178])
    expect(componentColor(4)).toEqual([213, 94, 0])
    expect(componentColor(5)).toEqual([204, 121, 167])
    expect(componentColor(6)).toEqual([240, 228, 66])
    expect(componentColor(7)).toEqual([187, 187, 187])
    expect(componentColor(9)).toEqual(componentColor(1))
    expect(componentColor(-1)).toEqual(hexToRgb(UNLABELLED))
  })
  it('matches viridis at its ends and middle, and interpolates between stops', () => {
    expect(viridis(0)).toEqual([0x44, 0x01, 0x54])
    expect(viridis(0.5)).toEqual([0x21, 0x91, 0x8c])
    expect(viridis(1)).toEqual([0xfd, 0xe7, 0x25])
    expect(viridis(-3)).toEqual(viridis(0))
    expect(viridis(7)).toEqual(viridis(1))
    // halfway between stops 0 (#440154) and 1 (#472d7b)
    expect(viridis(1 / 16)).toEqual([Math.round((0x44 + 0x47) / 2), Math.round((0x01 + 0x2d) / 2), Math.round((0x54 + 0x7b) / 2)])
  })
})

describe('particleColors', () => {
  // 1 sample (depth 0 only is read anyway), 4 particles in 2-D
  const data = Float32Array.from([-2, 9, 0, 9, 2, 9, 1, 9])
  const labels = Int32Array.from([1, 0, 1, 3])

  it('colours by component label, opaque, one RGBA texel per displayed particle, padded', () => {
    const c = particleColors({ data, total: 4, dim: 2, labels, particles: null, count: 4 }, 'component', 6)
    expect(c.length).toBe(24)
    expect(Array.from(c.slice(0, 4))).toEqual([86, 180, 233, 255])
    expect(Array.from(c.slice(4, 8))).toEqual([230, 159, 0, 255])
    expect(Array.from(c.slice(12, 16))).toEqual([0, 114, 178, 255])
    expect(Array.from(c.slice(16))).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
  })
  it('colours by the first coordinate at depth 0 over its range', () => {
    expect(initialRange(data, 4, 2)).toEqual([-2, 2])
    const c = particleColors({ data, total: 4, dim: 2, labels, particles: null, count: 4 }, 'initial')
    expect(Array.from(c.slice(0, 3))).toEqual(viridis(0))
    expect(Array.from(c.slice(4, 7))).toEqual(viridis(0.5))
    expect(Array.from(c.slice(8, 11))).toEqual(viridis(1))
    expect(Array.from(c.slice(12, 15))).toEqual(viridis(0.75))
  })
  it('follows the displayed subsample', () => {
    const c = particleColors({ data, total: 4, dim: 2, labels, particles: Int32Array.from([1, 3]), count: 2 }, 'component')
    expect(Array.from(c)).toEqual([230, 159, 0, 255, 0, 114, 178, 255])
  })
  it('uses one colour when asked for components of a run without labels', () => {
    const c = particleColors({ data, total: 4, dim: 2, particles: null, count: 4 }, 'component')
    for (let j = 0; j < 4; j++) expect(Array.from(c.slice(j * 4, j * 4 + 4))).toEqual([230, 159, 0, 255])
  })
})
