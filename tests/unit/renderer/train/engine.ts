// Loads an engine module by path for the contract tests of this folder. A path the compiler cannot
// follow keeps electron/engine out of the renderer's typecheck (tsconfig.web.json lists renderer files only).
import { resolve } from 'node:path'

export async function engineModule<T>(path: string): Promise<T> {
  const file = resolve(__dirname, '../../../../electron/engine', path)
  return (await import(/* @vite-ignore */ file)) as T
}
