// Messages of experiment spec validation (shared/experiment.ts, shared/trained-spec.ts and the other shared schemas' own checks), in English and Japanese.
// Keys start with "spec.". English is what the engine writes (logs, CLI, run.json); the UI shows either.
import type { Catalog } from './catalog'

export const SPEC_MESSAGES = {
  // spec.flowNeedsMixture and spec.depthPastSingular have the same English as engine.flowNeedsGaussian and
  // engine.depthPastSingular (the engine re-checks a spec when it builds a flow): keep their Japanese identical.
  // distribution (checkMixture)
  'spec.mixtureLengths': {
    en: 'weights, means and covariances must have the same length ({weights}, {means}, {covariances})',
    ja: '重み (weights)・平均 (means)・共分散 (covariances) の個数を揃えてください（現在 {weights}、{means}、{covariances}）'
  },
  'spec.weightsSum': { en: 'weights must sum to 1 (they sum to {sum})', ja: '重みの合計を 1 にしてください（現在の合計は {sum} です）' },
  'spec.meanCoordinates': { en: 'mean has {count} coordinates, expected {dim}', ja: '平均の座標が {count} 個あります。{dim} 個にしてください' },
  'spec.covarianceShape': { en: 'covariance must be {rows}x{cols}', ja: '共分散は {rows}x{cols} の行列にしてください' },
  'spec.covarianceSymmetric': { en: 'covariance must be symmetric', ja: '共分散は対称行列にしてください' },
  'spec.covarianceNotPositiveDefinite': {
    en: 'covariance is not positive definite (smallest eigenvalue {eigenvalue})',
    ja: '共分散が正定値ではありません（最小固有値 {eigenvalue}）'
  },

  // particles (checkParticles, checkFlowAndBudget)
  'spec.pointCoordinates': { en: 'point has {count} coordinates, expected {dim}', ja: '点の座標が {count} 個あります。{dim} 個にしてください' },
  'spec.gridCountsPerAxis': { en: 'give one count per axis ({dim})', ja: '点数は軸ごとに 1 つずつ指定してください（{dim} 軸）' },
  'spec.gridBoundsPerAxis': { en: 'give one [min, max] per axis ({dim})', ja: '[min, max] は軸ごとに 1 つずつ指定してください（{dim} 軸）' },
  'spec.boundsOrder': { en: 'max must be greater than min', ja: 'max は min より大きくしてください' },
  'spec.referenceTooLarge': {
    en: 'reference size {size} exceeds the {count} particles it is drawn from',
    ja: '参照サンプル数 {size} が、抽出元の粒子数 {count} を超えています'
  },
  'spec.tooManyParticles': { en: '{count} particles; the limit is {limit}', ja: '粒子が {count} 個あります。上限は {limit} 個です' },

  // flow and integration (checkFlowAndBudget)
  'spec.flowNeedsMixture': {
    en: '{kind} needs a Gaussian or Gaussian-mixture distribution; use empirical-dae for sampled data',
    ja: '{kind} にはガウス分布または混合ガウス分布が必要です。サンプルデータには empirical-dae を使ってください'
  },
  'spec.depthPastSingular': {
    en: 'depth {depth} is at or past the singular time t* = {tStar} of the continuous DAE (min eigenvalue / 2)',
    ja: '深さ {depth} は連続 DAE の特異時刻 t* = {tStar}（最小固有値 / 2）以上です'
  },
  'spec.stepExceedsDepth': { en: 'step size must not exceed the depth', ja: 'ステップ幅は深さ以下にしてください' },
  'spec.tooManySteps': {
    en: 'depth / step size gives {steps} steps; the limit is {limit}',
    ja: '深さ / ステップ幅でステップ数が {steps} になります。上限は {limit} です'
  },
  'spec.minStepTooLarge': { en: 'minimum step must be smaller than the depth', ja: '最小ステップ幅は深さより小さくしてください' },
  'spec.trajectoryMemory': {
    en: 'trajectories would need {need} MiB; the memory budget is {budget} MiB (fewer samples or particles)',
    ja: '軌跡の記録に {need} MiB 必要ですが、メモリーの上限は {budget} MiB です（記録点数か粒子数を減らしてください）'
  },

  // trained flows (checkTrained)
  'spec.daeDepthEqualsNoise': {
    en: 'must equal the DAE noise flow.t = {t} (the depth of a DAE is its noise variance)',
    ja: 'DAE のノイズ flow.t = {t} と同じ値にしてください（DAE の深さはノイズの分散です）'
  },
  'spec.augmentNeuralOdeOnly': { en: 'augmented dimensions apply to neural-ode flows only', ja: '拡張次元は neural-ode の流れでのみ使えます' },
  'spec.trainingStepsNotWhole': {
    en: 'the training depth {depth} must be a whole number of steps of size {stepSize}',
    ja: '学習の深さ {depth} はステップ幅 {stepSize} の整数倍にしてください'
  },
  'spec.trainingTooManyEvaluations': {
    en: '{steps} {solver} steps need {evaluations} field evaluations per pass; the limit is {limit}',
    ja: '{solver} の {steps} ステップでは 1 パスあたり {evaluations} 回の速度場の評価が必要です。上限は {limit} 回です'
  },
  'spec.classifyNeedsData': {
    en: 'a classification flow needs labelled data, e.g. {"kind": "builtin", "name": "moons"}',
    ja: '分類の流れにはラベル付きデータが必要です（例: {"kind": "builtin", "name": "moons"}）'
  },
  'spec.augmentDatasetTooWide': {
    en: '{name} has {dim} coordinates; with the augmented ones the state may have at most {max}',
    ja: '{name} の座標は {dim} 個です。拡張次元を含めた状態の次元は {max} 以下にしてください'
  },
  'spec.classifyNeedsSample': {
    en: 'a classification run transports the dataset itself: use {"kind": "sample", "count": n} (n points of the dataset)',
    ja: '分類の実行ではデータセットそのものを輸送します。{"kind": "sample", "count": n}（データセットの n 点）を指定してください'
  },
  'spec.dataClassifyOnly': {
    en: 'only classification takes labelled data; the other tasks train on the distribution',
    ja: 'ラベル付きデータを使うのは分類だけです。ほかのタスクは分布から学習します'
  },
  'spec.augmentStateTooWide': {
    en: 'the state ({dim} + {augment} augmented coordinates) may have at most {max}',
    ja: '状態の次元（{dim} + 拡張座標 {augment}）は {max} 以下にしてください'
  },
  'spec.jacobianThroughDepthOnly': {
    en: 'the Jacobian regulariser applies to classification and density flows (use 0)',
    ja: 'ヤコビアン正則化は分類と密度推定 (density) の流れでのみ使えます（0 にしてください）'
  },
  'spec.adjointThroughDepthOnly': {
    en: 'the adjoint method applies to classification and density flows: the other tasks train per stage or per layer (one field evaluation each, already O(1) in depth); use backprop',
    ja: '随伴法 (adjoint) は分類と密度推定 (density) の流れでのみ使えます。ほかのタスクはステージごとまたは層ごとに学習するため（それぞれ速度場の評価 1 回で、深さに対してすでに O(1)）、backprop を使ってください'
  },
  'spec.batchExceedsSamples': {
    en: 'batch size {batch} exceeds the {samples} training samples',
    ja: 'バッチサイズ {batch} が学習サンプル数 {samples} を超えています'
  },

  // requests (shared/contract.ts parseRequest)
  'spec.unknownMethod': { en: 'unknown method {method}', ja: '不明なメソッド {method} です' },
  'spec.badPayload': { en: 'bad payload for {method}: {detail}', ja: '{method} の要求の内容が正しくありません: {detail}' }
} as const satisfies Catalog
