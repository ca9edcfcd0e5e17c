// View store: what every results view shares: the depth shown (the scrubber), play/pause and the
// colouring. Playing advances the depth on animation frames so the 3-D view, the chart cursors and
// the scrubber all move together.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ColorBy = 'component' | 'initial'

/** Seconds a full sweep from depth 0 to T takes while playing. */
export const SWEEP_SECONDS = 6

export const useViewStore = defineStore('view', () => {
  const depth = ref(0)
  const maxDepth = ref(0)
  const playing = ref(false)
  const colorBy = ref<ColorBy>('component')
  let frame = 0
  let last = 0

  const clamp = (t: number): number => Math.min(Math.max(Number.isFinite(t) ? t : 0, 0), maxDepth.value)

  function setDepth(t: number): void {
    depth.value = clamp(t)
  }

  /** A run was opened: the scrubber starts at depth 0 (the input), whatever the run shown before. */
  function setRange(T: number): void {
    pause()
    maxDepth.value = Math.max(T, 0)
    depth.value = 0
  }

  function step(now: number): void {
    if (!playing.value) return
    const dt = Math.max(0, now - last) / 1000
    last = now
    const next = depth.value + (dt * maxDepth.value) / SWEEP_SECONDS
    if (next >= maxDepth.value) {
      depth.value = maxDepth.value
      pause()
      return
    }
    depth.value = next
    frame = requestAnimationFrame(step)
  }

  function play(): void {
    if (playing.value || maxDepth.value <= 0) return
    if (depth.value >= maxDepth.value) depth.value = 0
    playing.value = true
    last = performance.now()
    frame = requestAnimationFrame(step)
  }

  function pause(): void {
    playing.value = false
    if (frame) cancelAnimationFrame(frame)
    frame = 0
  }

  function togglePlay(): void {
    if (playing.value) pause()
    else play()
  }

  function setColorBy(c: ColorBy): void {
    colorBy.value = c
  }

  return { depth, maxDepth, playing, colorBy, setDepth, setRange, play, pause, togglePlay, setColorBy }
})
