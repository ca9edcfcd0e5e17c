// i18n keys and dimensions of the preset distributions, in the order the wizard lists them.
import { PRESET_NAMES, presetDimension, type PresetName } from '@shared/presets'

export interface PresetInfo {
  name: PresetName
  /** key under `presets.` in the messages */
  key: string
  dimension: number
}

export const PRESET_INFO: PresetInfo[] = PRESET_NAMES.map((name) => ({
  name,
  key: name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
  dimension: presetDimension(name)
}))
