// @vitest-environment happy-dom
// The hosted chart's life: built into ref="host" once mounted (not while there is nothing to draw),
// rebuilt when its layout changes, resized with the host, destroyed on unmount.
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useHostedChart, type HostedChart } from '@/charts/useHostedChart'

interface Fake extends HostedChart {
  host: HTMLElement
  label: string
  size: [number, number]
}

describe('useHostedChart', () => {
  it('builds, rebuilds on a layout change, resizes with the host and is destroyed on unmount', async () => {
    const made: Fake[] = []
    const destroyed: Fake[] = []
    let resize: (() => void) | null = null
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: () => void) {
          resize = cb
        }
        observe(): void {}
        disconnect(): void {}
      }
    )
    const label = ref('en')
    const ready = ref(false)
    const Comp = defineComponent({
      setup() {
        const hosted = useHostedChart<Fake>({
          fallbackWidth: 320,
          height: () => 150,
          layout: label,
          make: (host, width, height) => {
            if (!ready.value) return null
            const c: Fake = { host, label: label.value, size: [width, height], setSize: (w, hh) => (c.size = [w, hh]), destroy: () => destroyed.push(c) }
            made.push(c)
            return c
          }
        })
        return () => h('div', { ref: 'host', onClick: () => hosted.build() })
      }
    })
    const w = mount(Comp)
    expect(made).toHaveLength(0)
    ready.value = true
    await w.trigger('click')
    expect(made.map((c) => [c.label, c.size])).toEqual([['en', [320, 150]]])
    expect(made[0].host).toBe(w.element)
    label.value = 'ja'
    await nextTick()
    await nextTick()
    expect(made.map((c) => c.label)).toEqual(['en', 'ja'])
    expect(destroyed).toEqual([made[0]])
    Object.defineProperty(w.element, 'clientWidth', { value: 640 })
    resize!()
    expect(made[1].size).toEqual([640, 150])
    w.unmount()
    expect(destroyed).toEqual([made[0], made[1]])
    vi.unstubAllGlobals()
  })
})
