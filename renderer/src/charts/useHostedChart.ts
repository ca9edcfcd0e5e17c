// The life of a chart drawn into a component's host element: built once the host (and the data) is
// there, resized with the host, rebuilt when its layout changes (labels baked in by the language, a
// group's series), destroyed on unmount. The host is the element with ref="host" in the component's
// template; components feed data and the cursor to `chart` themselves.
import { nextTick, onBeforeUnmount, onMounted, shallowRef, useTemplateRef, watch, type ShallowRef, type WatchSource } from 'vue'

export interface HostedChart {
  setSize(width: number, height: number): void
  destroy(): void
}

export interface HostedChartOptions<C extends HostedChart> {
  /** the chart in `host` at this size, or null while there is nothing to draw */
  make: (host: HTMLElement, width: number, height: number) => C | null
  /** width before the host has been laid out */
  fallbackWidth: number
  height: () => number
  /** what, when it changes, needs a new chart rather than new data */
  layout: WatchSource<unknown>
}

export function useHostedChart<C extends HostedChart>(o: HostedChartOptions<C>): { chart: ShallowRef<C | null>; build: () => void } {
  const host = useTemplateRef<HTMLElement>('host')
  const chart: ShallowRef<C | null> = shallowRef(null)
  let observer: ResizeObserver | null = null
  const width = (): number => Math.max(200, Math.floor(host.value?.clientWidth ?? 0) || o.fallbackWidth)

  function build(): void {
    if (host.value && !chart.value) chart.value = o.make(host.value, width(), o.height())
  }
  function destroy(): void {
    chart.value?.destroy()
    chart.value = null
  }
  function observe(): void {
    observer?.disconnect()
    if (typeof ResizeObserver === 'undefined' || !host.value) return
    observer = new ResizeObserver(() => chart.value?.setSize(width(), o.height()))
    observer.observe(host.value)
  }

  onMounted(() => {
    build()
    observe()
  })
  watch(o.layout, async () => {
    destroy()
    // a host shown with v-if appears only on the next render
    await nextTick()
    build()
    observe()
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    observer = null
    destroy()
  })
  return { chart, build }
}
