// @vitest-environment happy-dom
// The view without WebGL2 (happy-dom has none) must say so, in the user's language, instead of leaving
// a blank canvas, keep its documented surface, and unmount cleanly.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import TrajectoryView from '../../../../renderer/src/components/TrajectoryView.vue'
import { createAppI18n } from '../../../../renderer/src/i18n'
import type { TrajectoryData } from '../../../../shared/contract'

const run: TrajectoryData = { shape: [2, 1, 2], depths: [0, 0.1], data: Float32Array.from([0, 0, 1, 1]) }

describe('TrajectoryView without WebGL2', () => {
  it('shows a clear message, keeps the canvas test id, and exposes resetCamera/toPNG', async () => {
    const i18n = createAppI18n('en')
    const w = mount(TrajectoryView, {
      props: { trajectories: run, depth: 0.05, colorBy: 'component' },
      global: { plugins: [i18n] },
      attachTo: document.body
    })
    await w.vm.$nextTick()
    const alert = w.get('[data-testid="trajectory-error"]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toMatch(/needs WebGL2.*no WebGL2 context could be created/)
    expect(w.find('canvas[data-testid="trajectory-canvas"]').exists()).toBe(true)
    // nothing to steer, so the wrapper is not a keyboard stop
    expect(w.get('[data-testid="trajectory-focus"]').attributes('tabindex')).toBeUndefined()
    // the message follows a language switch
    i18n.global.locale.value = 'ja'
    await w.vm.$nextTick()
    expect(w.get('[data-testid="trajectory-error"]').text()).toMatch(/WebGL2 が必要.*WebGL2 コンテキストを作成できませんでした/)
    const exposed = w.vm as unknown as { resetCamera(): void; toPNG(): string }
    expect(() => exposed.resetCamera()).not.toThrow()
    expect(exposed.toPNG()).toBe('')
    // prop changes and keys do not throw without a scene
    await w.setProps({ depth: 0.1, colorBy: 'initial', trajectories: null })
    await w.get('[data-testid="trajectory-focus"]').trigger('keydown', { key: 'r' })
    w.unmount()
  })
})
