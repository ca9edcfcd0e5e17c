// Messages of ONNX models in layer analyses (electron/engine/onnx, the inspect and analyze commands), in English and Japanese.
// Keys start with "onnx.". English is what the engine writes (logs, CLI, analysis.json); the UI shows either.
import type { Catalog } from './catalog'

export const ONNX_MESSAGES = {
  // ---- reading the model
  'onnx.notOnnx': {
    en: '{file} is not a readable ONNX model (truncated or corrupt: {detail})',
    ja: '{file} は読み込める ONNX モデルではありません（途中で切れているか壊れています: {detail}）'
  },
  'onnx.noGraph': {
    en: '{file} holds no graph with nodes and outputs: not an ONNX model',
    ja: '{file} にはノードと出力を持つグラフがありません: ONNX モデルではありません'
  },
  'onnx.graphCycle': {
    en: 'the graph is not acyclic: node {name} waits on its own output',
    ja: 'グラフに循環があります: ノード {name} が自身の出力を待っています'
  },
  'onnx.tooLarge': {
    en: '{file} is {size} bytes, over the limit of {max} bytes for an ONNX model',
    ja: '{file} は {size} バイトで、ONNX モデルの上限 {max} バイトを超えています'
  },
  'onnx.externalData': {
    en: '{file} keeps weights in an external data file ({names}); Nagare reads only self-contained models: save it with onnx.save_model(model, path, save_as_external_data=False) (models under 2 GB)',
    ja: '{file} は重みを外部データファイルに置いています（{names}）。Nagare が読めるのは重みを含む単一ファイルのモデルだけです。onnx.save_model(model, path, save_as_external_data=False) で保存し直してください（2 GB 未満のモデル）'
  },
  'onnx.unsupportedOperator': {
    en: '{file} uses an operator that onnxruntime (CPU) does not implement: {detail}',
    ja: '{file} は onnxruntime（CPU）が実装していない演算子を使っています: {detail}'
  },
  'onnx.cannotLoad': { en: 'onnxruntime cannot load {file}: {detail}', ja: 'onnxruntime は {file} を読み込めません: {detail}' },
  'onnx.runtimeUnavailable': {
    en: 'the ONNX runtime (onnxruntime-node) cannot load on this machine: {detail}',
    ja: 'この環境では ONNX ランタイム（onnxruntime-node）を読み込めません: {detail}'
  },
  'onnx.graphModel': {
    en: '{name} is a TF.js graph model (converted from a SavedModel or frozen graph), which Nagare does not run (it runs TF.js Layers models, tf.LayersModel, and ONNX); export the original model to ONNX (python -m tf2onnx.convert --saved-model DIR --output model.onnx) and analyse the .onnx, or convert it to a Layers model with --output_format=tfjs_layers_model',
    ja: '{name} は TF.js のグラフモデル（SavedModel またはフリーズしたグラフから変換したもの）で、Nagare では実行できません（実行できるのは TF.js の Layers モデル tf.LayersModel と ONNX です）。元のモデルを ONNX に書き出して（python -m tf2onnx.convert --saved-model DIR --output model.onnx）.onnx を解析するか、--output_format=tfjs_layers_model で Layers モデルに変換してください'
  },

  // ---- the model's input and the data
  'onnx.inputCount': {
    en: 'the model takes {count} inputs; Nagare analyses models with one input',
    ja: 'このモデルの入力は {count} 個です。Nagare が解析できるのは入力が 1 個のモデルです'
  },
  'onnx.inputDtype': {
    en: "the model's input {name} is {dtype}; Nagare feeds float32 or float64 data",
    ja: 'モデルの入力 {name} は {dtype} です。Nagare が渡せるのは float32 または float64 のデータです'
  },
  'onnx.inputShapeUnknown': {
    en: "the model's input {name} has shape [{shape}]: dimensions past the batch must be fixed numbers to match the data against",
    ja: 'モデルの入力 {name} の形状は [{shape}] です。データと照合するには、バッチ以外の次元が固定の数である必要があります'
  },
  'onnx.dataShape': {
    en: "the data's samples have shape [{data}], but the model's input {name} takes [{model}] per sample (shape [{full}])",
    ja: 'データの 1 サンプルの形状は [{data}] ですが、モデルの入力 {name} は 1 サンプルあたり [{model}] です（形状 [{full}]）'
  },

  // ---- choosing and recording tensors
  'onnx.unknownLayer': {
    en: 'no tensor named {name} in the graph (nagare inspect lists them)',
    ja: 'グラフに {name} という名前のテンソルはありません（nagare inspect で一覧できます）'
  },
  'onnx.layerIsInput': {
    en: '{name} is the model input, recorded as the first row anyway',
    ja: '{name} はモデルの入力で、いずれにせよ最初の行として記録されます'
  },
  'onnx.layerNotFloat': {
    en: 'tensor {name} is {dtype}, not floating point; only float tensors are recorded',
    ja: 'テンソル {name} は {dtype} で浮動小数点ではありません。記録できるのは浮動小数点のテンソルだけです'
  },
  'onnx.tooManyLayers': {
    en: '{count} tensors chosen; at most {max} are recorded in one analysis',
    ja: '{count} 個のテンソルが選ばれました。1 回の解析で記録できるのは最大 {max} 個です'
  },
  'onnx.noLayers': { en: 'no floating-point tensor to record in the graph', ja: 'グラフに記録できる浮動小数点のテンソルがありません' },
  'onnx.cannotRun': { en: 'onnxruntime cannot run the model on the data: {detail}', ja: 'onnxruntime はこのデータでモデルを実行できません: {detail}' },
  'onnx.nonFinite': {
    en: 'tensor {name} holds a non-finite value ({value}) for sample {point}; the model diverges on this data',
    ja: 'テンソル {name} がサンプル {point} で有限でない値（{value}）を持ちます。このデータではモデルが発散します'
  },
  'onnx.recordTooLarge': {
    en: 'recording {n} samples through tensors of {total} analysed features in all would hold {values} values, over the limit of {max}; use at most {most} samples or fewer tensors',
    ja: '{n} サンプルを合計 {total} 特徴量のテンソルで記録すると値が {values} 個になり、上限の {max} を超えます。サンプルを最大 {most} 個にするか、テンソルを減らしてください'
  },

  // ---- how a row's points were made (the feature-map reduction)
  'onnx.reductionExact': { en: '{shape} analysed exactly ({width} features)', ja: '{shape} をそのまま解析（{width} 特徴量）' },
  'onnx.reductionProjection': {
    en: '{shape} ({features} features, over the cap of {cap}) by a seeded Gaussian random projection to {width} dimensions (seed {seed}): kNN preservation and CKA are approximate',
    ja: '{shape}（{features} 特徴量で上限 {cap} を超過）をシード付きガウス乱数射影で {width} 次元に縮約（シード {seed}）: k近傍保存率と CKA は近似値です'
  },
  'onnx.reductionChannelMeans': { en: '{shape} reduced to the mean of each of its {width} channels', ja: '{shape} を {width} 個のチャネルごとの平均に縮約' },

  // ---- command line
  'onnx.dataNeeded': {
    en: '{input} is an ONNX model: give the data to run through it with --data <file.npy | file.csv | builtin:moons[:n]>',
    ja: '{input} は ONNX モデルです。モデルに通すデータを --data <file.npy | file.csv | builtin:moons[:n]> で指定してください'
  },
  'onnx.flagsOnlyOnnx': {
    en: '--layers, --feature-maps and --batch are for an ONNX model (.onnx)',
    ja: '--layers、--feature-maps、--batch は ONNX モデル（.onnx）用です'
  },
  'onnx.interrupted': { en: 'interrupted; nothing was written', ja: '中断しました。何も書き込んでいません' },
  'onnx.batchFlag': { en: '--batch must be an integer from 1 to 4096, got {value}', ja: '--batch は 1 から 4096 までの整数です（指定値 {value}）' },
  'onnx.featureMapsFlag': {
    en: "--feature-maps must be 'auto' or 'channel-means', got {value}",
    ja: "--feature-maps は 'auto' か 'channel-means' です（指定値 {value}）"
  }
} as const satisfies Catalog
