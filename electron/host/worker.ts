// Worker-thread entry of the engine (browser mode): creates the real engine service from workerData
// and serves it to the parent over the host protocol.
import { parentPort, workerData } from 'node:worker_threads'
import { createEngineService } from '../engine/service'
import { parseHostConfig } from './protocol'
import { serveEngine } from './serve'

if (!parentPort) throw new Error('electron/host/worker must run in a worker thread')
const port = parentPort
const config = parseHostConfig(workerData)

serveEngine({ post: (message) => port.postMessage(message), onMessage: (listener) => port.on('message', listener) }, () => createEngineService(config))
