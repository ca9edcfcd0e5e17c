// The 3-D trajectory view: owns the WebGL2 renderer, camera, orbit controls and the run's objects.
// Renders on demand (depth, camera, size, colours or data changed), never in a perpetual loop.
// Camera presets and keyboard orbiting come from cameraKeys.ts; axis labels are laid out per frame.
import { Color, PerspectiveCamera, Scene, WebGLRenderer } from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import type { TrajectoryData } from '../../../shared/contract'
import { axisMeaning, DEFAULT_TEXT, type SceneText } from './axisSpecs'
import { Axes } from './Axes'
import { orbitPosition, PRESET_DIRECTIONS, type CameraCommand, type ViewPreset } from './cameraKeys'
import { initialRange, type ColorBy } from './colors'
import { ParticleCloud } from './ParticleCloud'
import type { Rect } from './labelLayout'
import { computeBounds, fitProjection, frameBox, type Bounds, type Projection, type ViewMode } from './projection'
import { SCENE_THEME } from './theme'
import { TrajectoryLines } from './TrajectoryLines'
import { TrajectoryTextures } from './TrajectoryTextures'
import { Trails } from './Trails'
import { webglSupport } from './webgl'

export const BACKGROUND = SCENE_THEME.background
const FOV = 40

/**
 * Thrown when the browser cannot give a WebGL2 context (the view then shows a translated message).
 * `reason` is the renderer's own (untranslated) error, or null when no context could be created at all.
 */
export class WebGL2Unavailable extends Error {
  constructor(readonly reason: string | null) {
    super(`This view needs WebGL2, which is not available here (${reason ?? 'no WebGL2 context could be created'}).`)
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
  /** the most lines (1-D/2-D) or trails (3-D) this run can draw */
  linesBuilt: number
  depthRange: [number, number]
  bounds: Bounds
  /** message keys (under trajectory.axes) saying what each axis of the view means */
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
  /** clear colour (CSS hex); by default the app's panel colour */
  background?: string
  /** axis names and number format of the labels drawn in the scene; English by default */
  text?: SceneText
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
  private text: SceneText
  /** share of lines drawn and their opacity (setLineStyle) */
  private lineStyle: [number, number] = [1, 0.5]
  private readonly background: string
  /** areas the axis labels keep clear of, in CSS pixels from the canvas's top left */
  private obstacles: Rect[] = []
  private readonly onChange = (): void => this.requestRender()

  /** the WebGL renderer string (for diagnostics) and whether it rasterizes in software */
  readonly gpu: { renderer: string; software: boolean }

  constructor(
    readonly canvas: HTMLCanvasElement,
    options: SceneOptions = {}
  ) {
    const support = webglSupport(canvas.ownerDocument)
    if (!support.webgl2) throw new WebGL2Unavailable(null)
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
    this.background = options.background ?? BACKGROUND
    this.text = options.text ?? DEFAULT_TEXT
    this.renderer.setClearColor(new Color(this.background), 1)
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
    const axes = new Axes(projection, bounds, depthRange, this.text, this.background)
    for (const o of [axes.object, lines?.object, trails?.object, cloud.object]) if (o) this.scene.add(o)
    const info: SceneInfo = {
      mode: projection.mode,
      dim,
      samples,
      total,
      displayed: count,
      lines: lines?.shown ?? 0,
      trails: trails?.shown ?? 0,
      linesBuilt: lines?.built ?? trails?.built ?? 0,
      depthRange,
      bounds,
      axes: axisMeaning(projection.mode),
      hasLabels: data.labels !== undefined,
      initialRange: initialRange(data.data, total, dim)
    }
    this.run = { textures, cloud, lines, trails, axes, projection, info }
    this.applyLineStyle()
    this.updateViewport()
    this.setDepth(depth)
    if (previous !== projection.mode) this.resetCamera()
    return this.run.info
  }

  /**
   * How many of the run's lines (or trails) to draw, as a share of those built (a spread subsample),
   * and their opacity (0.5 = the default look). Kept for the next run. Returns the updated description.
   */
  setLineStyle(share: number, opacity: number): SceneInfo | null {
    this.lineStyle = [Math.max(0, Math.min(1, share)), Math.max(0, Math.min(1, opacity))]
    this.applyLineStyle()
    this.requestRender()
    return this.run ? this.run.info : null
  }

  private applyLineStyle(): void {
    const r = this.run
    if (!r) return
    const [share, opacity] = this.lineStyle
    r.lines?.setStyle(Math.max(1, Math.round(share * r.lines.built)), opacity)
    r.trails?.setStyle(Math.max(1, Math.round(share * r.trails.built)), opacity)
    r.info = { ...r.info, lines: r.lines?.shown ?? 0, trails: r.trails?.shown ?? 0 }
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

  /** Axis names and number format of the scene's labels (a language change). */
  setText(text: SceneText): void {
    this.text = text
    this.run?.axes.setText(text)
    this.requestRender()
  }

  /** Areas (e.g. the legend overlay) the axis labels must not cover, in CSS pixels from the top left. */
  setLabelObstacles(rects: Rect[]): void {
    this.obstacles = rects
    this.requestRender()
  }

  resetCamera(): void {
    this.viewFrom(null)
  }

  /** Frame the run from a preset direction (null: the view's default). */
  viewFrom(preset: ViewPreset | null): void {
    const box = this.run?.projection.box ?? { min: [-1, -1, -1] as [number, number, number], max: [1, 1, 1] as [number, number, number] }
    const mode = this.run?.projection.mode ?? '3d'
    const f = frameBox(box, mode, FOV, this.camera.aspect, 1.25, preset ? PRESET_DIRECTIONS[preset] : undefined)
    this.camera.position.set(...f.position)
    this.camera.near = f.near
    this.camera.far = f.far
    this.camera.updateProjectionMatrix()
    this.controls.target.set(...f.target)
    this.controls.update()
    this.requestRender()
  }

  /** Turn the camera about its target (radians); see orbitPosition. */
  orbit(azimuth: number, polar: number): void {
    const p = this.camera.position
    const t = this.controls.target
    this.camera.position.set(...orbitPosition([p.x, p.y, p.z], [t.x, t.y, t.z], azimuth, polar))
    this.controls.update()
    this.requestRender()
  }

  /** Carry out a keyboard camera command. */
  apply(command: CameraCommand): void {
    if (command.kind === 'reset') this.resetCamera()
    else if (command.kind === 'preset') this.viewFrom(command.view)
    else this.orbit(command.azimuth, command.polar)
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
    this.renderFrame(this.obstacles)
  }

  private renderFrame(obstacles: Rect[]): void {
    if (this.frame) cancelAnimationFrame(this.frame)
    this.frame = 0
    if (this.run) {
      this.camera.updateMatrixWorld()
      const h = this.height
      const flipped = obstacles.map((r) => ({ x0: r.x0, x1: r.x1, y0: h - r.y1, y1: h - r.y0 }))
      this.run.axes.layoutLabels(this.camera, this.width, this.height, flipped)
    }
    this.renderer.render(this.scene, this.camera)
  }

  /**
   * The current view as a PNG data URL (rendered now, so it never returns a cleared buffer). The
   * picture has no legend, so labels the legend would hide are drawn; the screen is redrawn after.
   */
  toPNG(): string {
    this.renderFrame([])
    const url = this.canvas.toDataURL('image/png')
    if (this.obstacles.length) this.requestRender()
    return url
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
