// Strings of the views work: folding the wizard beside the results, the 3-D view's legend and drawing
// controls, chart axis titles and the figure exports.
import type { AreaMessages } from '../messages'

export default {
  en: {
    views: {
      foldWizard: 'Hide the settings',
      unfoldWizard: 'Show the settings'
    }
  },
  ja: {
    views: {
      foldWizard: '設定を隠す',
      unfoldWizard: '設定を表示'
    }
  }
} satisfies AreaMessages
