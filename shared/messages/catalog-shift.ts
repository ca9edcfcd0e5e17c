// Messages of shift analyses (reference vs compare data), before/after comparison of analyses and the
// cause-pointing flags (electron/engine/layers/shift*.ts, compare*.ts, flags.ts, cli compare-analyses), in
// English and Japanese. Keys start with "shift.". English is what the engine writes; the UI shows either.
import type { Catalog } from './catalog'

export const SHIFT_MESSAGES = {
  // ---- compare-analyses
  'shift.compareNotAnalysis': {
    en: '{dir} is not an analysis folder: {detail}',
    ja: '{dir} は解析フォルダーではありません: {detail}'
  },
  'shift.compareReportMissing': { en: 'layers.json is missing or not a layer report', ja: 'layers.json がないか、層レポートではありません' },

  // ---- shift analysis
  'shift.progressShift': {
    en: 'measuring the shift between the reference and the compare data, layer by layer',
    ja: '基準データと比較データのずれを層ごとに測定中'
  },
  'shift.compareLayerCount': {
    en: 'the compare data gives {count} layers, the reference {expected}: they must be the same layers',
    ja: '比較データの層は {count} 個、基準データの層は {expected} 個です。同じ層でなければなりません'
  },
  'shift.compareLayerWidth': {
    en: 'layer {layer} ({name}) has width {width} on the compare data but {expected} on the reference',
    ja: '層 {layer}（{name}）の幅は比較データで {width}、基準データで {expected} です'
  },
  'shift.compareFilesForDumps': {
    en: 'compare files are dumps of the same layers on new data; a model takes its new data as compare data',
    ja: '比較ファイルは新しいデータでの同じ層のダンプです。モデルの場合は新しいデータを比較データとして指定してください'
  },
  'shift.compareDataForModel': {
    en: 'compare data needs a model (TF.js or ONNX) to run through; for activation dumps, give the same layers dumped on the new data as compare files',
    ja: '比較データには、それを通すモデル（TF.js または ONNX）が必要です。活性化ダンプの場合は、新しいデータで出力した同じ層のダンプを比較ファイルとして指定してください'
  },
  'shift.compareTooFew': {
    en: 'the compare data needs at least 3 points, got {count}',
    ja: '比較データには点が少なくとも 3 個必要ですが、{count} 個しかありません'
  },
  'shift.samplingAll': {
    en: 'shift distances use all {n} reference and all {nc} compare points',
    ja: 'シフトの距離は基準データの {n} 点すべてと比較データの {nc} 点すべてで計算しています'
  },
  'shift.samplingSubsample': {
    en: 'shift distances use a seeded subsample (seed {seed}) of {m} of {n} reference and {mc} of {nc} compare points; the farthest samples are among these',
    ja: 'シフトの距離は基準データ {n} 点中 {m} 点と比較データ {nc} 点中 {mc} 点をシード {seed} で抜き取って計算しています。最も遠いサンプルもこの中から選んでいます'
  },
  'shift.flagShift': {
    en: 'layer {layer} makes the shift between the reference and the new data grow {factor}x (energy coefficient {before} -> {after}; threshold {threshold}x)',
    ja: '層 {layer} は基準データと新しいデータのずれを {factor} 倍に広げています（エネルギー係数 {before} -> {after}、しきい値 {threshold} 倍）'
  },
  'shift.flagShiftNamed': {
    en: 'layer {layer} ({name}) makes the shift between the reference and the new data grow {factor}x (energy coefficient {before} -> {after}; threshold {threshold}x)',
    ja: '層 {layer}（{name}）は基準データと新しいデータのずれを {factor} 倍に広げています（エネルギー係数 {before} -> {after}、しきい値 {threshold} 倍）'
  },
  'shift.flagShiftRemedy': {
    en: 'this layer amplifies what differs in the new data: check the farthest new samples, add such data (or augment towards it) in training, or make the layer less sensitive there (weight decay, a Jacobian penalty)',
    ja: 'この層は新しいデータで異なる部分を増幅しています。最も遠い新しいサンプルを確認し、そのようなデータを学習に加える（またはその方向にデータ拡張する）か、この層の感度を下げてください（重み減衰、ヤコビアン正則化）'
  },
  'shift.explainShift': {
    en: 'The energy coefficient is the energy distance between the two clouds over twice their mean cross distance: 0 for the same distribution, 1 at most, and unchanged when a layer only rescales. A layer that multiplies it separates the new data from the reference more than the layers before did.',
    ja: 'エネルギー係数は 2 つの点群のエネルギー距離を平均交差距離の 2 倍で割ったもので、同じ分布なら 0、最大で 1 になり、層が拡大縮小するだけなら変わりません。これを何倍にもする層は、それ以前の層よりも新しいデータを基準データから引き離しています。'
  },
  // ---- flags that point at the cause
  'shift.flagMergingAcross': {
    en: 'layer {layer} merges {fraction} of pairs of different classes that were distinct at the input (threshold {threshold})',
    ja: '層 {layer} は入力で異なっていた異なるクラスのペアの {fraction} を併合しています（しきい値 {threshold}）'
  },
  'shift.flagMergingAcrossNamed': {
    en: 'layer {layer} ({name}) merges {fraction} of pairs of different classes that were distinct at the input (threshold {threshold})',
    ja: '層 {layer}（{name}）は入力で異なっていた異なるクラスのペアの {fraction} を併合しています（しきい値 {threshold}）'
  },
  'shift.flagMergingWithin': {
    en: 'layer {layer} merges {fraction} of pairs within one class that were distinct at the input (threshold {threshold}); pairs of different classes stay apart',
    ja: '層 {layer} は入力で異なっていた同じクラス内のペアの {fraction} を併合しています（しきい値 {threshold}）。異なるクラスの組は離れたままです'
  },
  'shift.flagMergingWithinNamed': {
    en: 'layer {layer} ({name}) merges {fraction} of pairs within one class that were distinct at the input (threshold {threshold}); pairs of different classes stay apart',
    ja: '層 {layer}（{name}）は入力で異なっていた同じクラス内のペアの {fraction} を併合しています（しきい値 {threshold}）。異なるクラスの組は離れたままです'
  },
  'shift.flagInherited': { en: 'carried on by layers {layers}', ja: '層 {layers} に引き継がれています' },
  'shift.remedyMergingImported': {
    en: 'merged points cannot be told apart again by any later layer: widen the layer, add a skip connection around it, or replace its non-invertible activation (ReLU with LeakyReLU or ELU); in PyTorch or Keras, a Jacobian penalty or weight decay keeps the map from folding',
    ja: '併合された点は以降のどの層でも区別できません。層の幅を広げる、層を迂回するスキップ接続を加える、非可逆な活性化関数を置き換える（ReLU を LeakyReLU や ELU に）のいずれかを検討してください。PyTorch や Keras ではヤコビアン正則化や重み減衰で写像が折り畳まれるのを防げます'
  },
  'shift.remedyMergingFlow': {
    en: 'a flow cannot merge points: raise the kinetic or Jacobian weight, lower the step size, or add depth so each step stays small',
    ja: '流れは点を併合できません。運動エネルギーまたはヤコビアンの重みを上げる、ステップ幅を小さくする、深さを増やして各ステップを小さく保つ、のいずれかを検討してください'
  },
  'shift.remedyMergingAcrossImported': {
    en: 'points of different classes become one here, so no later layer can separate them: widen the layer, add a skip connection around it, or replace its non-invertible activation (ReLU with LeakyReLU or ELU); in PyTorch or Keras add a Jacobian penalty or weight decay',
    ja: '異なるクラスの点がここで 1 つになり、以降の層では分けられません。層の幅を広げる、層を迂回するスキップ接続を加える、非可逆な活性化関数を置き換える（ReLU を LeakyReLU や ELU に）のいずれかを検討してください。PyTorch や Keras ではヤコビアン正則化や重み減衰を加えてください'
  },
  'shift.remedyMergingAcrossFlow': {
    en: 'points of different classes become one: raise the kinetic or Jacobian weight, lower the step size, or add depth',
    ja: '異なるクラスの点が 1 つになっています。運動エネルギーまたはヤコビアンの重みを上げる、ステップ幅を小さくする、深さを増やす、のいずれかを検討してください'
  },
  'shift.remedyMergingWithinImported': {
    en: 'only differences inside a class are lost; harmless if the task never needs them. If it does (or the data may shift), widen the layer or add a skip connection around it',
    ja: '失われるのはクラス内の違いだけです。タスクがそれを必要としなければ無害です。必要な場合（またはデータがずれる可能性がある場合）は、層の幅を広げるか層を迂回するスキップ接続を加えてください'
  },
  'shift.remedyMergingWithinFlow': {
    en: 'only differences inside a class are lost; if they matter, raise the kinetic or Jacobian weight or lower the step size',
    ja: '失われるのはクラス内の違いだけです。それが重要なら、運動エネルギーまたはヤコビアンの重みを上げるか、ステップ幅を小さくしてください'
  },
  'shift.remedyMotionImported': {
    en: 'one block does the work of several: split it into more blocks, or in PyTorch or Keras penalize the size of each residual update (a kinetic-energy or Jacobian penalty) so the motion spreads over depth',
    ja: '1 つのブロックが複数ブロック分の仕事をしています。ブロックを増やして分けるか、PyTorch や Keras で各残差更新の大きさに罰則（運動エネルギーまたはヤコビアンの正則化）をかけ、動きを深さ方向に分散させてください'
  },
  'shift.remedyMotionFlow': {
    en: 'one step does the work of several: raise the kinetic weight, lower the step size, or add depth',
    ja: '1 ステップが複数ステップ分の仕事をしています。運動エネルギーの重みを上げる、ステップ幅を小さくする、深さを増やす、のいずれかを検討してください'
  },
  'shift.remedyNeighboursImported': {
    en: 'the layer scrambles neighbourhoods: widen it or add a skip connection around it; in PyTorch or Keras a Jacobian penalty keeps the map smooth',
    ja: 'この層は近傍関係をかき乱しています。層の幅を広げるか層を迂回するスキップ接続を加えてください。PyTorch や Keras ではヤコビアン正則化で写像を滑らかに保てます'
  },
  'shift.remedyNeighboursFlow': {
    en: 'the step scrambles neighbourhoods: raise the Jacobian weight or lower the step size',
    ja: 'このステップは近傍関係をかき乱しています。ヤコビアンの重みを上げるか、ステップ幅を小さくしてください'
  },
  'shift.explainMerging': {
    en: 'Merging: pairs of points that were apart at the input end up closer than a thousandth of the typical distance here. No later layer can pull them apart again, so whatever told them apart is lost. Without labels it cannot be said whether the merged points belonged to one class.',
    ja: '併合: 入力で離れていたペアが、ここでは典型的な距離の 1000 分の 1 より近くなっています。以降の層で再び引き離すことはできないため、それらを区別していた情報は失われます。ラベルがないため、併合された点が同じクラスだったかどうかはわかりません。'
  },
  'shift.explainMergingAcross': {
    en: 'Merging across classes: points of different classes end up at one place. No later layer can separate them again, so the model cannot tell these classes apart from here on.',
    ja: 'クラスをまたぐ併合: 異なるクラスの点が同じ場所に集まっています。以降の層で再び分けることはできないため、ここから先のモデルはこれらのクラスを区別できません。'
  },
  'shift.explainMergingWithin': {
    en: 'Merging within a class: points of one class end up at one place while different classes stay apart. A classifier needs this at its output; earlier, it throws away differences inside a class that new data may need.',
    ja: 'クラス内の併合: 同じクラスの点が 1 か所に集まり、異なるクラスは離れたままです。分類器の出力ではこれが必要ですが、それより前の層では、新しいデータで必要になるかもしれないクラス内の違いを捨てています。'
  },
  'shift.explainMotion': {
    en: 'Motion: in a residual stretch each layer adds an update to the points, read as a step of a flow. One update far larger than the others is a jump the rest of the stretch does not share.',
    ja: '動き: 残差区間では各層が点に更新を加え、これを流れの 1 ステップとして読みます。ほかより極端に大きな更新は、区間のほかの層にはない跳躍です。'
  },
  'shift.explainNeighbours': {
    en: "Neighbours: the share of each point's nearest neighbours at the input that are still its nearest here. A layer that keeps few of them reorders the data rather than moving it smoothly.",
    ja: '近傍: 入力での各点の最近傍のうち、ここでも最近傍である割合です。これが少ない層はデータを滑らかに動かすのではなく並べ替えています。'
  },
  'shift.noteOutputLayer': {
    en: 'layer {layer} ({name}) is read as the output layer: merging within a class and lost neighbours are its job there and are not flagged; merging across classes is',
    ja: '層 {layer}（{name}）は出力層として扱います。出力層ではクラス内の併合と近傍の喪失は役割の一部なので警告せず、クラスをまたぐ併合だけを警告します'
  },
  'shift.noteStretchGuess': {
    en: 'residual stretches are guessed from runs of equal width (mark them in layers.json as "residual": [[from, to], ...] to be exact)',
    ja: '残差区間は幅の等しい層の並びから推定しています（正確にするには layers.json に "residual": [[from, to], ...] と記してください）'
  },
  'shift.noteStretchMarked': {
    en: 'residual stretches as marked in layers.json or read from the model graph',
    ja: '残差区間は layers.json の指定またはモデルのグラフから読み取ったものです'
  },
  'shift.entropyNegative': {
    en: 'negative differential entropy ({entropy} nats) is expected, not an error: in {width} dimensions the points fill a volume smaller than 1 (a small scale, or a thinner set such as a curve)',
    ja: '微分エントロピーが負（{entropy} nat）なのは想定どおりで、誤りではありません: {width} 次元で点が占める体積が 1 より小さい（スケールが小さいか、曲線のような薄い集合）ためです'
  },
  'shift.samplingPointsAll': {
    en: 'kNN preservation and CKA use all {n} points (neighbours exact: a k-d tree for widths <= 3, else brute force)',
    ja: 'kNN 保存率と CKA は {n} 点すべてで計算しています（近傍は厳密: 幅 3 以下は k-d 木、それ以外は総当たり）'
  },
  'shift.residualRunBad': {
    en: 'layers.json: residual run [{from}, {to}] must name layers 0..{last} in order, all of one width',
    ja: 'layers.json: 残差区間 [{from}, {to}] は 0 から {last} までの層を順に指し、すべて同じ幅でなければなりません'
  }
} as const satisfies Catalog
