// The 3-D trajectory view: owns the WebGL2 renderer, camera, orbit controls and the run's objects.
// Renders on demand (depth, camera, size, colours or data changed), never in a perpetual loop.
import { Color, PerspectiveCamera, Scene, WebGLRenderer } from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import type { TrajectoryData } from '../../../shared/contract'
import { axisMeaning } from './axisSpecs'
import { Axes } from './Axes'
import { initialRange, type ColorBy } from './colors'
import { ParticleCloud } from './ParticleCloud'
import { computeBounds, fitProjection, frameBox, type Bounds, type Projection, type ViewMode } from './projection'
import { TrajectoryLines } from './TrajectoryLines'
import { TrajectoryTextures } from './TrajectoryTextures'
import { Trails } from './Trails'
import { webglSupport } from './webgl'

export const BACKGROUND = 0xffffff
const FOV = 40

/** Thrown when the browser cannot give a WebGL2 context (the view then shows a message instead). */
export class WebGL2Unavailable extends Error {
  constructor(reason: string) {
    super(`This view needs WebGL2, which is not available here (${reason}). Enable hardware acceleration, or in Chromium allow the SwiftShader software renderer.`)
    this.name = 'WebGL2Unavailable'
  }
}

/** What the legend needs to say about the current run. */
export interface SceneInfo {
  mode: ViewMode
  dim: number
  samples: number
  /** particles in the run, and how many are drawn as points */
  total: number
  displayed: number
  /** trajectories drawn as lines (1-D/2-D) or with trails (3-D) */
  lines: number
  trails: number
  depthRange: [number, number]
  bounds: Bounds
  axes: string[]
  hasLabels: boolean
  /** range of the first coordinate at depth 0 (the colour scale of 'initial') */
  initialRange: [number, number]
}

interface RunObjects {
  textures: TrajectoryTextures
  cloud: ParticleCloud
  lines: TrajectoryLines | null
  trails: Trails | null
  axes: Axes
  projection: Projection
  info: SceneInfo
}

export interface SceneOptions {
  /** multisampling; by default on, except on software renderers (SwiftShader), where it doubles frame time */
  antialias?: boolean
  /** keep the last frame readable (canvas.toDataURL, screenshots); on by default */
  preserveDrawingBuffer?: boolean
  pixelRatio?: number
}

export class TrajectoryScene {
  readonly renderer: WebGLRenderer
  readonly camera = new PerspectiveCamera(FOV, 1, 0.01, 100)
  readonly controls: OrbitControls
  private readonly scene = new Scene()
  private run: RunObjects | null = null
  private frame = 0
  private width = 1
  private height = 1
  private readonly onChange = (): void => this.requestRender()

  /** the WebGL renderer string (for diagnostics) and whether it rasterizes in software */
  readonly gpu: { renderer: string; software: boolean }

  constructor(readonly canvas: HTMLCanvasElement, options: SceneOptions = {}) {
    const support = webglSupport(canvas.ownerDocument)
    if (!support.webgl2) throw new WebGL2Unavailable('no WebGL2 context could be created')
    this.gpu = { renderer: support.renderer, software: support.software }
    try {
      this.renderer = new WebGLRenderer({
        canvas,
        antialias: options.antialias ?? !support.software,
        preserveDrawingBuffer: options.preserveDrawingBuffer ?? true,
        powerPreference: 'high-performance'
      })
    } catch (e) {
      throw new WebGL2Unavailable(e instanceof Error ? e.message : String(e))
    }
    this.renderer.setPixelRatio(options.pixelRatio ?? Math.min(globalThis.devicePixelRatio || 1, 2))
    this.renderer.setClearColor(new Color(BACKGROUND), 1)
    this.scene.background = null
    this.camera.position.set(2, 2, 4)
    this.controls = new OrbitControls(this.camera, canvas)
    this.controls.enableDamping = false
    this.controls.addEventListener('change', this.onChange)
  }

  get info(): SceneInfo | null {
    return this.run?.info ?? null
  }

  /** Upload a run (once) and build its objects; null clears the view. Keeps the camera unless the view kind changes. */
  setData(data: TrajectoryData | null, colorBy: ColorBy, depth = 0): SceneInfo | null {
    const previous = this.run?.projection.mode
    this.disposeRun()
    if (!data) {
      this.requestRender()
      return null
    }
    const [samples, total, dim] = data.shape
    const depthRange: [number, number] = [data.depths[0] ?? 0, data.depths[samples - 1] ?? 0]
    const bounds = computeBounds(data.data, samples * total, dim)
    const projection = fitProjection(bounds.min.length > 3 ? { min: bounds.min.slice(0, 3), max: bounds.max.slice(0, 3) } : bounds, depthRange)
    const textures = new TrajectoryTextures(data, projection, this.renderer.capabilities.maxTextureSize, colorBy)
    const { count } = textures.plan
    const cloud = new ParticleCloud(textures.uniforms, count, this.renderer.getPixelRatio())
    const lines = projection.mode === '3d' ? null : new TrajectoryLines(textures.uniforms, count, samples)
    const trails = projection.mode === '3d' ? new Trails(textures.uniforms, count) : null
    const axes = new Axes(projection, bounds, depthRange)
    for (const o of [axes.object, lines?.object, trails?.object, cloud.object]) if (o) this.scene.add(o)
    const info: SceneInfo = {
      mode: projection.mode,
      dim,
      samples,
      total,
      displayed: count,
      lines: lines?.shown ?? 0,
      trails: trails?.shown ?? 0,
      depthRange,
      bounds,
      axes: axisMeaning(projection.mode),
      hasLabels: data.labels !== undefined,
      initialRange: initialRange(data.data, total, dim)
    }
    this.run = { textures, cloud, lines, trails, axes, projection, info }
    this.updateViewport()
    this.setDepth(depth)
    if (previous !== projection.mode) this.resetCamera()
    return info
  }

  /** Scrub: uniforms and the depth marker's transform only. */
  setDepth(depth: number): void {
    if (!this.run) return
    const d = Number.isFinite(depth) ? depth : this.run.info.depthRange[0]
    this.run.textures.setDepth(d)
    this.run.axes.setDepth(d)
    this.requestRender()
  }

  setColorBy(colorBy: ColorBy): void {
    this.run?.textures.setColorBy(colorBy)
    this.requestRender()
  }

  /** Drawing-buffer size from the container's CSS size. */
  setSize(width: number, height: number): void {
    this.width = Math.max(1, Math.floor(width))
    this.height = Math.max(1, Math.floor(height))
    this.renderer.setSize(this.width, this.height, false)
    this.camera.aspect = this.width / this.height
    this.camera.updateProjectionMatrix()
    this.updateViewport()
    this.requestRender()
  }

  private updateViewport(): void {
    if (!this.run) return
    const ratio = this.renderer.getPixelRatio()
    this.run.cloud.setPixelRatio(this.run.textures.plan.count, ratio)
    this.run.axes.setViewport(this.width * ratio, this.height * ratio, ratio)
  }

  resetCamera(): void {
    const box = this.run?.projection.box ?? { min: [-1, -1, -1] as [number, number, number], max: [1, 1, 1] as [number, number, number] }
    const mode = this.run?.projection.mode ?? '3d'
    const f = frameBox(box, mode, FOV, this.camera.aspect)
    this.camera.position.set(...f.position)
    this.camera.near = f.near
    this.camera.far = f.far
    this.camera.updateProjectionMatrix()
    this.controls.target.set(...f.target)
    this.controls.update()
    this.requestRender()
  }

  /** Coalesce render requests into the next animation frame. */
  requestRender(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(this.onFrame)
  }

  private readonly onFrame = (): void => {
    this.frame = 0
    this.renderNow()
  }

  /** Render immediately; this also satisfies a pending requestRender(). */
  renderNow(): void {
    if (this.frame) cancelAnimationFrame(this.frame)
    this.frame = 0
    this.renderer.render(this.scene, this.camera)
  }

  /** The current view as a PNG data URL (rendered now, so it never returns a cleared buffer). */
  toPNG(): string {
    this.renderNow()
    return this.canvas.toDataURL('image/png')
  }

  private disposeRun(): void {
    const r = this.run
    if (!r) return
    for (const o of [r.axes.object, r.lines?.object, r.trails?.object, r.cloud.object]) if (o) this.scene.remove(o)
    r.cloud.dispose()
    r.lines?.dispose()
    r.trails?.dispose()
    r.axes.dispose()
    r.textures.dispose()
    this.run = null
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame)
    this.frame = 0
    this.disposeRun()
    this.controls.removeEventListener('change', this.onChange)
    this.controls.dispose()
    this.renderer.dispose()
    // free the context now rather than when the page's context limit evicts it
    this.renderer.forceContextLoss()
  }
}
