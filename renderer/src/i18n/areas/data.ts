// Strings of the "Your data" screen and the import component (CSV, TSV, NPY, NPZ), English and Japanese.
import type { AreaMessages } from '../messages'

const en = {
  title: 'Your data',
  intro: 'Import a CSV, TSV, NPY or NPZ file. It is copied into the workspace, so runs can be repeated even if the original file moves.',
  list: {
    title: 'Imported datasets',
    empty: 'No datasets yet: import one below.',
    name: 'Name',
    size: 'Rows × columns',
    label: 'Label',
    date: 'Imported',
    none: '—',
    shape: '{n} × {d}',
    classes: '{name} ({count} classes)',
    refresh: 'Refresh',
    loadFailed: 'The list could not be loaded: {message}'
  },
  import: {
    title: 'Import a file',
    pick: 'Choose a file',
    pickHint: 'CSV, TSV, NPY or NPZ, up to {size}. You can also drop a file here.',
    drop: 'Drop the file here',
    reading: 'Reading {name}…',
    tooLarge: '{name} is {size}, larger than the {limit} limit: keep a sample of the rows or convert it to .npy.',
    readFailed: 'The file could not be read: {message}',
    previewFailed: 'The file could not be read: {message}',
    summary: '{name}: {rows} rows, {cols} columns ({format})',
    previewTitle: 'First rows',
    columnsTitle: 'Columns',
    issuesTitle: 'Things to decide',
    noIssues: 'No missing or non-numeric values found.',
    column: 'Column',
    feature: 'Feature',
    numeric: 'Numeric',
    yes: 'yes',
    no: 'no',
    missing: 'Missing',
    nonNumeric: 'Not numbers',
    min: 'Min',
    max: 'Max',
    mean: 'Mean',
    std: 'Std. dev.',
    distinct: 'Values',
    label: 'Label column (optional)',
    labelRequired: 'Label column',
    noLabel: 'No label',
    labelHint: 'A column of classes or categories, used to colour and score the points.',
    policy: 'Missing or non-numeric values in the chosen columns',
    policies: {
      'drop-rows': { title: 'Drop those rows', desc: 'Rows with a missing or non-numeric value in a chosen column are left out.' },
      'fill-mean': { title: 'Fill with the column mean', desc: 'Missing cells get the mean of their column. Non-numeric cells are refused.' },
      'fill-zero': { title: 'Fill with zero', desc: 'Missing cells become 0. Non-numeric cells are refused.' }
    },
    name: 'Dataset name',
    submit: 'Import',
    importing: 'Importing…',
    imported: 'Imported {name}: {n} rows × {d} columns.',
    importFailed: 'The import failed: {message}',
    cleaning: 'Cleaning: {text}',
    errors: {
      noFeatures: 'Choose at least one feature column.',
      needLabel: 'Choose the label column.',
      name: 'Give the dataset a name (1 to {max} characters).',
      textInFeatures: "Column '{name}' has non-numeric cells: choose “Drop those rows” or leave the column out."
    },
    issues: {
      notNumeric: "Column '{name}' is not numeric (examples: {examples}): use it as the label or leave it out.",
      someText:
        "Column '{name}' has {count} non-numeric cell (example: {examples}): leave it out, or drop that row. | Column '{name}' has {count} non-numeric cells (examples: {examples}): leave it out, or drop those rows.",
      missing:
        "Column '{name}' has {count} missing cell (empty, NA, NaN or null): choose what to do with it below. | Column '{name}' has {count} missing cells (empty, NA, NaN or null): choose what to do with them below.",
      empty: "Column '{name}' is empty: leave it out."
    },
    subsampled: 'Statistics from {shown} of {rows} rows (an even sample); the import uses every row.'
  }
}

const ja: typeof en = {
  title: 'データ',
  intro: 'CSV・TSV・NPY・NPZ ファイルを取り込みます。ファイルはワークスペースにコピーされるので、元のファイルを移動しても同じ実行を再現できます。',
  list: {
    title: '取り込んだデータセット',
    empty: 'データセットはまだありません。下から取り込んでください。',
    name: '名前',
    size: '行 × 列',
    label: 'ラベル',
    date: '取り込み日時',
    none: '—',
    shape: '{n} × {d}',
    classes: '{name}（{count} クラス）',
    refresh: '更新',
    loadFailed: '一覧を読み込めませんでした: {message}'
  },
  import: {
    title: 'ファイルを取り込む',
    pick: 'ファイルを選ぶ',
    pickHint: 'CSV・TSV・NPY・NPZ、{size} まで。ここにファイルをドロップすることもできます。',
    drop: 'ここにファイルをドロップ',
    reading: '{name} を読み込み中…',
    tooLarge: '{name} は {size} で、上限 {limit} を超えています。行を間引くか .npy に変換してください。',
    readFailed: 'ファイルを読み込めませんでした: {message}',
    previewFailed: 'ファイルを読み込めませんでした: {message}',
    summary: '{name}: {rows} 行、{cols} 列（{format}）',
    previewTitle: '先頭の行',
    columnsTitle: '列',
    issuesTitle: '確認が必要な点',
    noIssues: '欠損値や数値でない値は見つかりませんでした。',
    column: '列',
    feature: '特徴量',
    numeric: '数値',
    yes: 'はい',
    no: 'いいえ',
    missing: '欠損',
    nonNumeric: '数値以外',
    min: '最小',
    max: '最大',
    mean: '平均',
    std: '標準偏差',
    distinct: '値の種類',
    label: 'ラベル列（任意）',
    labelRequired: 'ラベル列',
    noLabel: 'ラベルなし',
    labelHint: 'クラスやカテゴリの列。点の色分けと評価に使います。',
    policy: '選んだ列の欠損値・数値以外の値の扱い',
    policies: {
      'drop-rows': { title: 'その行を除く', desc: '選んだ列に欠損値や数値以外の値がある行を除きます。' },
      'fill-mean': { title: '列の平均で埋める', desc: '欠損セルを列の平均値で埋めます。数値以外の値はエラーになります。' },
      'fill-zero': { title: '0 で埋める', desc: '欠損セルを 0 にします。数値以外の値はエラーになります。' }
    },
    name: 'データセット名',
    submit: '取り込む',
    importing: '取り込み中…',
    imported: '{name} を取り込みました: {n} 行 × {d} 列。',
    importFailed: '取り込みに失敗しました: {message}',
    cleaning: '前処理: {text}',
    errors: {
      noFeatures: '特徴量の列を 1 つ以上選んでください。',
      needLabel: 'ラベル列を選んでください。',
      name: 'データセット名を入力してください（1〜{max} 文字）。',
      textInFeatures: '列「{name}」に数値以外の値があります。「その行を除く」を選ぶか、その列を外してください。'
    },
    issues: {
      notNumeric: '列「{name}」は数値ではありません（例: {examples}）。ラベルとして使うか、外してください。',
      someText: '列「{name}」に数値以外の値が {count} 個あります（例: {examples}）。列を外すか、その行を除いてください。',
      missing: '列「{name}」に欠損値（空欄・NA・NaN・null）が {count} 個あります。下で扱いを選んでください。',
      empty: '列「{name}」は空です。外してください。'
    },
    subsampled: '統計は {rows} 行のうち {shown} 行（等間隔の標本）から計算しています。取り込みには全行を使います。'
  }
}

export default { en: { data: en }, ja: { data: ja } } satisfies AreaMessages
