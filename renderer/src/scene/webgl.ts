// One-time probe of the browser's WebGL2 before the view creates its renderer: is there WebGL2 at all,
// and is it a software rasterizer (SwiftShader, llvmpipe), where multisampling costs more than it gives.

export interface WebGLSupport {
  webgl2: boolean
  software: boolean
  renderer: string
}

export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i

let cached: WebGLSupport | null = null

/** The probe of this page, run once: creating a context costs about 0.25 s on SwiftShader. */
export function webglSupport(doc: Document = document): WebGLSupport {
  if (!cached || !cached.webgl2) cached = probeWebGL(doc)
  return cached
}

/** Probe on a throwaway canvas, whose context is released at once. */
export function probeWebGL(doc: Document = document): WebGLSupport {
  let gl: WebGL2RenderingContext | null = null
  try {
    gl = doc.createElement('canvas').getContext('webgl2')
  } catch {
    gl = null
  }
  if (!gl) return { webgl2: false, software: false, renderer: '' }
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER))
  gl.getExtension('WEBGL_lose_context')?.loseContext()
  return { webgl2: true, software: SOFTWARE_RENDERER.test(renderer), renderer }
}
