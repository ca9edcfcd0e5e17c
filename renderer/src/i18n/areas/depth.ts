// Results-workspace strings for the per-depth analysis charts (distance and speed, energy and path,
// merging and separability, Gaussian shape), each series with a one-sentence explanation.
import type { AreaMessages } from '../messages'

export default {
  en: {
    depthAnalysis: {
      title: 'Per-depth analysis',
      groups: {
        distance: 'Distance',
        energy: 'Energy and path',
        merging: 'Merging and separability',
        shape: 'Gaussian shape (σ₁, σ₂)'
      },
      right: 'right axis',
      series: {
        slicedW2ToInput: 'Sliced W₂ to the input',
        speed: 'Speed',
        kineticEnergy: 'Kinetic energy ∫‖v‖² dt',
        pathLength: 'Mean path length',
        mergedFraction: 'Merged pairs',
        separability: 'Class separability',
        sigma: 'σ{i} of the run',
        gradientFlow: 'σ{i} of the W₂ gradient flow of entropy'
      },
      help: {
        slicedW2ToInput: 'How far the whole cloud has moved from the input, averaged over random 1-D projections.',
        speed: 'Sliced W₂ between this depth sample and the previous one, divided by the depth step.',
        kineticEnergy: 'Mean squared particle velocity integrated over depth: the transport effort spent so far.',
        pathLength: 'Average distance each particle has travelled along its trajectory so far.',
        mergedFraction:
          'Share of sampled point pairs that were apart at the input and are now closer than the merging threshold; a true flow cannot merge points.',
        separability:
          'Between-class over within-class variance, tr(S_b)/tr(S_w), of the particle labels (classes, or mixture components for sampled data): higher means better separated.',
        sigma: 'Square roots of the covariance eigenvalues of the particles (the paper’s σ₁, σ₂ coordinates), solid.',
        gradientFlow: 'The same coordinates under the W₂ gradient flow of entropy from the same start, σᵢ² − 2t (dashed).'
      },
      velocity: {
        field: 'v is the flow’s velocity field evaluated at the recorded positions.',
        implied: 'v is implied by the recorded steps, (x₍ₖ₊₁₎ − xₖ)/Δt.'
      },
      merging: 'Pairs start apart above {start} × and merge below {end} × the median input pair distance ({pairs} pairs).',
      plane: {
        title: 'Trajectory in the (σ₁, σ₂) plane',
        run: 'this run',
        flow: 'W₂ gradient flow of entropy',
        help: 'Each point is the shape of the cloud at one depth; the dots mark the scrubber’s depth, the diagonal is an isotropic (round) cloud.'
      }
    }
  },
  ja: {
    depthAnalysis: {
      title: '深さごとの解析',
      groups: {
        distance: '距離',
        energy: 'エネルギーと経路',
        merging: '併合と分離度',
        shape: 'ガウス形状 (σ₁, σ₂)'
      },
      right: '右軸',
      series: {
        slicedW2ToInput: '入力へのスライス W₂',
        speed: '速さ',
        kineticEnergy: '運動エネルギー ∫‖v‖² dt',
        pathLength: '平均経路長',
        mergedFraction: '併合したペア',
        separability: 'クラス分離度',
        sigma: '実行の σ{i}',
        gradientFlow: 'エントロピーの W₂ 勾配流の σ{i}'
      },
      help: {
        slicedW2ToInput: '点群全体が入力からどれだけ動いたかを、ランダムな 1 次元射影で平均した値です。',
        speed: 'この深さのサンプルと一つ前のサンプルの間のスライス W₂ を深さの間隔で割った値です。',
        kineticEnergy: '粒子速度の二乗平均を深さで積分した値で、ここまでに費やした輸送の労力です。',
        pathLength: '各粒子がここまで軌跡に沿って進んだ距離の平均です。',
        mergedFraction: '入力で離れていた点のペアのうち、併合のしきい値より近づいたものの割合です。真の流れは点を併合させません。',
        separability: '粒子のラベル（クラス、標本データでは混合成分）のクラス間分散とクラス内分散の比 tr(S_b)/tr(S_w) で、大きいほどよく分離しています。',
        sigma: '粒子の共分散の固有値の平方根 (論文の σ₁, σ₂ 座標) で、実線です。',
        gradientFlow: '同じ出発点からのエントロピーの W₂ 勾配流の同じ座標 σᵢ² − 2t で、破線です。'
      },
      velocity: {
        field: 'v は記録された位置で評価した流れの速度場です。',
        implied: 'v は記録されたステップから求めた (x₍ₖ₊₁₎ − xₖ)/Δt です。'
      },
      merging: 'ペアは入力のペア間距離の中央値の {start} 倍より遠いと「離れている」、{end} 倍より近いと「併合」とします ({pairs} ペア)。',
      plane: {
        title: '(σ₁, σ₂) 平面の軌跡',
        run: 'この実行',
        flow: 'エントロピーの W₂ 勾配流',
        help: '各点はある深さでの点群の形で、丸印はスクラバーの深さ、対角線は等方的 (丸い) 点群を表します。'
      }
    }
  }
} satisfies AreaMessages
