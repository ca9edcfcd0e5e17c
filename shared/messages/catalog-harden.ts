// Messages of the hardening checks (issue 16): archive and array caps, workspace containment, model
// topology checks, broken runs, plain disk and upload messages, spec and CLI refusals, in English and Japanese.
// Keys start with "harden.". English is what the engine writes; the UI shows either.
import type { Catalog } from './catalog'

export const HARDEN_MESSAGES = {
  // ---- archives and arrays (decompression bombs)
  'harden.zipTooManyEntries': {
    en: '{label}: the archive lists {count} members, more than the {max} read',
    ja: '{label}: アーカイブには {count} 個のメンバーがあり、読み込める {max} 個を超えています'
  },
  'harden.zipTotalTooLarge': {
    en: '{label}: the members are {size} bytes uncompressed in all, over the {max}-byte limit',
    ja: '{label}: メンバーは展開後の合計が {size} バイトで、上限の {max} バイトを超えています'
  },
  'harden.zipInflatesPast': {
    en: '{label}: member {name} inflates past the {size} bytes its directory entry declares (corrupt or hostile archive)',
    ja: '{label}: メンバー {name} は、ディレクトリに記録された {size} バイトを超えて展開されます（壊れているか、悪意のあるアーカイブです）'
  },
  'harden.npyTooManyRows': {
    en: '{label}: shape [{shape}] has {rows} rows, more than the {max} read',
    ja: '{label}: 形状 [{shape}] は {rows} 行あり、読み込める {max} 行を超えています'
  },
  'harden.npyTooManyColumns': {
    en: '{label}: shape [{shape}] has {columns} columns, more than the {max} read',
    ja: '{label}: 形状 [{shape}] は {columns} 列あり、読み込める {max} 列を超えています'
  },
  'harden.npyTooManyValues': {
    en: '{label}: shape [{shape}] holds {count} values, more than the {max} read from one array',
    ja: '{label}: 形状 [{shape}] は {count} 個の値を持ち、1 つの配列から読み込める {max} 個を超えています'
  },
  'harden.npyHeaderTooLong': {
    en: '{label}: the NPY header is {size} bytes long, more than the {max} read',
    ja: '{label}: NPY ヘッダーは {size} バイトあり、読み込める {max} バイトを超えています'
  },

  // ---- workspace containment
  'harden.outsideWorkspace': {
    en: '{path} is a link that leads outside the workspace; Nagare does not read or write through it',
    ja: '{path} はワークスペースの外を指すリンクです。Nagare はこのリンクを通して読み書きしません'
  },

  // ---- model topology
  'harden.modelSizeTooLarge': {
    en: 'layer {name} asks for {field} = {value}; at most {max} are read',
    ja: '層 {name} は {field} = {value} を要求していますが、読み込めるのは {max} までです'
  },
  'harden.modelWeightsDisagree': {
    en: 'layer {name} asks for {field} = {value}, but its weights in the manifest are {shapes}: the topology and the weights do not match',
    ja: '層 {name} は {field} = {value} を要求していますが、マニフェストにある重みは {shapes} です。トポロジーと重みが一致しません'
  },
  'harden.modelNoWeights': {
    en: 'none',
    ja: 'ありません'
  },
  'harden.modelInputTooLarge': {
    en: 'layer {name}: input shape [{shape}] holds {values} values per row, more than the {max} read',
    ja: '層 {name}: 入力の形状 [{shape}] は 1 行あたり {values} 個の値を持ち、読み込める {max} 個を超えています'
  },

  // ---- spec values and budgets
  'harden.specNameControl': {
    en: 'the name contains control characters (such as terminal escape sequences); use plain text',
    ja: '名前に制御文字（端末のエスケープシーケンスなど）が含まれています。普通の文字だけを使ってください'
  },
  'harden.specDatasetId': {
    en: '{id} is not a dataset id (letters, digits, \'.\', \'_\' and \'-\', as the dataset list shows them)',
    ja: '{id} はデータセット ID ではありません（データセット一覧に表示される、英数字・\'.\'・\'_\'・\'-\' の ID を指定してください）'
  },
  'harden.specCovarianceTooLarge': {
    en: 'a covariance entry of {value} is too large (at most {max} in absolute value); rescale the data',
    ja: '共分散の要素 {value} が大きすぎます（絶対値で {max} まで）。データの尺度を変えてください'
  },
  'harden.specWorkBudget': {
    en: '{particles} particles x {steps} steps = {work} particle-steps; the limit is {limit} (fewer particles or a larger step size)',
    ja: '粒子 {particles} 個 × {steps} ステップ = {work} 粒子ステップです。上限は {limit} です（粒子を減らすか、ステップ幅を大きくしてください）'
  }
} as const satisfies Catalog
