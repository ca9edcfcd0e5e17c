// @vitest-environment happy-dom
// The view without WebGL2 (happy-dom has none) must say so instead of leaving a blank canvas, keep
// its documented surface, and unmount cleanly.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import TrajectoryView from '../../../../renderer/src/components/TrajectoryView.vue'
import type { TrajectoryData } from '../../../../shared/contract'

const run: TrajectoryData = { shape: [2, 1, 2], depths: [0, 0.1], data: Float32Array.from([0, 0, 1, 1]) }

describe('TrajectoryView without WebGL2', () => {
  it('shows a clear message, keeps the canvas test id, and exposes resetCamera/toPNG', async () => {
    const w = mount(TrajectoryView, { props: { trajectories: run, depth: 0.05, colorBy: 'component' }, attachTo: document.body })
    await w.vm.$nextTick()
    const alert = w.get('[data-testid="trajectory-error"]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toMatch(/WebGL2/)
    expect(w.find('canvas[data-testid="trajectory-canvas"]').exists()).toBe(true)
    const exposed = w.vm as unknown as { resetCamera(): void; toPNG(): string }
    expect(() => exposed.resetCamera()).not.toThrow()
    expect(exposed.toPNG()).toBe('')
    // prop changes do not throw without a scene
    await w.setProps({ depth: 0.1, colorBy: 'initial', trajectories: null })
    w.unmount()
  })
})
