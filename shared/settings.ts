// User settings that persist across sessions (settings.json in the user data folder), shared by the
// settings store on the main side and the settings screen in the renderer.
import { z } from 'zod'
import type { Message } from './messages/message'

export const SettingsSchema = z.object({
  /** 'auto' follows the system language */
  language: z.enum(['auto', 'en', 'ja']).default('auto'),
  /** preferred TF.js backend; 'auto' is tensorflow -> wasm -> cpu */
  backend: z.enum(['auto', 'tensorflow', 'wasm', 'cpu']).default('auto'),
  /** workspace folder for runs, analyses and datasets; '' means the default in the user data folder */
  workspace: z.string().max(4096).default(''),
  defaultSolver: z.enum(['euler', 'heun', 'rk4', 'dopri5']).default('rk4'),
  /** threads the engine computes on; 0 means automatic (all cores but one) */
  threads: z.number().int().min(0).max(64).default(0)
})
export type Settings = z.infer<typeof SettingsSchema>

export const SettingsPatchSchema = z.strictObject({
  language: z.enum(['auto', 'en', 'ja']).optional(),
  backend: z.enum(['auto', 'tensorflow', 'wasm', 'cpu']).optional(),
  workspace: z.string().max(4096).optional(),
  defaultSolver: z.enum(['euler', 'heun', 'rk4', 'dopri5']).optional(),
  threads: z.number().int().min(0).max(64).optional()
})
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export interface SettingsState {
  settings: Settings
  /** set when the stored settings could not be read and defaults are in use (the old file was set aside) */
  notice?: Message
  /** settings that take effect only after a restart (e.g. backend, workspace) and differ from the running ones */
  pendingRestart?: string[]
}

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({})
