// The WebGL2 probe: no context means no WebGL2; software rasterizers are recognised by their names.
import { describe, expect, it, vi } from 'vitest'
import { probeWebGL, SOFTWARE_RENDERER } from '../../../../renderer/src/scene/webgl'

function fakeDocument(gl: unknown): Document {
  return { createElement: () => ({ getContext: () => gl }) } as unknown as Document
}

describe('probeWebGL', () => {
  it('reports no WebGL2 when the context cannot be created', () => {
    expect(probeWebGL(fakeDocument(null))).toEqual({ webgl2: false, software: false, renderer: '' })
  })
  it('reads the unmasked renderer, flags SwiftShader as software and releases the context', () => {
    const loseContext = vi.fn()
    const gl = {
      RENDERER: 7937,
      getExtension: (name: string) =>
        name === 'WEBGL_debug_renderer_info' ? { UNMASKED_RENDERER_WEBGL: 37446 } : name === 'WEBGL_lose_context' ? { loseContext } : null,
      getParameter: (p: number) =>
        p === 37446 ? 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)' : 'WebKit WebGL'
    }
    expect(probeWebGL(fakeDocument(gl))).toMatchObject({ webgl2: true, software: true })
    expect(loseContext).toHaveBeenCalledOnce()
  })
  it('treats hardware renderer names as hardware', () => {
    for (const name of ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)', 'Apple M2', 'Mesa Intel(R) UHD Graphics 620'])
      expect(SOFTWARE_RENDERER.test(name)).toBe(false)
    for (const name of ['llvmpipe (LLVM 15.0.6, 256 bits)', 'Google SwiftShader', 'Microsoft Basic Render Driver'])
      expect(SOFTWARE_RENDERER.test(name)).toBe(true)
  })
})
