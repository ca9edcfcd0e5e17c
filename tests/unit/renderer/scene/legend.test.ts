// Legend content: colour keys and the notes on what is drawn when a run is larger than the drawing
// budgets, as message keys with raw numbers; every key exists in both languages' messages.
import { describe, expect, it } from 'vitest'
import { colorKey, componentCount, drawNotes, type Message } from '../../../../renderer/src/scene/legend'
import { axisMeaning } from '../../../../renderer/src/scene/axisSpecs'
import type { SceneInfo } from '../../../../renderer/src/scene/TrajectoryScene'
import en from '../../../../renderer/src/i18n/en'
import ja from '../../../../renderer/src/i18n/ja'

const info = (over: Partial<SceneInfo>): SceneInfo => ({
  mode: '2d',
  dim: 2,
  samples: 64,
  total: 100_000,
  displayed: 100_000,
  lines: 2_000,
  trails: 0,
  linesBuilt: 2_000,
  depthRange: [0, 0.45],
  bounds: { min: [-3, -3], max: [3, 3] },
  axes: [],
  hasLabels: true,
  initialRange: [-3.2, 4.5],
  ...over
})

/** The message at trajectory.<key> in a message set (undefined when missing). */
const lookup = (messages: typeof en, key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages.trajectory)

describe('legend', () => {
  it('counts components from labels', () => {
    expect(componentCount(Int32Array.from([0, 2, 1, 2]))).toBe(3)
    expect(componentCount(undefined)).toBe(0)
  })
  it('lists one swatch per component, in palette order', () => {
    const k = colorKey(info({}), 'component', Int32Array.from([0, 1, 1]))
    expect(k.kind).toBe('swatches')
    expect(k.title).toEqual({ key: 'key.component' })
    expect(k.swatches).toEqual([
      { label: { key: 'key.componentN', params: { k: 1 } }, color: 'rgb(230, 159, 0)' },
      { label: { key: 'key.componentN', params: { k: 2 } }, color: 'rgb(86, 180, 233)' }
    ])
  })
  it('says when component colours repeat', () => {
    const k = colorKey(
      info({}),
      'component',
      Int32Array.from({ length: 10 }, (_, i) => i)
    )
    expect(k.title).toEqual({ key: 'key.componentRepeat', params: { k: 10, n: 8 } })
    expect(k.swatches.length).toBe(10)
  })
  it('shows the viridis scale with the initial x range', () => {
    const k = colorKey(info({}), 'initial', undefined)
    expect(k.kind).toBe('gradient')
    expect(k.title).toEqual({ key: 'key.initial' })
    expect(k.range).toEqual([-3.2, 4.5])
    expect(k.gradient).toMatch(/^linear-gradient\(to right, #440154, .*#fde725\)$/)
  })
  it('says how many trajectories are drawn as lines or trails', () => {
    expect(drawNotes(info({}))).toEqual([{ key: 'notes.lines', params: { shown: 2_000, total: 100_000 } }])
    expect(drawNotes(info({ total: 500, displayed: 500, lines: 500 }))).toEqual([{ key: 'notes.linesAll', params: { total: 500 } }])
    expect(drawNotes(info({ mode: '3d', lines: 0, trails: 10_000 }))).toEqual([{ key: 'notes.trails', params: { shown: 10_000, total: 100_000 } }])
    expect(drawNotes(info({ mode: '3d', total: 300, displayed: 300, trails: 300 }))).toEqual([{ key: 'notes.trailsAll', params: { total: 300 } }])
    expect(drawNotes(info({ displayed: 40_000 }))[0]).toEqual({ key: 'notes.points', params: { shown: 40_000, total: 100_000 } })
  })
  it('uses only keys that both languages define, with the parameters they use', () => {
    const messages: Message[] = [
      colorKey(info({}), 'component', Int32Array.from([0, 1])),
      colorKey(
        info({}),
        'component',
        Int32Array.from({ length: 10 }, (_, i) => i)
      ),
      colorKey(info({}), 'initial', undefined),
      colorKey(info({ hasLabels: false }), 'component', undefined)
    ].flatMap((k) => [k.title, ...k.swatches.map((s) => s.label)])
    messages.push(...drawNotes(info({ displayed: 40_000 })), ...drawNotes(info({ mode: '3d', trails: 5 })), ...drawNotes(info({ lines: 100_000 })))
    messages.push(...(['1d', '2d', '3d'] as const).flatMap((m) => axisMeaning(m).map((key) => ({ key: `axes.${key}` }))))
    for (const m of messages) {
      for (const set of [en, ja]) {
        const text = lookup(set, m.key)
        expect(typeof text, m.key).toBe('string')
        for (const p of Object.keys(m.params ?? {})) expect(text as string, `${m.key} uses {${p}}`).toContain(`{${p}}`)
      }
    }
  })
})
