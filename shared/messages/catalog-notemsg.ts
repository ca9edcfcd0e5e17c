// Messages of the job progress that carries numbers (an epoch of a training, with its loss beside it
// as data) and of notes made of several Messages, in English and Japanese. Keys start with "notemsg.".
import type { Catalog } from './catalog'

export const NOTEMSG_MESSAGES = {
  'notemsg.progressEpoch': {
    en: 'training: epoch {epoch} of {epochs}',
    ja: '学習中: エポック {epoch} / {epochs}'
  },
  'notemsg.progressEpochLayer': {
    en: 'training: layer {layer} of {layers}, epoch {epoch} of {epochs}',
    ja: '学習中: 層 {layer} / {layers}、エポック {epoch} / {epochs}'
  },
  // a layer report's sampling note: four Messages (points, pairs, cloud, updates) said as one line
  'notemsg.samplingParts': {
    en: '{points}; {pairs}; {cloud}; {updates}',
    ja: '{points}。{pairs}。{cloud}。{updates}。'
  }
} as const satisfies Catalog
