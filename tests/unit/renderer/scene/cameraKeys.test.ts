// Keyboard camera control: which key does what, the orbit step (distance kept, poles avoided), and
// the preset views (checked with three's own camera: what ends up right and up on screen).
import { PerspectiveCamera, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { cameraCommand, ORBIT_STEP, orbitPosition, PRESET_DIRECTIONS, type ViewPreset } from '../../../../renderer/src/scene/cameraKeys'
import { fitProjection, frameBox, project } from '../../../../renderer/src/scene/projection'

describe('cameraCommand', () => {
  it('maps r, 1, 2, 3 and the arrows, and nothing else', () => {
    expect(cameraCommand({ key: 'r' })).toEqual({ kind: 'reset' })
    expect(cameraCommand({ key: 'R' })).toEqual({ kind: 'reset' })
    expect(cameraCommand({ key: '1' })).toEqual({ kind: 'preset', view: 'front' })
    expect(cameraCommand({ key: '2' })).toEqual({ kind: 'preset', view: 'top' })
    expect(cameraCommand({ key: '3' })).toEqual({ kind: 'preset', view: 'side' })
    expect(cameraCommand({ key: 'ArrowLeft' })).toEqual({ kind: 'orbit', azimuth: -ORBIT_STEP, polar: 0 })
    expect(cameraCommand({ key: 'ArrowRight' })).toEqual({ kind: 'orbit', azimuth: ORBIT_STEP, polar: 0 })
    expect(cameraCommand({ key: 'ArrowUp' })).toEqual({ kind: 'orbit', azimuth: 0, polar: -ORBIT_STEP })
    expect(cameraCommand({ key: 'ArrowDown' })).toEqual({ kind: 'orbit', azimuth: 0, polar: ORBIT_STEP })
    expect(ORBIT_STEP).toBeCloseTo((5 * Math.PI) / 180, 15)
    for (const key of ['4', 'x', 'Enter', ' ', 'Tab', 'Home']) expect(cameraCommand({ key })).toBeNull()
  })
  it('leaves shortcuts with modifiers to the browser (ctrl+r reloads, alt+arrows navigate)', () => {
    expect(cameraCommand({ key: 'r', ctrlKey: true })).toBeNull()
    expect(cameraCommand({ key: 'r', metaKey: true })).toBeNull()
    expect(cameraCommand({ key: 'ArrowLeft', altKey: true })).toBeNull()
  })
})

describe('orbitPosition', () => {
  const target = [1, 2, 3] as const
  it('turns about the vertical through the target, keeping the distance', () => {
    const p = orbitPosition([1, 2, 8], target, Math.PI / 2, 0)
    expect(p[0]).toBeCloseTo(6, 12)
    expect(p[1]).toBeCloseTo(2, 12)
    expect(p[2]).toBeCloseTo(3, 12)
    // left then right returns to the start
    const back = orbitPosition(orbitPosition([4, 5, 6], target, -ORBIT_STEP, 0), target, ORBIT_STEP, 0)
    back.forEach((v, i) => expect(v).toBeCloseTo([4, 5, 6][i], 12))
  })
  it('moves up by the polar step: from the horizon, height = r sin(step)', () => {
    const p = orbitPosition([1, 2, 8], target, 0, -ORBIT_STEP)
    expect(p[1] - 2).toBeCloseTo(5 * Math.sin(ORBIT_STEP), 12)
    expect(Math.hypot(p[0] - 1, p[1] - 2, p[2] - 3)).toBeCloseTo(5, 12)
  })
  it('stops just short of the poles instead of flipping over', () => {
    let p: [number, number, number] = [1, 2, 8]
    for (let i = 0; i < 40; i++) p = orbitPosition(p, target, 0, -ORBIT_STEP)
    expect(p[1] - 2).toBeLessThan(5)
    expect(p[1] - 2).toBeCloseTo(5 * Math.cos(1e-3), 9)
    expect(p[2] - 3).toBeGreaterThan(0) // still on the viewer's side
  })
})

describe('preset views', () => {
  // the 2-D view: world x = data x, world y = depth, world z = -data y
  const projection = fitProjection({ min: [-2, -1], max: [2, 1] }, [0, 0.45])
  const cameraFor = (view: ViewPreset): PerspectiveCamera => {
    const f = frameBox(projection.box, '2d', 40, 1.5, 1.25, PRESET_DIRECTIONS[view])
    const c = new PerspectiveCamera(40, 1.5, f.near, f.far)
    c.position.set(...f.position)
    c.lookAt(new Vector3(...f.target))
    c.updateMatrixWorld()
    return c
  }
  /** Where the data point (x, y) at depth t lands in normalized device coordinates. */
  const ndc = (c: PerspectiveCamera, x: number, y: number, t: number): Vector3 => new Vector3(...project(projection, [x, y], t)).project(c)

  it('front (1): data x to the right, depth up, data y straight away from the viewer', () => {
    const c = cameraFor('front')
    expect(ndc(c, 2, 0, 0.225).x).toBeGreaterThan(ndc(c, -2, 0, 0.225).x + 0.5)
    expect(ndc(c, 0, 0, 0.45).y).toBeGreaterThan(ndc(c, 0, 0, 0).y + 0.5)
    expect(Math.abs(ndc(c, 0, 1, 0.225).x - ndc(c, 0, -1, 0.225).x)).toBeLessThan(1e-9)
  })
  it('top (2): looking down the depth axis at the data plane, x right and y up', () => {
    const c = cameraFor('top')
    expect(ndc(c, 2, 0, 0.225).x).toBeGreaterThan(ndc(c, -2, 0, 0.225).x + 0.5)
    expect(ndc(c, 0, 1, 0.225).y).toBeGreaterThan(ndc(c, 0, -1, 0.225).y + 0.3)
    // depth barely moves a point on screen (it points at the camera)
    expect(Math.hypot(ndc(c, 0, 0, 0.45).x - ndc(c, 0, 0, 0).x, ndc(c, 0, 0, 0.45).y - ndc(c, 0, 0, 0).y)).toBeLessThan(0.01)
  })
  it('side (3): data y to the right (away from the front), depth up, x towards the viewer', () => {
    const c = cameraFor('side')
    expect(ndc(c, 0, 1, 0.225).x).toBeGreaterThan(ndc(c, 0, -1, 0.225).x + 0.3)
    expect(ndc(c, 0, 0, 0.45).y).toBeGreaterThan(ndc(c, 0, 0, 0).y + 0.5)
    expect(Math.abs(ndc(c, 2, 0, 0.225).x - ndc(c, -2, 0, 0.225).x)).toBeLessThan(1e-9)
  })
  it('every preset frames the whole box', () => {
    for (const view of ['front', 'top', 'side'] as const) {
      const c = cameraFor(view)
      for (let i = 0; i < 8; i++) {
        const b = projection.box
        const v = new Vector3(i & 1 ? b.max[0] : b.min[0], i & 2 ? b.max[1] : b.min[1], i & 4 ? b.max[2] : b.min[2]).project(c)
        expect(Math.abs(v.x)).toBeLessThanOrEqual(1 + 1e-9)
        expect(Math.abs(v.y)).toBeLessThanOrEqual(1 + 1e-9)
      }
    }
  })
})
