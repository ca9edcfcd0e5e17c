// Short explanations of the terms the screens use (flow, transport, entropy, Wasserstein distance...),
// shown by components/common/TermHint.vue next to the label where each term appears, in both languages.
import type { AreaMessages } from '../messages'

const glossary = {
  en: {
    glossary: {
      about: 'What is “{term}”?',
      terms: {
        // layer-analysis flags and domain shift (anagui): what each flag means, shown from the flag itself
        flagMerging: {
          name: 'merging flag',
          text: "Points that were apart at the input sit on top of each other at this layer, so no later layer can tell them apart again. Across classes it is lost information; within one class, or at a classifier's output, it can be the point."
        },
        flagMotion: {
          name: 'motion flag',
          text: 'This layer of a residual stretch moves the data much further than its neighbours do. Read as a flow, one step carries most of the transport: the path is not smooth, and a kinetic or Jacobian penalty (or more, smaller steps) evens it out.'
        },
        flagNeighbours: {
          name: 'neighbours flag',
          text: "Few of each point's nearest neighbours at the input are still its neighbours here: the layer scrambles the local structure of the data rather than moving it as a whole."
        },
        flagShift: {
          name: 'shift flag',
          text: 'At this layer the new data lies much further from the reference data than at the input: the network enlarges the difference between the two data sets, so its outputs on the new data are less to be trusted.'
        },
        domainShift: {
          name: 'domain shift',
          text: "How far the new data's representation lies from the reference data's at each layer (energy distance, MMD, sliced W2). A ratio above 1 to the input means the layers enlarge the shift; below 1, they absorb it."
        },
        flow: {
          name: 'flow',
          text: 'A flow moves every point continuously, dx/dt = v_t(x). Read as a network, depth t takes the place of the layer index and v_t is what one layer adds.'
        },
        transport: {
          name: 'transport',
          text: 'How the flow carries the whole data distribution from the input (depth 0) to depth t: the input distribution pushed forward by the flow.'
        },
        entropy: {
          name: 'entropy',
          text: 'Differential entropy of the point cloud, in nats: how spread out it is. It falls when the flow contracts the data and rises when it spreads it. Estimated from the points (nearest neighbours), exactly for a Gaussian.'
        },
        w2: {
          name: 'Wasserstein distance (W2)',
          text: 'The least root-mean-square distance the points must move to turn one distribution into the other. 0 means the same distribution; it is in the units of the data.'
        },
        slicedW2: {
          name: 'sliced W2',
          text: 'The W2 distance averaged over many random one-dimensional projections: quick in any dimension, and 0 only for equal distributions. Used here to compare depths with the input.'
        },
        kinetic: {
          name: 'kinetic energy',
          text: 'The integral over depth of the mean squared speed ‖v‖². Small when the flow moves points along short, straight paths; training can penalise it to get such flows.'
        },
        continuousDepth: {
          name: 'continuous depth',
          text: 'Residual layers x ↦ x + h·v(x), one after another, are the Euler broken line of the flow dx/dt = v: with more layers and a smaller step h it approaches the continuous flow.'
        }
      }
    }
  },
  ja: {
    glossary: {
      about: '「{term}」とは',
      terms: {
        // layer-analysis flags and domain shift (anagui): what each flag means, shown from the flag itself
        flagMerging: {
          name: '併合フラグ',
          text: '入力では離れていた点がこの層で重なり、後の層ではもう区別できません。異なるクラス間なら情報の損失です。同じクラス内や分類器の出力層では、それが目的の場合もあります。'
        },
        flagMotion: {
          name: '移動フラグ',
          text: '残差の区間のこの層が、近隣の層よりはるかに大きくデータを動かしています。流れとして読むと 1 ステップが輸送の大半を担っており、経路が滑らかではありません。運動エネルギーやヤコビアンの正則化 (または小さなステップを増やすこと) でならせます。'
        },
        flagNeighbours: {
          name: '近傍フラグ',
          text: '入力での各点の最近傍のうち、ここでも近傍に残っているものがわずかです。この層はデータ全体を動かすのではなく、局所的な構造をかき乱しています。'
        },
        flagShift: {
          name: 'シフトフラグ',
          text: 'この層では、新しいデータが入力のときよりもはるかに基準データから離れています。ネットワークが 2 つのデータの違いを拡大しているため、新しいデータでの出力は信頼しにくくなります。'
        },
        domainShift: {
          name: 'ドメインシフト',
          text: '各層で、新しいデータの表現が基準データの表現からどれだけ離れているか (エネルギー距離、MMD、スライス W2) です。入力に対する比が 1 を超えれば層がシフトを拡大し、1 未満なら吸収しています。'
        },
        flow: {
          name: '流れ',
          text: '流れはすべての点を連続的に動かします(dx/dt = v_t(x))。ネットワークとして読むと、深さ t が層の番号にあたり、v_t が 1 層で加わる変化です。'
        },
        transport: {
          name: '輸送',
          text: '流れが入力(深さ 0)から深さ t までデータの分布全体を運ぶこと。入力の分布を流れで押し出したもの(押し出し測度)です。'
        },
        entropy: {
          name: 'エントロピー',
          text: '点群の微分エントロピー(単位 nat)で、広がり具合を表します。流れがデータを縮めると下がり、広げると上がります。点から推定します(最近傍法。ガウス分布では厳密値)。'
        },
        w2: {
          name: 'ワッサースタイン距離(W2)',
          text: '一方の分布をもう一方に変えるために点を動かす距離の、二乗平均平方根の最小値です。0 なら同じ分布で、単位はデータと同じです。'
        },
        slicedW2: {
          name: 'スライス W2',
          text: 'ランダムな多数の 1 次元射影で測った W2 距離の平均です。次元が高くても速く計算でき、分布が等しいときだけ 0 になります。ここでは各深さを入力と比べるのに使います。'
        },
        kinetic: {
          name: '運動エネルギー',
          text: '平均二乗速度 ‖v‖² を深さについて積分した値です。点が短くまっすぐな経路で動くと小さくなり、学習でこれを罰則にするとそのような流れが得られます。'
        },
        continuousDepth: {
          name: '連続的な深さ',
          text: '残差層 x ↦ x + h·v(x) を重ねたものは流れ dx/dt = v のオイラー折れ線です。層を増やしステップ幅 h を小さくすると連続的な流れに近づきます。'
        }
      }
    }
  }
} satisfies AreaMessages

/** the terms TermHint can explain */
export type GlossaryTerm = keyof typeof glossary.en.glossary.terms

export default glossary
