// Keyboard camera control of the trajectory view: which key does what (r reset, 1 / 2 / 3 front / top /
// side view, arrows orbit), and the orbit step itself, as pure functions of positions (world y up).

export type ViewPreset = 'front' | 'top' | 'side'

export type CameraCommand = { kind: 'reset' } | { kind: 'preset'; view: ViewPreset } | { kind: 'orbit'; azimuth: number; polar: number }

/** One arrow-key press turns the camera by this much (radians). */
export const ORBIT_STEP = (5 * Math.PI) / 180

/**
 * Unit directions from the target to the camera. World axes: x right, y up (depth in the 1-D/2-D
 * views, z in the 3-D view), +z towards the viewer (the data y axis points away). "top" is tilted by a
 * hair so the camera's up vector (+y) stays defined; the data y axis then points up the screen.
 */
export const PRESET_DIRECTIONS: Record<ViewPreset, [number, number, number]> = {
  front: [0, 0, 1],
  top: [0, 1, 1e-3],
  side: [1, 0, 0]
}

export interface KeyLike {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
}

/** The camera command of a key press, or null (the key is left to the browser). */
export function cameraCommand(e: KeyLike): CameraCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  switch (e.key) {
    case 'r':
    case 'R':
      return { kind: 'reset' }
    case '1':
      return { kind: 'preset', view: 'front' }
    case '2':
      return { kind: 'preset', view: 'top' }
    case '3':
      return { kind: 'preset', view: 'side' }
    case 'ArrowLeft':
      return { kind: 'orbit', azimuth: -ORBIT_STEP, polar: 0 }
    case 'ArrowRight':
      return { kind: 'orbit', azimuth: ORBIT_STEP, polar: 0 }
    case 'ArrowUp':
      return { kind: 'orbit', azimuth: 0, polar: -ORBIT_STEP }
    case 'ArrowDown':
      return { kind: 'orbit', azimuth: 0, polar: ORBIT_STEP }
    default:
      return null
  }
}

/** Keep the camera off the poles, where "up" (+y) and the view direction would coincide. */
const POLE_MARGIN = 1e-3

/**
 * The camera position after turning about the target: azimuth about the world y axis (positive moves
 * the camera towards +x when it looks from +z, i.e. the scene turns left), polar from the +y pole
 * (negative: camera moves up, looking down more). The distance to the target is kept.
 */
export function orbitPosition(
  position: readonly [number, number, number],
  target: readonly [number, number, number],
  azimuth: number,
  polar: number
): [number, number, number] {
  const o = [position[0] - target[0], position[1] - target[1], position[2] - target[2]]
  const r = Math.hypot(o[0], o[1], o[2])
  if (r === 0) return [position[0], position[1], position[2]]
  const theta = Math.atan2(o[0], o[2]) + azimuth
  const phi = Math.min(Math.PI - POLE_MARGIN, Math.max(POLE_MARGIN, Math.acos(Math.min(1, Math.max(-1, o[1] / r))) + polar))
  const s = Math.sin(phi)
  return [target[0] + r * s * Math.sin(theta), target[1] + r * Math.cos(phi), target[2] + r * s * Math.cos(theta)]
}
