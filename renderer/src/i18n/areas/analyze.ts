// Strings of the "Analyze an existing model" wizard and the layer analysis page, English and Japanese,
// with a one-sentence explanation of each metric.
import type { AreaMessages } from '../messages'

const en = {
  title: 'Analyze an existing model',
  templateDescription:
    'Load a TF.js model or activation dumps from any framework and see, layer by layer, where the data is merged, scrambled or moved too far.',
  analysisTitle: 'Layer analysis',
  stepOf: 'Step {i} of {n}: {name}',
  steps: { model: 'Model', data: 'Data', options: 'Options and run' },
  back: 'Back',
  next: 'Next',
  run: 'Analyze',
  source: {
    title: 'What do you have?',
    model: { title: 'A TF.js Layers model', desc: 'model.json and its weight files (.bin). Nagare runs your data through it and records every layer.' },
    dumps: {
      title: 'Activation dumps',
      desc: 'One .npy, .npz or .csv file per layer, from any framework, in name order or ordered by a layers.json; or one .npz with every layer.'
    }
  },
  model: {
    pick: 'Choose model.json and its .bin files',
    hint: 'Select all files at once (Ctrl or Shift click).',
    chosen: '{count} files, {size}',
    weights: 'Weight files listed in model.json: {count}'
  },
  dumps: {
    pickFolder: 'Choose a folder',
    pickFiles: 'Or choose files',
    hint: 'Files other than .npy, .npz, .csv and layers.json are left out.',
    skipped: '{count} files left out (not .npy, .npz, .csv or layers.json)',
    labels: 'Class labels (optional)',
    labelsHint: 'One label per point, .npy or .csv; colours the view and enables separability.',
    labelsChosen: 'Labels: {name}',
    clearLabels: 'No labels'
  },
  files: { none: 'No files chosen yet.', more: 'and {count} more' },
  reading: 'Reading model.json…',
  problems: {
    noFiles: 'Choose the files to analyze.',
    noModelJson: 'No model.json among the chosen files: choose the model.json with its weight files.',
    manyJson: 'Choose one model.json, not several ({names}).',
    notModelFile: 'Only model.json and .bin weight files belong to a model: {names}.',
    badJson: '{name} is not valid JSON: {reason}',
    notModel: '{name} is not a TF.js Layers model (it has no modelTopology).',
    weightsMissing: 'model.json needs weight files that were not chosen: {names}.',
    tooLarge: '{name} is {size}, over the {limit} limit for one file.',
    tooMany: '{count} files chosen; at most {limit} can be sent at once.',
    totalTooLarge: 'The files add up to {size}, over the {limit} that can be sent at once.',
    duplicate: 'Two files are named {name}: choose files from one folder.',
    empty: '{name} is empty.',
    noLayers: 'No layer files (.npy, .npz, .csv) among the chosen files.',
    notDumpFile: 'Not a layer file: {names}.',
    labelsType: 'Labels must be a .npy or .csv file, not {name}.',
    points: 'Number of points: a whole number from 2 to {max}.',
    seed: 'Seed: a whole number, 0 or more.',
    noDataset: 'Choose an imported dataset, or import one.',
    nameEmpty: 'Give the analysis a name.',
    nameLong: 'The name is too long (at most {max} characters).',
    k: 'Neighbours: a whole number from 1 to 100.'
  },
  data: {
    title: 'Data to run through the model',
    dumpsNote: 'Activation dumps already hold the data: nothing to choose here.',
    builtin: { title: 'A built-in dataset', desc: 'Generated from a seed; same seed, same points.' },
    dataset: { title: 'An imported dataset', desc: 'A CSV or NPY file you imported earlier.', none: 'No imported datasets yet.', choose: 'Dataset' },
    datasetInfo: '{n} points, {d} features',
    importNow: 'Import a dataset now',
    which: 'Dataset',
    names: {
      moons: 'Two moons',
      circles: 'Two circles',
      spirals: 'Spirals',
      'helix-pair': 'Helix pair',
      's-curve': 'S-curve',
      'gaussian-blobs': 'Gaussian blobs'
    },
    points: 'Number of points',
    seed: 'Seed',
    seedHint: 'Same seed, same points.',
    inputWidth: 'The model must take {d} inputs per point.',
    builtinShape: '{d} features per point, {classes} classes: the model must take one input per feature.'
  },
  options: {
    title: 'How closely to look',
    presets: {
      local: { title: 'Close neighbours (k = 5)', desc: 'Does each layer keep the very nearest points together? Sensitive to fine detail.' },
      balanced: { title: 'Balanced (k = 10)', desc: 'The usual choice: local structure without reacting to noise.' },
      broad: { title: 'Wider neighbourhoods (k = 30)', desc: 'Does each layer keep groups of points together? Less sensitive to noise.' }
    },
    advanced: 'Advanced',
    k: 'Neighbours k',
    kHint: 'How many nearest neighbours of each point kNN preservation follows (1–100).',
    seed: 'Seed',
    seedHint: 'Drives every subsample and random projection: same seed, same numbers.',
    name: 'Name'
  },
  cost: {
    title: 'What will be sent',
    files: 'Files',
    size: 'Total size',
    points: 'Points',
    unknown: 'read by the engine',
    fix: 'Fix the problems above to run.'
  },
  job: {
    running: 'Analyzing… {pct}',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    failed: 'The analysis failed: {message}',
    cancelled: 'The analysis was cancelled; nothing was kept.',
    dismiss: 'Dismiss'
  },
  columns: {
    index: '#',
    name: 'Layer',
    width: 'Width',
    knnPreservation: 'kNN kept',
    distanceCorrelation: 'Distance corr.',
    ckaToInput: 'CKA to input',
    ckaToPrevious: 'CKA to previous',
    entropy: 'Entropy',
    separability: 'Separability',
    merging: 'Merged pairs',
    update: 'Update size',
    w2FromPrevious: 'W2 from previous',
    velocity: 'Euler velocity',
    motionRatio: 'Motion ratio'
  },
  help: {
    knnPreservation: "The share of each point's k nearest neighbours at the input that are still among its k nearest at this layer.",
    distanceCorrelation: 'How well distances between points here follow the distances at the input (Pearson correlation, 1 = same order and scale).',
    ckaToInput: 'Linear CKA: how similar this layer’s representation is to the input’s, from 0 (unrelated) to 1 (the same up to rotation and scale).',
    ckaToPrevious: 'Linear CKA between this layer and the one before it: 1 means the layer changed the representation very little.',
    entropy: 'The differential entropy of the points (Kozachenko–Leonenko estimate, in nats): how spread out the cloud is.',
    separability: 'Between-class over within-class variance: how far apart the labelled classes are compared with their own spread.',
    merging: 'The share of point pairs that were distinct at the input but sit on top of each other here: lost information a flow could never lose.',
    update: 'The mean distance each point moves in this layer (equal widths only).',
    w2FromPrevious: 'The sliced Wasserstein-2 distance from the previous layer: how far the layer transports the whole distribution.',
    velocity:
      'Mean |x_l - x_(l-1)| / h over the points: the velocity a residual stretch implies when read as an Euler broken line on [0, 1] with step h = 1 / (its updates).',
    motionRatio: 'This update divided by the median of the other updates of its residual stretch: above 1, the layer moves the data more than its neighbours.'
  },
  nullReason: {
    constantDistances: 'All distances are equal at this layer, so their correlation is undefined.',
    input: 'The input layer has no previous layer.',
    wide: 'Entropy is only estimated for widths up to 3 (kNN estimates are unreliable in higher dimension).',
    noLabels: 'No labels were given, so classes cannot be compared.',
    oneClass: 'Only one class is present, so there is nothing to separate.',
    widthChanged: 'The width changed from the previous layer, so the layer is not a residual update.',
    shortStretch: 'Compared only within residual stretches of at least 3 updates, or the other updates did not move.',
    unknown: 'Not computed.'
  },
  table: { caption: 'Per-layer metrics ({n} points, k = {k})', current: 'shown in the view' },
  flags: {
    title: 'Flags',
    none: 'No layer crossed a threshold.',
    layer: 'Layer {i} ({name})',
    merging: '{layer} merges {value} of the point pairs that were distinct at the input (threshold {threshold}).',
    motion: '{layer} moves the data {value} more than its neighbours in its residual stretch (threshold {threshold} the median update).',
    neighbours: "{layer} keeps only {value} of each point's {k} nearest neighbours (threshold {threshold}).",
    other: '{layer}: {message}',
    remedy: {
      merging:
        'A flow cannot merge points; merging loses information for good. Regularize the kinetic energy, use an invertible (residual) block, or widen the layer.',
      motion: 'One block does the work of several: use a smaller step or more layers, or regularize the kinetic energy so the motion spreads over depth.',
      neighbours: 'The layer scrambles neighbourhoods: widen the layer, or regularize it towards a smooth (small-step) map.'
    },
    remedyLabel: 'What to try:',
    show: 'Show this layer'
  },
  charts: { title: 'Metrics by layer', x: 'layer' },
  // y axis titles of the layer charts: short (a symbol or unit), the chart's caption says the rest
  axis: {
    knnPreservation: 'share kept',
    distanceCorrelation: 'Pearson r',
    ckaToInput: 'CKA',
    ckaToPrevious: 'CKA',
    entropy: 'H (nats)',
    separability: 'variance ratio',
    merging: 'fraction merged',
    update: 'mean distance',
    w2FromPrevious: 'sliced W₂',
    velocity: 'speed',
    motionRatio: '× median'
  },
  view: {
    title: 'The points, layer by layer',
    layer: 'Layer',
    layerValue: '{i} of {max}: {name}',
    variance: 'One PCA fitted on all layers; its 3 components explain {a}, {b} and {c} of the variance ({total} in all).',
    noProjection: 'This analysis has no 3-D projection.',
    layerOf: 'Layer {i} of {n}: {name}',
    keys: 'Arrow keys step through the layers.'
  },
  picker: {
    title: 'Layer analyses',
    empty: 'No analyses yet.',
    start: 'Analyze a model',
    meta: '{layers} layers · {points} points · {flags} flag | {layers} layers · {points} points · {flags} flags',
    unreadable: 'unreadable',
    failed: 'The list could not be read: {message}'
  },
  page: {
    loading: 'Loading the analysis…',
    loadFailed: 'The analysis could not be opened: {message}',
    unreadableReport: 'This analysis has a report this version cannot read.',
    all: 'All analyses',
    summary: '{layers} layers, {n} points, from {source}',
    summaryNoPoints: '{layers} layers, from {source}',
    sources: { 'tfjs-model': 'a TF.js model', dumps: 'activation dumps', onnx: 'an ONNX model' },
    data: {
      builtin: 'Data: {name}, {n} points, seed {seed}.',
      dataset: 'Data: imported dataset {id} ({n} points, {d} features).',
      file: 'Data: {path} ({n} points, {d} features).',
      dumps: 'Data: the first dump ({n} points, width {d}).'
    }
  }
}

const ja: typeof en = {
  title: '既存モデルを解析',
  templateDescription: 'TF.js モデルや任意のフレームワークの活性化ダンプを読み込み、どの層でデータが潰れ、乱れ、動きすぎているかを層ごとに確かめます。',
  analysisTitle: '層ごとの解析',
  stepOf: 'ステップ {i} / {n}: {name}',
  steps: { model: 'モデル', data: 'データ', options: '設定と実行' },
  back: '戻る',
  next: '次へ',
  run: '解析する',
  source: {
    title: '手元にあるもの',
    model: { title: 'TF.js Layers モデル', desc: 'model.json と重みファイル (.bin)。データをモデルに通し、全層の出力を記録します。' },
    dumps: {
      title: '活性化ダンプ',
      desc: '層ごとに 1 つの .npy・.npz・.csv ファイル (任意のフレームワーク)。名前順または layers.json の順。全層を含む 1 つの .npz でも可。'
    }
  },
  model: {
    pick: 'model.json と .bin ファイルを選択',
    hint: 'すべてのファイルをまとめて選んでください (Ctrl または Shift を押しながらクリック)。',
    chosen: '{count} ファイル、{size}',
    weights: 'model.json が挙げる重みファイル: {count}'
  },
  dumps: {
    pickFolder: 'フォルダーを選択',
    pickFiles: 'またはファイルを選択',
    hint: '.npy・.npz・.csv・layers.json 以外のファイルは除外します。',
    skipped: '{count} ファイルを除外しました (.npy・.npz・.csv・layers.json ではありません)',
    labels: 'クラスラベル (任意)',
    labelsHint: '点ごとに 1 つのラベル (.npy または .csv)。ビューの色分けと分離度に使います。',
    labelsChosen: 'ラベル: {name}',
    clearLabels: 'ラベルなし'
  },
  files: { none: 'まだファイルが選ばれていません。', more: 'ほか {count} 件' },
  reading: 'model.json を読んでいます…',
  problems: {
    noFiles: '解析するファイルを選んでください。',
    noModelJson: '選んだファイルに model.json がありません。model.json と重みファイルを選んでください。',
    manyJson: 'model.json は 1 つだけ選んでください ({names})。',
    notModelFile: 'モデルに含められるのは model.json と .bin の重みファイルだけです: {names}。',
    badJson: '{name} は正しい JSON ではありません: {reason}',
    notModel: '{name} は TF.js Layers モデルではありません (modelTopology がありません)。',
    weightsMissing: 'model.json が必要とする重みファイルが選ばれていません: {names}。',
    tooLarge: '{name} は {size} で、1 ファイルの上限 {limit} を超えています。',
    tooMany: '{count} ファイルが選ばれています。一度に送れるのは {limit} ファイルまでです。',
    totalTooLarge: 'ファイルの合計が {size} で、一度に送れる {limit} を超えています。',
    duplicate: '{name} という名前のファイルが 2 つあります。1 つのフォルダーから選んでください。',
    empty: '{name} は空のファイルです。',
    noLayers: '選んだファイルに層のファイル (.npy・.npz・.csv) がありません。',
    notDumpFile: '層のファイルではありません: {names}。',
    labelsType: 'ラベルは .npy か .csv のファイルにしてください ({name} は使えません)。',
    points: '点の数: 2 から {max} までの整数。',
    seed: 'シード: 0 以上の整数。',
    noDataset: '取り込み済みのデータセットを選ぶか、新しく取り込んでください。',
    nameEmpty: '解析に名前を付けてください。',
    nameLong: '名前が長すぎます (最大 {max} 文字)。',
    k: '近傍数: 1 から 100 までの整数。'
  },
  data: {
    title: 'モデルに通すデータ',
    dumpsNote: '活性化ダンプにはデータが含まれているため、ここで選ぶものはありません。',
    builtin: { title: '組み込みデータセット', desc: 'シードから生成します。同じシードなら同じ点になります。' },
    dataset: {
      title: '取り込み済みデータセット',
      desc: '以前に取り込んだ CSV や NPY ファイル。',
      none: '取り込み済みのデータセットはまだありません。',
      choose: 'データセット'
    },
    datasetInfo: '{n} 点、{d} 特徴量',
    importNow: '今すぐデータセットを取り込む',
    which: 'データセット',
    names: {
      moons: '二つの月',
      circles: '二つの円',
      spirals: '渦巻き',
      'helix-pair': '二重らせん',
      's-curve': 'S 字曲面',
      'gaussian-blobs': 'ガウス分布の塊'
    },
    points: '点の数',
    seed: 'シード',
    seedHint: '同じシードなら同じ点になります。',
    inputWidth: 'モデルの入力は 1 点あたり {d} 個である必要があります。',
    builtinShape: '1 点あたり {d} 特徴量、{classes} クラス。モデルは特徴量ごとに 1 つの入力を受け取る必要があります。'
  },
  options: {
    title: 'どのくらい細かく見るか',
    presets: {
      local: { title: 'ごく近い近傍 (k = 5)', desc: '各層がもっとも近い点どうしを保つか。細かな構造に敏感です。' },
      balanced: { title: '標準 (k = 10)', desc: '通常はこれ。ノイズに振り回されずに局所構造を見ます。' },
      broad: { title: '広い近傍 (k = 30)', desc: '各層が点のまとまりを保つか。ノイズの影響を受けにくくなります。' }
    },
    advanced: '詳細設定',
    k: '近傍数 k',
    kHint: 'kNN 保存率で追跡する各点の最近傍の数 (1〜100)。',
    seed: 'シード',
    seedHint: 'すべての部分標本とランダム射影を決めます。同じシードなら同じ数値になります。',
    name: '名前'
  },
  cost: {
    title: '送信する内容',
    files: 'ファイル数',
    size: '合計サイズ',
    points: '点の数',
    unknown: 'エンジンが読み取ります',
    fix: '上の問題を直すと実行できます。'
  },
  job: {
    running: '解析中… {pct}',
    cancel: 'キャンセル',
    cancelling: 'キャンセル中…',
    failed: '解析に失敗しました: {message}',
    cancelled: '解析をキャンセルしました。何も保存していません。',
    dismiss: '閉じる'
  },
  columns: {
    index: '#',
    name: '層',
    width: '幅',
    knnPreservation: 'kNN 保存率',
    distanceCorrelation: '距離相関',
    ckaToInput: '入力との CKA',
    ckaToPrevious: '前層との CKA',
    entropy: 'エントロピー',
    separability: '分離度',
    merging: '併合ペア',
    update: '更新量',
    w2FromPrevious: '前層からの W2',
    velocity: 'オイラー速度',
    motionRatio: '移動比'
  },
  help: {
    knnPreservation: '入力での各点の k 個の最近傍のうち、この層でも k 個の最近傍に残っている割合です。',
    distanceCorrelation: 'この層での点間距離が入力での距離にどれだけ従っているか (ピアソン相関、1 なら順序も比率も同じ) です。',
    ckaToInput: '線形 CKA: この層の表現が入力の表現とどれだけ似ているかを 0 (無関係) から 1 (回転と拡大を除いて同じ) で表します。',
    ckaToPrevious: 'この層と直前の層の線形 CKA です。1 ならこの層は表現をほとんど変えていません。',
    entropy: '点の微分エントロピー (Kozachenko–Leonenko 推定、単位 nat) で、点群の広がりを表します。',
    separability: 'クラス間分散とクラス内分散の比で、ラベル付きクラスが自身の広がりに比べてどれだけ離れているかを表します。',
    merging: '入力では離れていた点のペアのうち、この層で重なってしまった割合です。流れなら決して失わない情報の損失です。',
    update: 'この層で各点が動く平均距離です (幅が等しい場合のみ)。',
    w2FromPrevious: '直前の層からのスライス Wasserstein-2 距離で、層が分布全体をどれだけ輸送したかを表します。',
    velocity: '点ごとの |x_l - x_(l-1)| / h の平均。残差の区間を [0, 1] 上のステップ h = 1 / (更新数) のオイラー折れ線とみなしたときの速度です。',
    motionRatio: 'この更新量を同じ残差区間の他の更新量の中央値で割った値です。1 を超えると、近隣の層よりデータを大きく動かしています。'
  },
  nullReason: {
    constantDistances: 'この層では距離がすべて等しいため、相関が定義できません。',
    input: '入力層には直前の層がありません。',
    wide: 'エントロピーは幅 3 以下でのみ推定します (高次元では kNN 推定が信頼できません)。',
    noLabels: 'ラベルがないため、クラスを比べられません。',
    oneClass: 'クラスが 1 つしかないため、分離するものがありません。',
    widthChanged: '直前の層と幅が異なるため、残差更新ではありません。',
    shortStretch: '3 回以上の更新を含む残差区間の中でのみ比べます。または他の更新が動いていません。',
    unknown: '計算していません。'
  },
  table: { caption: '層ごとの指標 ({n} 点、k = {k})', current: 'ビューに表示中' },
  flags: {
    title: '警告',
    none: 'しきい値を超えた層はありません。',
    layer: '層 {i} ({name})',
    merging: '{layer} は入力で離れていた点のペアの {value} を併合しています (しきい値 {threshold})。',
    motion: '{layer} は残差区間の近隣の層の {value} の量だけデータを動かしています (しきい値は更新量の中央値の {threshold})。',
    neighbours: '{layer} は各点の {k} 個の最近傍を {value} しか保っていません (しきい値 {threshold})。',
    other: '{layer}: {message}',
    remedy: {
      merging: '流れは点を併合できず、併合で失った情報は戻りません。運動エネルギーを正則化する、可逆な (残差) ブロックを使う、または層を広げてください。',
      motion:
        '1 つのブロックが複数分の仕事をしています。ステップを小さくするか層を増やす、または運動エネルギーを正則化して動きを深さ方向に分散させてください。',
      neighbours: 'この層は近傍を乱しています。層を広げるか、滑らかな (小さなステップの) 写像に近づくよう正則化してください。'
    },
    remedyLabel: '対策:',
    show: 'この層を表示'
  },
  charts: { title: '層ごとの指標', x: '層' },
  axis: {
    knnPreservation: '保存率',
    distanceCorrelation: 'ピアソン r',
    ckaToInput: 'CKA',
    ckaToPrevious: 'CKA',
    entropy: 'H (nat)',
    separability: '分散比',
    merging: '併合の割合',
    update: '平均距離',
    w2FromPrevious: 'スライス W₂',
    velocity: '速さ',
    motionRatio: '中央値の倍率'
  },
  view: {
    title: '層ごとの点の動き',
    layer: '層',
    layerValue: '{i} / {max}: {name}',
    variance: '全層に 1 回だけ当てはめた PCA。3 成分で分散の {a}・{b}・{c} (合計 {total}) を説明します。',
    noProjection: 'この解析には 3 次元射影がありません。',
    layerOf: '層 {i} / {n}:{name}',
    keys: '矢印キーで層を移動します。'
  },
  picker: {
    title: '層ごとの解析',
    empty: '解析はまだありません。',
    start: 'モデルを解析する',
    meta: '{layers} 層 · {points} 点 · 警告 {flags} 件',
    unreadable: '読み取れません',
    failed: '一覧を読めませんでした: {message}'
  },
  page: {
    loading: '解析を読み込んでいます…',
    loadFailed: '解析を開けませんでした: {message}',
    unreadableReport: 'この解析のレポートはこのバージョンでは読めません。',
    all: 'すべての解析',
    summary: '{layers} 層、{n} 点、{source} から',
    summaryNoPoints: '{layers} 層、{source} から',
    sources: { 'tfjs-model': 'TF.js モデル', dumps: '活性化ダンプ', onnx: 'ONNX モデル' },
    data: {
      builtin: 'データ: {name}、{n} 点、シード {seed}。',
      dataset: 'データ: 取り込み済みデータセット {id} ({n} 点、{d} 特徴量)。',
      file: 'データ: {path} ({n} 点、{d} 特徴量)。',
      dumps: 'データ: 最初のダンプ ({n} 点、幅 {d})。'
    }
  }
}

export default { en: { analyze: en }, ja: { analyze: ja } } satisfies AreaMessages
