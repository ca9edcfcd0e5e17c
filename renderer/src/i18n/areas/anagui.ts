// Strings of layer analyses in History (the kind column and filter, an analysis row) and of comparing
// two analyses side by side, English and Japanese.
import type { AreaMessages } from '../messages'

export default {
  en: {
    anagui: {
      kind: { label: 'Kind', run: 'Run', analysis: 'Layer analysis', any: 'Any' },
      countBoth: '{shown} of {total} entries',
      countBothAll: '{total} entry | {total} entries',
      emptyBoth: 'Nothing yet. Finished runs and saved layer analyses appear here.',
      noMatchBoth: 'Nothing matches the search and filters.',
      source: { 'tfjs-model': 'TF.js model', dumps: 'Activation dumps' },
      layersFlags: '{layers} layers, {flags} flag | {layers} layers, {flags} flags',
      compare: 'Compare…',
      flagKinds: { merging: 'merging', motion: 'motion', neighbours: 'neighbours', shift: 'shift' },
      unreadableHint: 'This layer analysis could not be read',
      tagErrors: {
        empty: 'A tag cannot be empty.',
        tooLong: 'A tag can have at most 40 characters.',
        duplicate: 'This analysis already has that tag.',
        tooMany: 'An analysis can have at most 20 tags.'
      },
      shift: {
        title: 'Domain shift, layer by layer',
        points: 'Reference {ref} points, new data {cmp} points.',
        grows: 'The shift grows most at layer {i} ({name}).',
        absorbed: 'It is absorbed most at layer {i} ({name}).',
        steady: 'No layer changes it beyond noise.',
        energy: 'Energy distance',
        mmd: 'MMD²',
        slicedW2: 'Sliced W2',
        ratio: 'Ratio to input',
        coefficient: 'Energy coefficient',
        knn: 'kNN distance ratio',
        help: {
          energy: 'Energy distance between the reference and the new data at this layer (U-statistic; 0 for equal distributions).',
          mmd: 'Squared maximum mean discrepancy with a Gaussian kernel (unbiased; can be slightly negative for equal distributions).',
          ratio: 'The energy distance here over the input layer’s: above 1 the layers enlarge the shift, below 1 they absorb it.',
          coefficient:
            'The energy distance over twice the mean distance between the two clouds, from 0 to 1: scale-free, so a layer that only rescales the data leaves it unchanged. Where the shift grows or is absorbed is read from it.',
          knn: 'Median distance of new points to their k-th nearest reference point, over the reference points’ own median.'
        },
        farthest: 'New samples farthest from the reference at layer {i} ({name})',
        sample: 'sample {index}: distance {distance}',
        reference: 'reference data',
        compare: 'new data',
        colourTitle: 'colour: data set'
      },
      flagLinks: {
        rows: 'Show its rows',
        inherited: 'Carried on, without adding to it, by layers {list}.',
        what: 'What this means'
      },
      compareWith: 'Compare with another analysis…',
      retrain: {
        title: 'Fix it by regularising, then compare',
        hint: 'Re-train a copy of this run with the regulariser on, then the two runs open side by side: the kinetic energy and the other metrics by depth, before and after.',
        button: { kinetic: 'Re-train with kinetic regularisation (λ = {weight})', jacobian: 'Re-train with Jacobian regularisation (λ = {weight})' },
        suffix: { kinetic: '+ kinetic', jacobian: '+ Jacobian' },
        pending: 'Re-training; the comparison opens when it is done.',
        kineticAxis: 'kinetic energy'
      },
      wizard: {
        compareOn: 'Compare with other data',
        compareHint:
          'Run the model on new data too (a new production line, a new month) and measure, layer by layer, how far it lies from the data above: where the shift grows and where it is absorbed.',
        source: 'New data'
      },
      cmp: {
        title: 'Compare two layer analyses',
        a: 'Analysis A',
        b: 'Analysis B',
        needTwo: 'Save at least two layer analyses to compare them.',
        loading: 'Loading…',
        same: 'A and B are the same analysis.',
        layerCounts: 'A has {a} layers, B has {b}: layers are paired by their index; the extra layers of the longer one have no partner.',
        table: 'Per layer: A, B and the difference B − A',
        metric: 'Metric',
        diff: 'B − A',
        layer: 'Layer',
        noLayer: '(none)',
        charts: 'A and B overlaid',
        flags: 'Flags: A {a}, B {b}',
        open: 'Open',
        matchedName: 'Layers are paired by name; a layer only one side has is listed without a partner.',
        matchedIndex: 'Layers are paired by position (the names differ or repeat).',
        totals: 'Over the paired layers: kinetic energy A {a}, B {b} (B − A {d}); flags A {fa}, B {fb}.',
        flagsA: 'Flags A',
        flagsB: 'Flags B',
        unpaired: '{side} has no layer here; its view stays at its nearest layer.',
        metrics: { kineticEnergy: 'Kinetic energy', shiftEnergy: 'Shift: energy', shiftMmd: 'Shift: MMD²', shiftSlicedW2: 'Shift: sliced W2' }
      }
    }
  },
  ja: {
    anagui: {
      kind: { label: '種類', run: '実行', analysis: '層解析', any: 'すべて' },
      countBoth: '{total} 件中 {shown} 件',
      countBothAll: '{total} 件',
      emptyBoth: 'まだ何もありません。完了した実行と保存された層解析がここに表示されます。',
      noMatchBoth: '検索条件に合うものはありません。',
      source: { 'tfjs-model': 'TF.js モデル', dumps: '活性化ダンプ' },
      layersFlags: '{layers} 層、フラグ {flags} 件',
      compare: '比較…',
      flagKinds: { merging: '併合', motion: '移動', neighbours: '近傍', shift: 'シフト' },
      unreadableHint: 'この層解析は読み込めません',
      tagErrors: {
        empty: 'タグは空にできません。',
        tooLong: 'タグは 40 文字までです。',
        duplicate: 'この層解析にはすでにそのタグがあります。',
        tooMany: '層解析のタグは 20 個までです。'
      },
      shift: {
        title: '層ごとのドメインシフト',
        points: '基準データ {ref} 点、新しいデータ {cmp} 点。',
        grows: 'シフトが最も大きくなるのは層 {i} ({name}) です。',
        absorbed: '最も吸収されるのは層 {i} ({name}) です。',
        steady: 'ノイズを超えてシフトを変える層はありません。',
        energy: 'エネルギー距離',
        mmd: 'MMD²',
        slicedW2: 'スライス W2',
        ratio: '入力との比',
        coefficient: 'エネルギー係数',
        knn: 'kNN 距離比',
        help: {
          energy: 'この層での基準データと新しいデータのエネルギー距離です (U 統計量。分布が等しければ 0)。',
          mmd: 'ガウスカーネルによる最大平均不一致の二乗です (不偏推定。分布が等しいとわずかに負になることがあります)。',
          ratio: 'この層のエネルギー距離を入力層のもので割った値です。1 を超えれば層がシフトを拡大し、1 未満なら吸収しています。',
          coefficient:
            'エネルギー距離を 2 つの点群間の平均距離の 2 倍で割った 0 から 1 の値です。尺度によらないため、データを拡大縮小するだけの層では変わりません。シフトが大きくなる層・吸収される層はこの値で判定します。',
          knn: '新しい点から k 番目に近い基準点までの距離の中央値を、基準点どうしの中央値で割った値です。'
        },
        farthest: '層 {i} ({name}) で基準データから最も遠い新しいサンプル',
        sample: 'サンプル {index}: 距離 {distance}',
        reference: '基準データ',
        compare: '新しいデータ',
        colourTitle: '色: データ'
      },
      flagLinks: {
        rows: '該当する行を表示',
        inherited: '層 {list} はこの損失を引き継いでいるだけで、新たに加えてはいません。',
        what: 'これの意味'
      },
      compareWith: '別の解析と比較…',
      retrain: {
        title: '正則化で直して比較する',
        hint: 'この実行のコピーを正則化ありで再学習し、2 つの実行を並べて開きます。運動エネルギーなど深さごとの指標を前後で比べられます。',
        button: { kinetic: '運動エネルギー正則化で再学習 (λ = {weight})', jacobian: 'ヤコビアン正則化で再学習 (λ = {weight})' },
        suffix: { kinetic: '+ 運動エネルギー', jacobian: '+ ヤコビアン' },
        pending: '再学習中です。終わると比較が開きます。',
        kineticAxis: '運動エネルギー'
      },
      wizard: {
        compareOn: '別のデータと比較する',
        compareHint:
          'モデルを新しいデータ (新しい製造ライン、新しい月のデータなど) にも通し、上のデータからどれだけ離れているかを層ごとに測ります。シフトが大きくなる層と吸収される層がわかります。',
        source: '新しいデータ'
      },
      cmp: {
        title: '2 つの層解析の比較',
        a: '解析 A',
        b: '解析 B',
        needTwo: '比較するには層解析を 2 つ以上保存してください。',
        loading: '読み込み中…',
        same: 'A と B は同じ解析です。',
        layerCounts: 'A は {a} 層、B は {b} 層です。層は番号で対応させています。長い方の余った層には相手がありません。',
        table: '層ごとの A、B と差 B − A',
        metric: '指標',
        diff: 'B − A',
        layer: '層',
        noLayer: '(なし)',
        charts: 'A と B の重ね描き',
        flags: 'フラグ: A {a} 件、B {b} 件',
        open: '開く',
        matchedName: '層は名前で対応させています。片方にしかない層は相手なしで表示します。',
        matchedIndex: '層は位置で対応させています (名前が異なるか重複しています)。',
        totals: '対応した層の合計: 運動エネルギー A {a}、B {b} (B − A {d})、フラグ A {fa} 件、B {fb} 件。',
        flagsA: 'フラグ A',
        flagsB: 'フラグ B',
        unpaired: '{side} にはこの位置の層がありません。表示は最も近い層のままです。',
        metrics: { kineticEnergy: '運動エネルギー', shiftEnergy: 'シフト: エネルギー', shiftMmd: 'シフト: MMD²', shiftSlicedW2: 'シフト: スライス W2' }
      }
    }
  }
} satisfies AreaMessages
