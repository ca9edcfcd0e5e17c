// Strings of layer analyses in History (the kind column and filter, an analysis row) and of comparing
// two analyses side by side, English and Japanese.
import type { AreaMessages } from '../messages'

export default {
  en: {
    anagui: {
      kind: { label: 'Kind', run: 'Run', analysis: 'Layer analysis', any: 'Any' },
      countBoth: '{shown} of {total} entries',
      emptyBoth: 'Nothing yet. Finished runs and saved layer analyses appear here.',
      noMatchBoth: 'Nothing matches the search and filters.',
      source: { 'tfjs-model': 'TF.js model', dumps: 'Activation dumps' },
      layersFlags: '{layers} layers, {flags} flags',
      compare: 'Compare…',
      flagKinds: { merging: 'merging', motion: 'motion', neighbours: 'neighbours', shift: 'shift' },
      unreadableHint: 'This layer analysis could not be read',
      tagErrors: {
        empty: 'A tag cannot be empty.',
        tooLong: 'A tag can have at most 40 characters.',
        duplicate: 'This analysis already has that tag.',
        tooMany: 'An analysis can have at most 20 tags.'
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
        layerOf: 'layer {i} of {n}: {name}',
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
        layerOf: '{n} 層中の層 {i}: {name}',
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
