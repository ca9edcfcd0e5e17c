// Electron utility-process entry of the engine (desktop). It must not import 'electron': in a utility
// process the channel to main is process.parentPort, whose messages arrive wrapped as { data }.
import { createEngineService } from '../engine/service'
import { parseHostArgs } from './protocol'
import { serveEngine } from './serve'

interface ParentPortLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort
if (!parentPort) throw new Error('electron/host/utility must run in an Electron utility process')
const port = parentPort
const config = parseHostArgs(process.argv)

serveEngine({ post: (message) => port.postMessage(message), onMessage: (listener) => port.on('message', (e) => listener(e.data)) }, () =>
  createEngineService(config)
)
