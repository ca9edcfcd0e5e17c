// Axis label placement: min / max beyond the axis ends, names beside the axis away from the box,
// and greedy collision skipping, checked by hand-computed rectangles and at the real default camera
// of the paper-47 run, where the three minima used to pile up at the shared corner.
import { PerspectiveCamera, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { axisSpecs, formatTick, type SceneText } from '../../../../renderer/src/scene/axisSpecs'
import {
  LABEL_GAP,
  labelDirection,
  labelPriority,
  layoutAxisLabels,
  overlaps,
  placeBeyond,
  resolveCollisions,
  type LabelItem,
  type Rect,
  type Vec2
} from '../../../../renderer/src/scene/labelLayout'
import { fitProjection, frameBox, type Bounds } from '../../../../renderer/src/scene/projection'

const close = (v: Vec2, w: Vec2): void => {
  expect(v[0]).toBeCloseTo(w[0], 12)
  expect(v[1]).toBeCloseTo(w[1], 12)
}

describe('labelDirection', () => {
  const from: Vec2 = [100, 100]
  const to: Vec2 = [300, 100]
  it('pushes min before the start and max past the end, along the axis', () => {
    close(labelDirection('min', from, to, [200, 200]), [-1, 0])
    close(labelDirection('max', from, to, [200, 200]), [1, 0])
    const d = labelDirection('max', [0, 0], [30, 40], [0, 100])
    close(d, [0.6, 0.8])
  })
  it('puts the name beside the axis, on the side away from the box centre', () => {
    // centre above the axis (y up): name goes below
    close(labelDirection('name', from, to, [200, 200]), [0, -1])
    close(labelDirection('name', from, to, [200, 0]), [0, 1])
    // a vertical axis with the box to its right: name to the left
    close(labelDirection('name', [50, 0], [50, 300], [200, 150]), [-1, 0])
  })
  it('an axis pointing at the camera (a few pixels long) pushes its labels away from the centre', () => {
    close(labelDirection('min', [100, 100], [101, 101], [100, 0]), [0, 1])
    close(labelDirection('name', [100, 100], [102, 100], [0, 100]), [1, 0])
  })
})

describe('placeBeyond', () => {
  it('leaves exactly the gap between the anchor and the label, whatever the direction', () => {
    expect(placeBeyond([100, 100], [1, 0], 40, 16, 6)).toEqual({ x0: 106, y0: 92, x1: 146, y1: 108 })
    expect(placeBeyond([100, 100], [0, -1], 40, 16, 6)).toEqual({ x0: 80, y0: 78, x1: 120, y1: 94 })
    // diagonal: the near corner sits (gap * dx, gap * dy) + the half-size support beyond the anchor
    const r = placeBeyond([0, 0], [Math.SQRT1_2, Math.SQRT1_2], 20, 10, 0)
    const reach = 10 * Math.SQRT1_2 + 5 * Math.SQRT1_2
    expect((r.x0 + r.x1) / 2).toBeCloseTo(reach * Math.SQRT1_2, 12)
    expect((r.y0 + r.y1) / 2).toBeCloseTo(reach * Math.SQRT1_2, 12)
  })
})

describe('overlaps and resolveCollisions', () => {
  const a: Rect = { x0: 0, y0: 0, x1: 10, y1: 10 }
  it('treats touching as clear without padding and as overlapping with it', () => {
    expect(overlaps(a, { x0: 10, y0: 0, x1: 20, y1: 10 })).toBe(false)
    expect(overlaps(a, { x0: 10, y0: 0, x1: 20, y1: 10 }, 1)).toBe(true)
    expect(overlaps(a, { x0: 5, y0: 5, x1: 15, y1: 15 })).toBe(true)
    expect(overlaps(a, { x0: 0, y0: 11, x1: 10, y1: 20 })).toBe(false)
  })
  it('keeps labels by priority, skipping collisions, off-canvas labels, obstacles and hidden anchors', () => {
    const rects: (Rect | null)[] = [
      { x0: 20, y0: 20, x1: 60, y1: 36 }, // 0: low priority, collides with 1
      { x0: 30, y0: 30, x1: 70, y1: 46 }, // 1: high priority
      { x0: 190, y0: 10, x1: 230, y1: 26 }, // 2: leaves the 200 px wide canvas
      { x0: 100, y0: 100, x1: 140, y1: 116 }, // 3: under the legend
      null, // 4: behind the camera
      { x0: 100, y0: 20, x1: 140, y1: 36 } // 5: free
    ]
    const shown = resolveCollisions(rects, [5, 1, 0, 0, 0, 9], { width: 200, height: 200, obstacles: [{ x0: 90, y0: 90, x1: 200, y1: 200 }] })
    expect(shown).toEqual([false, true, false, false, false, true])
    // with the order reversed, label 0 wins
    expect(resolveCollisions(rects.slice(0, 2), [0, 1], { width: 200, height: 200 })).toEqual([true, false])
  })
  it('ranks names, then maxima, then minima', () => {
    expect(labelPriority('name', 2)).toBeLessThan(labelPriority('max', 0))
    expect(labelPriority('max', 2)).toBeLessThan(labelPriority('min', 0))
  })
})

/** Approximate label size: 7 px per character plus padding, 16 px tall (as drawn by AxisLabels). */
const size = (text: string): [number, number] => [text.length * 7 + 10, 16]

/** Screen-space labels of a run's axes at its default camera, in a width x height canvas (y up). */
function defaultView(bounds: Bounds, depthRange: [number, number], width: number, height: number) {
  const projection = fitProjection(bounds, depthRange)
  const camera = new PerspectiveCamera(40, width / height, 0.01, 100)
  const f = frameBox(projection.box, projection.mode, 40, width / height)
  camera.position.set(...f.position)
  camera.near = f.near
  camera.far = f.far
  camera.lookAt(new Vector3(...f.target))
  camera.updateProjectionMatrix()
  camera.updateMatrixWorld()
  const screen = (p: readonly number[]): Vec2 => {
    const v = new Vector3(p[0], p[1], p[2]).project(camera)
    return [((v.x + 1) / 2) * width, ((v.y + 1) / 2) * height]
  }
  const specs = axisSpecs(projection, bounds, depthRange)
  const text: SceneText = { axisNames: { x: 'x', y: 'y', z: 'z', depth: 'depth t' }, formatTick: (v) => formatTick(v) }
  const items: (LabelItem & { text: string })[] = []
  specs.forEach((a, axis) => {
    const mid = [0, 1, 2].map((i) => (a.from[i] + a.to[i]) / 2)
    for (const [kind, t, at] of [
      ['name', text.axisNames[a.id], mid],
      ['min', text.formatTick(a.low), a.from],
      ['max', text.formatTick(a.high), a.to]
    ] as const) {
      const [w, h] = size(t)
      items.push({ kind, axis, width: w, height: h, anchor: screen(at), text: t })
    }
  })
  const c = projection.box
  const centre = screen([0, 1, 2].map((i) => (c.min[i] + c.max[i]) / 2))
  const axes = specs.map((a) => ({ from: screen(a.from), to: screen(a.to) }))
  return { items, axes, centre }
}

describe('layoutAxisLabels at the default camera', () => {
  // the paper-47 run of the e2e test: x in [-3.6, 5.84], y in [-3.99, 3.41], depth 0 to 0.45
  const bounds: Bounds = { min: [-3.6, -3.99], max: [5.84, 3.41] }
  const W = 690
  const H = 475

  it('the old placement (values at the shared corner) overlapped; the new one never does', () => {
    const { items, axes, centre } = defaultView(bounds, [0, 0.45], W, H)
    // before: each minimum centred near the corner they all share
    const rectAt = (p: Vec2, w: number, h: number): Rect => ({ x0: p[0] - w / 2, y0: p[1] - h / 2, x1: p[0] + w / 2, y1: p[1] + h / 2 })
    const minima = items.filter((i) => i.kind === 'min').map((i) => rectAt(i.anchor as Vec2, i.width, i.height))
    expect(overlaps(minima[0], minima[1]) || overlaps(minima[1], minima[2]) || overlaps(minima[0], minima[2])).toBe(true)

    const { show, offsets } = layoutAxisLabels(items, axes, centre, { width: W, height: H })
    const placed = items.map((i, k) => {
      const c: Vec2 = [(i.anchor as Vec2)[0] + offsets[k][0], (i.anchor as Vec2)[1] + offsets[k][1]]
      return rectAt(c, i.width, i.height)
    })
    const shown = placed.filter((_, k) => show[k])
    for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i], shown[j])).toBe(false)
    // every label is clear of its anchor by the gap, so no text sits on an axis end
    items.forEach((item, k) => {
      const r = placed[k]
      const [ax, ay] = item.anchor as Vec2
      const dx = Math.max(r.x0 - ax, 0, ax - r.x1)
      const dy = Math.max(r.y0 - ay, 0, ay - r.y1)
      expect(Math.hypot(dx, dy)).toBeGreaterThan(LABEL_GAP - 1e-6)
    })
    // all names and maxima survive, and at least two of the three minima (they fan out along their axes)
    const kept = (kind: string): number => items.filter((i, k) => i.kind === kind && show[k]).length
    expect(kept('name')).toBe(3)
    expect(kept('max')).toBe(3)
    expect(kept('min')).toBeGreaterThanOrEqual(2)
  })

  it('keeps clear of the legend and the canvas edges', () => {
    const { items, axes, centre } = defaultView(bounds, [0, 0.45], W, H)
    const legend: Rect = { x0: W - 260, y0: H - 150, x1: W - 8, y1: H - 8 }
    const { show, offsets } = layoutAxisLabels(items, axes, centre, { width: W, height: H, obstacles: [legend] })
    items.forEach((i, k) => {
      if (!show[k]) return
      const cx = (i.anchor as Vec2)[0] + offsets[k][0]
      const cy = (i.anchor as Vec2)[1] + offsets[k][1]
      const r: Rect = { x0: cx - i.width / 2, y0: cy - i.height / 2, x1: cx + i.width / 2, y1: cy + i.height / 2 }
      expect(overlaps(r, legend)).toBe(false)
      expect(r.x0 >= 0 && r.y0 >= 0 && r.x1 <= W && r.y1 <= H).toBe(true)
    })
  })

  it('1-D and 3-D views: no overlaps either', () => {
    for (const [b, range] of [
      [{ min: [-2.5], max: [2.7] }, [0, 0.45]],
      [{ min: [-2, -1.5, -1], max: [2, 1.5, 1] }, [0, 0.3]]
    ] as [Bounds, [number, number]][]) {
      const { items, axes, centre } = defaultView(b, range, W, H)
      const { show, offsets } = layoutAxisLabels(items, axes, centre, { width: W, height: H })
      const rects = items
        .map((i, k) => ({ i, k }))
        .filter(({ k }) => show[k])
        .map(({ i, k }) => {
          const cx = (i.anchor as Vec2)[0] + offsets[k][0]
          const cy = (i.anchor as Vec2)[1] + offsets[k][1]
          return { x0: cx - i.width / 2, y0: cy - i.height / 2, x1: cx + i.width / 2, y1: cy + i.height / 2 }
        })
      for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i], rects[j])).toBe(false)
      expect(items.filter((it, k) => it.kind === 'name' && show[k]).length).toBe(axes.length)
    }
  })

  it('hides the labels of an anchor behind the camera', () => {
    const item: LabelItem = { kind: 'max', axis: 0, width: 20, height: 16, anchor: null }
    const r = layoutAxisLabels([item], [{ from: [10, 10], to: [100, 10] }], [50, 50], { width: 200, height: 200 })
    expect(r.show).toEqual([false])
  })
})

describe('formatTick', () => {
  it('gives 3 significant digits in the locale, scientific only for extreme magnitudes', () => {
    expect(formatTick(0)).toBe('0')
    expect(formatTick(-3.98765)).toBe('-3.99')
    expect(formatTick(5.8412)).toBe('5.84')
    expect(formatTick(0.45)).toBe('0.45')
    expect(formatTick(12345)).toBe('12,300')
    expect(formatTick(12345, 'ja')).toBe('12,300')
    expect(formatTick(12345, 'de')).toBe('12.300')
    expect(formatTick(0.5, 'de')).toBe('0,5')
    expect(formatTick(123456)).toBe('1.23E5')
    expect(formatTick(0.00012345)).toBe('1.23E-4')
    expect(formatTick(Number.NaN)).toBe('NaN')
  })
})

describe('round-number ticks on the axes (as Axes labels them)', () => {
  const bounds: Bounds = { min: [-3.6, -3.99], max: [5.84, 3.41] }
  const W = 690
  const H = 475

  it('puts ticks at round values inside each axis, each at its value along the axis', () => {
    const projection = fitProjection(bounds, [0, 0.45])
    for (const a of axisSpecs(projection, bounds, [0, 0.45])) {
      expect(a.ticks.length).toBeGreaterThanOrEqual(3)
      for (const tk of a.ticks) {
        expect(tk.value).toBeGreaterThanOrEqual(a.low - 1e-12)
        expect(tk.value).toBeLessThanOrEqual(a.high + 1e-12)
        // a multiple of the step, and the step is 1, 2 or 5 x 10^k
        expect(Math.abs(tk.value / a.step - Math.round(tk.value / a.step))).toBeLessThan(1e-9)
        const f = a.step / 10 ** Math.floor(Math.log10(a.step) + 1e-12)
        expect([1, 2, 5].some((m) => Math.abs(f - m) < 1e-9)).toBe(true)
        // the world point is the affine image of the value between the axis ends
        const frac = (tk.value - a.low) / (a.high - a.low)
        tk.at.forEach((v, i) => expect(v).toBeCloseTo(a.from[i] + (a.to[i] - a.from[i]) * frac, 9))
      }
    }
    expect(axisSpecs(projection, bounds, [0, 0.45])[0].ticks.map((t) => t.value)).toEqual([-2, 0, 2, 4])
  })

  it('at the default camera: names kept, ticks beside their marks, nothing overlapping', () => {
    const projection = fitProjection(bounds, [0, 0.45])
    const camera = new PerspectiveCamera(40, W / H, 0.01, 100)
    const f = frameBox(projection.box, projection.mode, 40, W / H)
    camera.position.set(...f.position)
    camera.near = f.near
    camera.far = f.far
    camera.lookAt(new Vector3(...f.target))
    camera.updateProjectionMatrix()
    camera.updateMatrixWorld()
    const screen = (p: readonly number[]): Vec2 => {
      const v = new Vector3(p[0], p[1], p[2]).project(camera)
      return [((v.x + 1) / 2) * W, ((v.y + 1) / 2) * H]
    }
    const specs = axisSpecs(projection, bounds, [0, 0.45])
    const items: LabelItem[] = []
    specs.forEach((a, axis) => {
      const [w, h] = size(a.id === 'depth' ? 'depth t' : a.id)
      items.push({ kind: 'max', axis, width: w, height: h, anchor: screen(a.to) })
      for (const tk of a.ticks) {
        const [tw, th] = size(formatTick(tk.value))
        items.push({ kind: 'tick', axis, width: tw, height: th, anchor: screen(tk.at) })
      }
    })
    const c = projection.box
    const centre = screen([0, 1, 2].map((i) => (c.min[i] + c.max[i]) / 2))
    const axes = specs.map((a) => ({ from: screen(a.from), to: screen(a.to) }))
    const { show, offsets } = layoutAxisLabels(items, axes, centre, { width: W, height: H })
    const rects = items.map((i, k) => {
      const cx = (i.anchor as Vec2)[0] + offsets[k][0]
      const cy = (i.anchor as Vec2)[1] + offsets[k][1]
      return { x0: cx - i.width / 2, y0: cy - i.height / 2, x1: cx + i.width / 2, y1: cy + i.height / 2 }
    })
    const shown = rects.filter((_, k) => show[k])
    for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i], shown[j])).toBe(false)
    expect(items.filter((it, k) => it.kind === 'max' && show[k]).length).toBe(specs.length)
    // each axis keeps at least two of its values, so a reader can measure along it
    specs.forEach((_, axis) => expect(items.filter((it, k) => it.kind === 'tick' && it.axis === axis && show[k]).length).toBeGreaterThanOrEqual(2))
  })
})
