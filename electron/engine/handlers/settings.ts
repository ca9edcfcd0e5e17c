// Handlers for settings (settings.json in the user data folder) and the diagnostics text.
import { availableBackends, tf } from '../backend'
import { diagnosticsText } from '../logs/diagnostics'
import type { RotatingLog } from '../logs/rotating-log'
import { SettingsStore } from '../settings/store'
import { setThreadSetting } from '../pool/sizing'
import { enginePool } from '../pool/engine-pool'
import type { SettingsState } from '../../../shared/settings'
import type { HandlerContext, HandlerGroup } from './types'

export function settingsHandlers(ctx: HandlerContext, log: RotatingLog): HandlerGroup<'settings.get' | 'settings.set' | 'diagnostics.get'> {
  const settings = new SettingsStore(ctx.userData, { backend: ctx.backend, workspace: ctx.workspace })
  // the thread count applies from the next job on: no restart, the pool resizes when a job asks for it
  const applied = (s: SettingsState): SettingsState => {
    setThreadSetting(s.settings.threads)
    // the app's engine starts its workers at once, so the first run does not wait for their backends
    if (ctx.mode !== 'in-process') enginePool()?.warm()
    return s
  }
  void settings.get().then(applied, () => undefined)
  return {
    'settings.get': () => settings.get().then(applied),
    'settings.set': (r) => settings.set(r.settings).then(applied),
    'diagnostics.get': () => ({
      text: diagnosticsText({
        appVersion: ctx.appVersion,
        mode: ctx.mode,
        backend: ctx.backend,
        available: availableBackends(),
        tfjsVersion: tf.version_core,
        workspace: ctx.workspace,
        userData: ctx.userData,
        log
      })
    })
  }
}
