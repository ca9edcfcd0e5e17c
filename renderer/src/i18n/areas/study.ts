// Strings of the depth and step-size study, in English and Japanese.
import type { AreaMessages } from '../messages'

export default {
  en: {
    study: {
      title: 'Depth and step-size study',
      templateDescription: 'Sweep the number of layers or the step size of one flow and see how fast it approaches the continuous limit.',
      explain:
        'An ordinary network is an Euler broken line of a continuous flow. This study runs the same particles through coarser and finer versions of one flow and measures how far each ends from the continuous limit.',
      choose: 'Study',
      presets: {
        deeper: {
          title: 'Deeper converges faster (the paper)',
          desc: 'N(0, 1), total noise 0.25: composed DAEs with L = 1 … 64 layers against the continuous DAE.'
        },
        'paper44-steps': {
          title: 'Euler step size on (44)',
          desc: 'The continuous DAE on the elongated Gaussian (44) to depth 0.4, with 5 … 80 Euler steps against dopri5.'
        },
        'paper45-layers': { title: 'Layers on two Gaussians (45)', desc: 'Composed DAEs with L = 1 … 32 on (45) against the continuous DAE.' }
      },
      custom: 'Advanced: sweep your own values',
      parameter: 'What to sweep',
      parameters: { layers: 'layers L', stepSize: 'step size h', steps: 'number of steps' },
      values: 'Values (comma-separated)',
      customBase: 'The chosen study above supplies the data, the flow and the depth.',
      problems: {
        empty: 'Enter at least two values.',
        notNumber: 'Every value must be a number.',
        notPositive: 'Every value must be greater than 0.',
        notWhole: 'Layers and steps must be whole numbers.',
        tooFew: 'Enter at least two values.',
        tooMany: 'At most 16 values.'
      },
      name: 'Name',
      cost: '{runs} runs of {particles} particles, about {steps} particle-steps in all.',
      request: 'The request (JSON)',
      saveRequest: 'Save as JSON',
      run: 'Run study',
      cancel: 'Cancel',
      progress: 'Study progress',
      cancelled: 'The study was cancelled; nothing was saved.',
      saved: 'Saved studies',
      result: {
        slope: 'The error against the continuous limit falls like ({parameter})^{slope}.',
        noSlope: 'No convergence order: the errors are zero or not decreasing.',
        limit: 'Continuous limit: {limit}.',
        meanError: 'mean error',
        maxError: 'max error',
        w2: 'W2 to the limit',
        entropy: 'entropy at the end',
        limitEntropy: 'entropy of the limit',
        nfe: 'field evaluations (NFE)',
        errorsChart: 'Distance from the continuous limit (log-log)',
        entropyChart: 'Entropy at the end depth (nats)'
      }
    }
  },
  ja: {
    study: {
      title: '深さ・ステップ幅の検討',
      templateDescription: '一つの流れの層数やステップ幅を変え、連続極限にどれだけ速く近づくかを調べます。',
      explain:
        '通常のネットワークは連続な流れのオイラー折れ線です。同じ粒子を粗い版と細かい版の流れで動かし、終点が連続極限からどれだけ離れているかを測ります。',
      choose: '検討の種類',
      presets: {
        deeper: { title: '深いほど速く収束する(論文)', desc: 'N(0, 1)、総ノイズ 0.25:L = 1 … 64 層の合成 DAE と連続 DAE を比べます。' },
        'paper44-steps': {
          title: '(44) でのオイラーのステップ幅',
          desc: '細長いガウス分布 (44) で深さ 0.4 まで、5 … 80 ステップのオイラー法を dopri5 と比べます。'
        },
        'paper45-layers': { title: '二つのガウス分布 (45) での層数', desc: '(45) で L = 1 … 32 層の合成 DAE と連続 DAE を比べます。' }
      },
      custom: '詳細設定:値を自分で指定する',
      parameter: '変える量',
      parameters: { layers: '層数 L', stepSize: 'ステップ幅 h', steps: 'ステップ数' },
      values: '値(カンマ区切り)',
      customBase: 'データ・流れ・深さは上で選んだ検討のものを使います。',
      problems: {
        empty: '値を二つ以上入力してください。',
        notNumber: 'すべての値は数値にしてください。',
        notPositive: 'すべての値は 0 より大きくしてください。',
        notWhole: '層数とステップ数は整数にしてください。',
        tooFew: '値を二つ以上入力してください。',
        tooMany: '値は 16 個までです。'
      },
      name: '名前',
      cost: '{particles} 粒子の計算を {runs} 回、合計約 {steps} 粒子ステップです。',
      request: 'リクエスト(JSON)',
      saveRequest: 'JSON として保存',
      run: '検討を実行',
      cancel: 'キャンセル',
      progress: '検討の進行状況',
      cancelled: '検討をキャンセルしました。何も保存されていません。',
      saved: '保存済みの検討',
      result: {
        slope: '連続極限との誤差は ({parameter})^{slope} のように減少します。',
        noSlope: '収束の次数はありません(誤差が 0 か、減少していません)。',
        limit: '連続極限:{limit}。',
        meanError: '平均誤差',
        maxError: '最大誤差',
        w2: '極限への W2',
        entropy: '終点のエントロピー',
        limitEntropy: '極限のエントロピー',
        nfe: '場の評価回数(NFE)',
        errorsChart: '連続極限からの距離(両対数)',
        entropyChart: '終点の深さでのエントロピー(nat)'
      }
    }
  }
} satisfies AreaMessages
