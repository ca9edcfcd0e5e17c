// Strings of the views work: folding the wizard beside the results, the 3-D view's legend and drawing
// controls, chart axis titles and the figure exports.
import type { AreaMessages } from '../messages'

export default {
  en: {
    views: {
      foldWizard: 'Hide the settings',
      unfoldWizard: 'Show the settings',
      legend: { fold: 'Fold the legend', unfold: 'Show the legend', classN: 'class {k}' },
      lines: {
        title: 'Trajectories drawn',
        count: '{shown} of {total}',
        all: 'all {total}',
        opacity: 'Line opacity'
      },
      colorClass: 'Class',
      report: { particles: '{n} ({kind}, seed {seed})', depth: '{depth} ({samples} recorded depths)' },
      figures: {
        mode: 'Chart figures',
        each: 'one file per chart',
        combined: 'one combined figure',
        background: 'Figure background',
        white: 'white background',
        theme: 'app theme'
      },
      // y axis titles: short (a symbol and its unit), the chart's caption says the rest
      axis: {
        entropy: 'H (nats)',
        slicedW2ToInput: 'sliced W₂',
        distance: { y: 'sliced W₂', y2: 'speed' },
        energy: { y: '∫‖v‖² dt', y2: 'path length' },
        merging: { y: 'fraction merged', y2: 'separability' },
        shape: { y: 'σ' }
      }
    }
  },
  ja: {
    views: {
      foldWizard: '設定を隠す',
      unfoldWizard: '設定を表示',
      legend: { fold: '凡例を畳む', unfold: '凡例を表示', classN: 'クラス {k}' },
      lines: {
        title: '描く軌跡',
        count: '{total} 本中 {shown} 本',
        all: 'すべて（{total} 本）',
        opacity: '線の不透明度'
      },
      colorClass: 'クラス',
      report: { particles: '{n}（{kind}、シード {seed}）', depth: '{depth}（記録する深さ {samples} 個）' },
      figures: {
        mode: 'グラフの画像',
        each: 'グラフごとに 1 ファイル',
        combined: '1 枚にまとめる',
        background: '画像の背景',
        white: '白背景',
        theme: 'アプリのテーマ'
      },
      axis: {
        entropy: 'H (nat)',
        slicedW2ToInput: 'スライス W₂',
        distance: { y: 'スライス W₂', y2: '速さ' },
        energy: { y: '∫‖v‖² dt', y2: '経路長' },
        merging: { y: '併合の割合', y2: '分離度' },
        shape: { y: 'σ' }
      }
    }
  }
} satisfies AreaMessages
