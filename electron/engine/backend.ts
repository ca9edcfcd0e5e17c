// Chooses the TensorFlow.js backend once per process: native tfjs-node when it loads, else the
// embedded wasm backend, else plain cpu. NAGARE_BACKEND (or a setting passed in) overrides the order.
import * as tf from '@tensorflow/tfjs-core'
import '@tensorflow/tfjs-backend-cpu'
import { createRequire } from 'node:module'
import { wasmPathPrefix } from './wasm-path'

export type BackendName = 'tensorflow' | 'wasm' | 'cpu'
export const BACKEND_ORDER: BackendName[] = ['tensorflow', 'wasm', 'cpu']

const requireHere = createRequire(__filename)
let chosen: Promise<string> | undefined
const loaded: BackendName[] = []

function tryRegister(name: BackendName): boolean {
  try {
    if (name === 'tensorflow') {
      // registers the 'tensorflow' backend as a side effect; absent or broken native library -> throws
      requireHere('@tensorflow/tfjs-node')
    } else if (name === 'wasm') {
      const wasm = requireHere('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void }
      // read the .wasm files from the real directory (app.asar.unpacked in a packaged app)
      wasm.setWasmPaths(wasmPathPrefix(requireHere.resolve('@tensorflow/tfjs-backend-wasm')))
    }
    return tf.findBackendFactory(name) != null
  } catch {
    return false
  }
}

function parsePreference(pref: string | undefined): BackendName | undefined {
  if (!pref) return undefined
  const p = pref.trim().toLowerCase()
  const alias: Record<string, BackendName> = { native: 'tensorflow', node: 'tensorflow', tensorflow: 'tensorflow', wasm: 'wasm', cpu: 'cpu' }
  const name = alias[p]
  if (!name) throw new Error(`unknown backend "${pref}" (use native, wasm or cpu)`)
  return name
}

async function choose(preference?: string): Promise<string> {
  const wanted = parsePreference(preference ?? process.env.NAGARE_BACKEND)
  const order = wanted ? [wanted, ...BACKEND_ORDER.filter((b) => b !== wanted)] : BACKEND_ORDER
  for (const name of order) {
    if (!tryRegister(name)) continue
    loaded.push(name)
    try {
      if (await tf.setBackend(name)) {
        await tf.ready()
        if (wanted && wanted !== name) console.warn(`[nagare] backend ${wanted} is not available here; using ${name}`)
        return name
      }
    } catch {
      // a backend that registers but fails to initialise (e.g. wasm file missing) falls through
    }
  }
  throw new Error('no TensorFlow.js backend could be initialised')
}

/** Initialise (once) and return the active backend name. */
export function initBackend(preference?: string): Promise<string> {
  chosen ??= choose(preference)
  return chosen
}

export function availableBackends(): string[] {
  return BACKEND_ORDER.filter((b) => loaded.includes(b) || tf.findBackendFactory(b) != null)
}

export { tf }
