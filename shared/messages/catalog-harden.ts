// Messages of the hardening checks: archive and array caps, workspace containment, model
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
    en: "{id} is not a dataset id (letters, digits, '.', '_' and '-', as the dataset list shows them)",
    ja: "{id} はデータセット ID ではありません（データセット一覧に表示される、英数字・'.'・'_'・'-' の ID を指定してください）"
  },
  'harden.specCovarianceTooLarge': {
    en: 'a covariance entry of {value} is too large (at most {max} in absolute value); rescale the data',
    ja: '共分散の要素 {value} が大きすぎます（絶対値で {max} まで）。データの尺度を変えてください'
  },
  'harden.specWorkBudget': {
    en: '{particles} particles x {steps} steps = {work} particle-steps; the limit is {limit} (fewer particles or a larger step size)',
    ja: '粒子 {particles} 個 × {steps} ステップ = {work} 粒子ステップです。上限は {limit} です（粒子を減らすか、ステップ幅を大きくしてください）'
  },

  // ---- disk and file errors (no machine paths)
  'harden.diskFull': {
    en: 'The disk is full: the change could not be saved; free space and try again. Nothing else was changed.',
    ja: 'ディスクがいっぱいです。変更を保存できませんでした。空き容量を作ってからもう一度試してください。ほかには何も変更していません。'
  },
  'harden.diskQuota': {
    en: 'The disk quota is used up: the change could not be saved; free space and try again. Nothing else was changed.',
    ja: 'ディスクの割り当て容量を使い切りました。変更を保存できませんでした。空き容量を作ってからもう一度試してください。ほかには何も変更していません。'
  },
  'harden.diskReadOnly': {
    en: 'The workspace is on a read-only disk: the change could not be saved; choose another workspace folder. Nothing else was changed.',
    ja: 'ワークスペースが読み取り専用のディスクにあります。変更を保存できませんでした。別のワークスペースフォルダを選んでください。ほかには何も変更していません。'
  },
  'harden.diskNoPermission': {
    en: 'Nagare may not write to the workspace folder: the change could not be saved; check its permissions or choose another folder. Nothing else was changed.',
    ja: 'Nagare にはワークスペースフォルダへの書き込み権限がありません。変更を保存できませんでした。権限を確認するか、別のフォルダを選んでください。ほかには何も変更していません。'
  },
  'harden.ioMissing': {
    en: 'A file or folder of the workspace is missing (was it moved or deleted while Nagare was running?); nothing was changed.',
    ja: 'ワークスペースのファイルまたはフォルダが見つかりません（Nagare の実行中に移動または削除されませんでしたか？）。何も変更していません。'
  },
  'harden.ioNameTooLong': {
    en: 'A file name is too long for the disk; use a shorter name.',
    ja: 'ファイル名がディスクに対して長すぎます。短い名前にしてください。'
  },
  'harden.ioBusy': {
    en: 'The system is busy (too many open files or a file in use); try again.',
    ja: 'システムが混み合っています（開いているファイルが多すぎるか、ファイルが使用中です）。もう一度試してください。'
  },
  'harden.ioDevice': {
    en: 'The disk reported a read or write error; check the disk and try again.',
    ja: 'ディスクが読み書きのエラーを報告しました。ディスクを確認してもう一度試してください。'
  },
  'harden.ioFailed': {
    en: 'The workspace could not be read or written (system error {code}); nothing was changed.',
    ja: 'ワークスペースを読み書きできませんでした（システムエラー {code}）。何も変更していません。'
  },

  // ---- upload names
  'harden.uploadNameControl': {
    en: 'an uploaded file name contains control characters; rename the file',
    ja: 'アップロードされたファイル名に制御文字が含まれています。ファイル名を変えてください'
  },
  'harden.uploadNameTooLong': {
    en: 'the file name {name} is {bytes} bytes long in UTF-8, more than the {max} a disk allows; rename the file',
    ja: 'ファイル名 {name} は UTF-8 で {bytes} バイトあり、ディスクが許す {max} バイトを超えています。ファイル名を変えてください'
  },

  // ---- JSON and the CLI
  'harden.jsonTooDeep': {
    en: 'arrays and objects are nested more than {max} levels deep',
    ja: '配列とオブジェクトの入れ子が {max} 段を超えています'
  },
  'harden.requestTooDeep': {
    en: 'the request is not valid JSON: arrays and objects are nested more than {max} levels deep',
    ja: 'リクエストが正しい JSON ではありません。配列とオブジェクトの入れ子が {max} 段を超えています'
  }
} as const satisfies Catalog
