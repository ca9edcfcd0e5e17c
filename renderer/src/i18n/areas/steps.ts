// Strings of the step-size, history and stale-state work: the cost panel's h and NFE, the near-singular
// warning, History's integration columns, Compare's solver rows, default run names. English and Japanese.
import type { AreaMessages } from '../messages'

export default {
  en: {
    steps: {
      opening: 'Opening the run…',
      cost: {
        stepSize: 'Step size h',
        stepSizeValue: '{h} (every step has exactly this size)',
        nfe: 'Field evaluations (NFE)',
        nfeValue: '{nfe} per particle batch',
        nfeUpTo: 'up to {nfe} per particle batch',
        denseNote: 'Recorded depths between two steps are read from the solver’s dense output; they add no steps.'
      },
      singularWarning: 'Warning: {text}',
      columns: { flow: 'Flow', depth: 'T', solver: 'Solver', stepSize: 'h', nfe: 'NFE', accuracy: 'Accuracy' },
      rows: { solver: 'solver', stepSize: 'step size h', steps: 'steps (T/h)' },
      adaptive: 'adaptive',
      autoName: '{data} {flow}, {solver} h={h}',
      autoNameAdaptive: '{data} {flow}, dopri5 rtol={rtol}',
      autoNameRepeat: '{name} #{n}'
    }
  },
  ja: {
    steps: {
      opening: '実行結果を開いています…',
      cost: {
        stepSize: 'ステップ幅 h',
        stepSizeValue: '{h}（すべてのステップがこの幅）',
        nfe: '場の評価回数（NFE）',
        nfeValue: '粒子バッチあたり {nfe} 回',
        nfeUpTo: '粒子バッチあたり最大 {nfe} 回',
        denseNote: 'ステップの間に入る記録深さは、ソルバーの密出力から求めます。ステップは増えません。'
      },
      singularWarning: '注意: {text}',
      columns: { flow: '流れ', depth: 'T', solver: 'ソルバー', stepSize: 'h', nfe: 'NFE', accuracy: '正解率' },
      rows: { solver: 'ソルバー', stepSize: 'ステップ幅 h', steps: 'ステップ数（T/h）' },
      adaptive: '適応',
      autoName: '{data} {flow}・{solver} h={h}',
      autoNameAdaptive: '{data} {flow}・dopri5 rtol={rtol}',
      autoNameRepeat: '{name}（{n} 回目）'
    }
  }
} satisfies AreaMessages
