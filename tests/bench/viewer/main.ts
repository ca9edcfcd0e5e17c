// Viewer benchmark page: builds the real TrajectoryScene on synthetic data, uploads once, then scrubs
// depth frame by frame, timing the JavaScript of each frame (depth update + render() submission) and,
// separately, the same frame including a readPixels sync (which waits for the GPU, here SwiftShader).
import { TrajectoryScene } from '../../../renderer/src/scene/TrajectoryScene'
import { syntheticRun } from './synthetic'

export interface BenchConfig {
  particles: number
  samples: number
  dim: number
  frames: number
  /** frames of the synced pass (each waits for the software GPU, so fewer) */
  syncedFrames?: number
  /** multisampling of the drawing buffer (default: the view's own choice, off on software renderers) */
  antialias?: boolean
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]
}
const round = (x: number): number => Math.round(x * 1000) / 1000
const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r))

/** A fresh canvas per scene: a disposed scene releases (loses) its canvas's context for good. */
function freshCanvas(): HTMLCanvasElement {
  const view = document.getElementById('view') as HTMLElement
  view.replaceChildren()
  const canvas = document.createElement('canvas')
  view.appendChild(canvas)
  return canvas
}

async function runBench(cfg: BenchConfig): Promise<Record<string, unknown>> {
  const canvas = freshCanvas()
  const scene = new TrajectoryScene(canvas, { pixelRatio: 1, antialias: cfg.antialias })
  try {
    const view = canvas.parentElement as HTMLElement
    scene.setSize(view.clientWidth, view.clientHeight)
    const gl = scene.renderer.getContext()
    const px = new Uint8Array(4)
    const sync = (): void => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px)
    const run = syntheticRun(cfg.particles, cfg.samples, cfg.dim)
    const T = run.depths[run.depths.length - 1]
    sync()

    // one-time upload: build objects + first render (three uploads textures and buffers there)
    const u0 = performance.now()
    const info = scene.setData(run, 'component', 0)
    const u1 = performance.now()
    scene.renderNow()
    const u2 = performance.now()
    sync()
    const u3 = performance.now()

    // something must be drawn: share of pixels that are not background
    const w = gl.drawingBufferWidth
    const h = gl.drawingBufferHeight
    const all = new Uint8Array(w * h * 4)
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, all)
    let drawn = 0
    for (let i = 0; i < all.length; i += 4) if (all[i] < 250 || all[i + 1] < 250 || all[i + 2] < 250) drawn++

    const depthAt = (k: number): number => T * (0.5 - 0.5 * Math.cos((4 * Math.PI * k) / cfg.frames) + 0.0013 * (k % 7))
    for (let k = 0; k < 10; k++) {
      await nextFrame()
      scene.setDepth(depthAt(k))
      scene.renderNow()
      sync()
    }

    // pass A: as in the app, one scrub step per animation frame, no forced sync
    const jsA: number[] = []
    for (let k = 0; k < cfg.frames; k++) {
      await nextFrame()
      const t0 = performance.now()
      scene.setDepth(depthAt(k))
      scene.renderNow()
      jsA.push(performance.now() - t0)
    }
    await nextFrame()
    sync()

    // pass B: the same, then readPixels waits for the frame to be drawn (software GPU time included)
    const jsB: number[] = []
    const synced: number[] = []
    // control: a fixed piece of JavaScript timed in the same frames shows how much the machine (other
    // processes, SwiftShader's own threads) stretches timings by itself
    const control: number[] = []
    let sink = 0
    for (let k = 0; k < (cfg.syncedFrames ?? cfg.frames); k++) {
      await nextFrame()
      const t0 = performance.now()
      scene.setDepth(depthAt(k))
      scene.renderNow()
      const t1 = performance.now()
      sync()
      jsB.push(t1 - t0)
      synced.push(performance.now() - t0)
      const c0 = performance.now()
      for (let i = 0; i < 100_000; i++) sink += Math.sqrt(i)
      control.push(performance.now() - c0)
    }
    if (sink < 0) console.log(sink)

    // pass C: the canvas taken out of the page, so the compositor does not draw it: the same JavaScript
    // without the contention of compositing through SwiftShader on the same cores
    const parent = canvas.parentElement as HTMLElement
    parent.removeChild(canvas)
    const jsC: number[] = []
    for (let k = 0; k < cfg.frames; k++) {
      await nextFrame()
      const t0 = performance.now()
      scene.setDepth(depthAt(k))
      scene.renderNow()
      jsC.push(performance.now() - t0)
      sync()
    }
    parent.appendChild(canvas)

    const med = quantile(jsA, 0.5)
    return {
      bench: 'viewer-scrub',
      particles: cfg.particles,
      samples: cfg.samples,
      dim: cfg.dim,
      frames: cfg.frames,
      synced_frames: jsB.length,
      antialias: gl.getContextAttributes()?.antialias ?? null,
      canvas: `${w}x${h}`,
      drawn_points: info?.displayed,
      lines: info?.lines,
      trails: info?.trails,
      js_ms_per_frame_median: round(med),
      js_ms_per_frame_p95: round(quantile(jsA, 0.95)),
      js_ms_per_frame_max: round(Math.max(...jsA)),
      js_ms_per_frame_median_when_gpu_idle: round(quantile(jsB, 0.5)),
      js_ms_per_frame_p95_when_gpu_idle: round(quantile(jsB, 0.95)),
      js_ms_per_frame_median_not_composited: round(quantile(jsC, 0.5)),
      js_ms_per_frame_p95_not_composited: round(quantile(jsC, 0.95)),
      control_fixed_js_ms_median: round(quantile(control, 0.5)),
      control_fixed_js_ms_p95: round(quantile(control, 0.95)),
      gpu_synced_ms_per_frame_median: round(quantile(synced, 0.5)),
      gpu_synced_ms_per_frame_p95: round(quantile(synced, 0.95)),
      upload_js_ms: round(u2 - u0),
      upload_js_build_ms: round(u1 - u0),
      upload_gpu_synced_ms: round(u3 - u0),
      nonblank_fraction: round(drawn / (w * h)),
      goal_ms: 2,
      meets_goal: quantile(jsA, 0.95) <= 2,
      meets_goal_median: med <= 2,
      renderer: scene.gpu.renderer
    }
  } finally {
    scene.dispose()
  }
}

let shown: TrajectoryScene | null = null

/** Leave a scene on screen (for screenshots): the run at a fraction `at` of its depth (default 60%). */
function showForScreenshot(cfg: Omit<BenchConfig, 'frames'> & { at?: number }): void {
  shown?.dispose()
  const canvas = freshCanvas()
  shown = new TrajectoryScene(canvas, { pixelRatio: 1 })
  const view = canvas.parentElement as HTMLElement
  shown.setSize(view.clientWidth, view.clientHeight)
  const run = syntheticRun(cfg.particles, cfg.samples, cfg.dim)
  shown.setData(run, cfg.dim === 3 ? 'initial' : 'component', (cfg.at ?? 0.6) * run.depths[run.depths.length - 1])
  shown.renderNow()
}

declare global {
  interface Window {
    runBench: typeof runBench
    showForScreenshot: typeof showForScreenshot
    benchReady: boolean
  }
}
window.runBench = runBench
window.showForScreenshot = showForScreenshot
window.benchReady = true
