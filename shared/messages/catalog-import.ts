// Messages of data import, datasets, model and activation-dump import, layer analysis (electron/engine/datasets/import, datasets, layers, analyses, handlers/data.ts and handlers/layers.ts), in English and Japanese.
// Keys start with "import.". English is what the engine writes (logs, CLI, run.json); the UI shows either.
import type { Catalog } from './catalog'

export const IMPORT_MESSAGES = {
  // ---- shared by several readers
  'import.fileEmpty': { en: '{file} is empty', ja: '{file} は空です' },
  'import.notAFile': { en: '{path} is not a file', ja: '{path} はファイルではありません' },
  'import.cannotRead': { en: 'cannot read {path}: {detail}', ja: '{path} を読み込めません: {detail}' },
  'import.notValidJson': { en: '{file}: not valid JSON ({detail})', ja: '{file}: 正しい JSON ではありません（{detail}）' },
  'import.tooFewPoints': { en: 'need at least 3 points, got {count}', ja: '点が少なくとも 3 個必要ですが、{count} 個しかありません' },
  'import.labelsCountMismatch': { en: '{count} labels, but the layers hold {n} points', ja: 'ラベルは {count} 個ですが、層には {n} 個の点があります' },
  'import.labelsFileCountMismatch': {
    en: '{file}: {count} labels, but the layers hold {n} points',
    ja: '{file}: ラベルは {count} 個ですが、層には {n} 個の点があります'
  },
  'import.dimensionsMismatch': {
    en: "mismatched dimensions: the data has {d} features per point, the model's input takes {width} (shape [{shape}])",
    ja: '次元が合いません: データは 1 点あたり {d} 個の特徴量ですが、モデルの入力は {width} 個です（形状 [{shape}]）'
  },

  // ---- CSV / TSV
  'import.binaryFile': {
    en: 'the file looks binary, not CSV/TSV text (it contains NUL bytes); NumPy files must end in .npy or .npz',
    ja: 'ファイルが CSV/TSV のテキストではなくバイナリのようです（NUL バイトを含みます）。NumPy のファイルは拡張子を .npy または .npz にしてください'
  },
  'import.lineTooManyFields': {
    en: 'line {line} has {count} fields, but the file has {width} columns',
    ja: '{line} 行目にはフィールドが {count} 個ありますが、ファイルの列数は {width} です'
  },
  'import.quoteNotClosed': {
    en: 'line {line}: a quoted field is never closed ({detail})',
    ja: '{line} 行目: 引用符で囲まれたフィールドが閉じられていません（{detail}）'
  },
  'import.quoteMisplaced': { en: 'line {line}: a quote is misplaced ({detail})', ja: '{line} 行目: 引用符の位置が正しくありません（{detail}）' },
  'import.lineFailed': { en: 'line {line}: {detail}', ja: '{line} 行目: {detail}' },
  'import.fileNoRows': { en: 'the file is empty: no rows to read', ja: 'ファイルが空です: 読み込める行がありません' },

  // ---- upload size and table limits
  'import.fileTooLarge': {
    en: '{file} is larger than the {limit} limit for one import ({bytes} bytes): keep a sample of the rows or convert it to .npy',
    ja: '{file} は 1 回の取り込みの上限 {limit} を超えています（{bytes} バイト）。行の一部だけを残すか、.npy に変換してください'
  },
  'import.tooManyColumns': {
    en: 'the file has {count} columns; at most {max} can be imported',
    ja: 'ファイルには {count} 列あります。取り込めるのは最大 {max} 列です'
  },
  'import.tooManyRows': {
    en: 'the file has more than {max} rows, the most one import reads: split it or keep a sample',
    ja: 'ファイルの行数が 1 回の取り込みで読める上限 {max} 行を超えています。分割するか、一部の行だけを残してください'
  },
  'import.noDataRows': { en: 'the file has no data rows', ja: 'ファイルにデータ行がありません' },
  'import.uploadExpired': {
    en: 'this upload has expired or was already imported: choose the file again',
    ja: 'このアップロードは期限切れか、すでに取り込まれています。ファイルをもう一度選んでください'
  },

  // ---- NPY / NPZ uploads
  'import.npyNotNpy': {
    en: '{label}: not an NPY file (it does not start with the NumPy signature)',
    ja: '{label}: NPY ファイルではありません（NumPy のシグネチャで始まっていません）'
  },
  'import.npyVersion': { en: '{label}: unsupported NPY version {version}', ja: '{label}: 対応していない NPY のバージョン {version} です' },
  'import.npyTruncatedHeader': { en: '{label}: truncated header', ja: '{label}: ヘッダーが途中で切れています' },
  'import.npyBadHeader': {
    en: '{label}: unsupported or malformed header {header} (expected a plain numeric array)',
    ja: '{label}: ヘッダー {header} が対応外か壊れています（単純な数値配列が必要です）'
  },
  'import.npyDtype': {
    en: "{label}: unsupported dtype '{dtype}' (expected float, int, unsigned or bool numbers)",
    ja: "{label}: 対応していないデータ型 '{dtype}' です（float、int、unsigned、bool の数値が必要です）"
  },
  'import.npyBadShape': { en: '{label}: bad shape ({shape})', ja: '{label}: 形状が不正です（{shape}）' },
  'import.npyRank': {
    en: '{label}: expected a 1-D [n] or 2-D [n, d] array, got shape [{shape}]',
    ja: '{label}: 1 次元 [n] か 2 次元 [n, d] の配列が必要ですが、形状は [{shape}] です'
  },
  'import.npyTruncated': {
    en: '{label}: truncated: shape [{shape}] needs {expected} bytes, the file has {actual}',
    ja: '{label}: データが途中で切れています。形状 [{shape}] には {expected} バイト必要ですが、ファイルは {actual} バイトです'
  },
  'import.npyTrailing': { en: '{label}: {count} unexpected bytes after the data', ja: '{label}: データの後ろに余分なバイトが {count} バイトあります' },
  'import.npzNoArrays': { en: '{label}: the archive holds no .npy arrays', ja: '{label}: アーカイブに .npy 配列が含まれていません' },
  'import.npzTooManyArrays': {
    en: '{label}: the archive holds {count} arrays ({names}); expected one (features) or two (features and labels)',
    ja: '{label}: アーカイブに {count} 個の配列（{names}）があります。配列は 1 個（特徴量）か 2 個（特徴量とラベル）にしてください'
  },
  'import.npzCannotTell': {
    en: "{label}: cannot tell features from labels: '{name}' has shape [{shape}]; name the label array 'y' or 'labels' (one value per row)",
    ja: "{label}: 特徴量とラベルを区別できません。'{name}' の形状は [{shape}] です。ラベルの配列は 'y' か 'labels' という名前にしてください（1 行に 1 値）"
  },
  'import.npzRowsMismatch': {
    en: "{label}: '{features}' has {rows} rows but '{labels}' has {count} labels",
    ja: "{label}: '{features}' は {rows} 行ですが、'{labels}' のラベルは {count} 個です"
  },

  // ---- preview: examples, issues and the subsample notice
  'import.examplesOne': { en: '1 example: {list}', ja: '例 1 件: {list}' },
  'import.examplesMany': { en: '{count} examples: {list}', ja: '例 {count} 件: {list}' },
  'import.issueNotNumeric': {
    en: "column '{name}' is not numeric ({examples}): use it as the label or leave it out",
    ja: "列 '{name}' は数値ではありません（{examples}）。ラベルとして使うか、取り込みから外してください"
  },
  'import.issueNonNumericOne': {
    en: 'column \'{name}\' has 1 non-numeric cell ({examples}): leave the column out, or import with "drop rows" to skip those rows',
    ja: "列 '{name}' に数値でないセルが 1 個あります（{examples}）。この列を外すか、「行を削除」で取り込んでその行を飛ばしてください"
  },
  'import.issueNonNumericMany': {
    en: 'column \'{name}\' has {count} non-numeric cells ({examples}): leave the column out, or import with "drop rows" to skip those rows',
    ja: "列 '{name}' に数値でないセルが {count} 個あります（{examples}）。この列を外すか、「行を削除」で取り込んでその行を飛ばしてください"
  },
  'import.issueMissingOne': {
    en: "column '{name}' has 1 missing cell (empty, NA, NaN or null): choose drop rows, fill with the column mean, or fill with zero",
    ja: "列 '{name}' に欠損セルが 1 個あります（空、NA、NaN、null）。行の削除、列の平均での補完、0 での補完のいずれかを選んでください"
  },
  'import.issueMissingMany': {
    en: "column '{name}' has {count} missing cells (empty, NA, NaN or null): choose drop rows, fill with the column mean, or fill with zero",
    ja: "列 '{name}' に欠損セルが {count} 個あります（空、NA、NaN、null）。行の削除、列の平均での補完、0 での補完のいずれかを選んでください"
  },
  'import.issueColumnEmpty': { en: "column '{name}' is empty: leave it out", ja: "列 '{name}' は空です。取り込みから外してください" },
  'import.issueShortRowOne': {
    en: '1 row has fewer fields than the header; the absent cells count as missing',
    ja: 'ヘッダーよりフィールドが少ない行が 1 行あります。足りないセルは欠損として扱います'
  },
  'import.issueShortRowsMany': {
    en: '{count} rows have fewer fields than the header; the absent cells count as missing',
    ja: 'ヘッダーよりフィールドが少ない行が {count} 行あります。足りないセルは欠損として扱います'
  },
  'import.issueNoNumericColumn': {
    en: 'no column is entirely numeric, so there is nothing to use as features yet: fix the file or import with "drop rows"',
    ja: 'すべてが数値の列がないため、まだ特徴量に使える列がありません。ファイルを直すか、「行を削除」で取り込んでください'
  },
  'import.subsampleNotice': {
    en: 'statistics from {sampled} of {rows} rows (an even sample); the import uses every row',
    ja: '統計量は {rows} 行のうち {sampled} 行（均等な抜き取り）から計算しています。取り込みにはすべての行を使います'
  },

  // ---- applying the column mapping
  'import.featureColumnMissing': {
    en: 'feature column {column} does not exist (the file has {count} columns)',
    ja: '特徴量の列 {column} はありません（ファイルの列数は {count} です）'
  },
  'import.labelColumnMissing': {
    en: 'label column {column} does not exist (the file has {count} columns)',
    ja: 'ラベルの列 {column} はありません（ファイルの列数は {count} です）'
  },
  'import.columnChosenTwice': { en: "column '{name}' is chosen twice", ja: "列 '{name}' が 2 回選ばれています" },
  'import.columnFeatureAndLabel': { en: "column '{name}' cannot be both a feature and the label", ja: "列 '{name}' を特徴量とラベルの両方には使えません" },
  'import.tooManyClasses': {
    en: "column '{name}' has more than {max} distinct values: too many for a label (is it a measurement?)",
    ja: "列 '{name}' には異なる値が {max} 個より多くあり、ラベルとしては多すぎます（測定値の列ではありませんか？）"
  },
  'import.cellNotNumber': {
    en: 'column \'{name}\', row {row}: {value} is not a number; leave the column out, or import with "drop rows" to skip such rows',
    ja: "列 '{name}'、{row} 行目: {value} は数値ではありません。この列を外すか、「行を削除」で取り込んでそのような行を飛ばしてください"
  },
  'import.columnNoNumbers': { en: "column '{name}' has no numbers: leave it out", ja: "列 '{name}' には数値がありません。取り込みから外してください" },
  'import.labelMissingAtRow': {
    en: 'the label column \'{name}\' is missing at row {row}: a label cannot be filled in; import with "drop rows" or fix the file',
    ja: "ラベルの列 '{name}' が {row} 行目で欠損しています。ラベルは補完できません。「行を削除」で取り込むか、ファイルを直してください"
  },
  'import.noRowsLeft': {
    en: 'no rows are left after dropping the rows with missing or non-numeric values',
    ja: '欠損値または数値でない値を含む行を削除すると、行が 1 行も残りません'
  },
  'import.droppedRowOne': {
    en: 'dropped 1 row with missing or non-numeric values ({kept} of {total} kept)',
    ja: '欠損値または数値でない値を含む行を 1 行削除しました（{total} 行中 {kept} 行を残しました）'
  },
  'import.droppedRowsMany': {
    en: 'dropped {count} rows with missing or non-numeric values ({kept} of {total} kept)',
    ja: '欠損値または数値でない値を含む行を {count} 行削除しました（{total} 行中 {kept} 行を残しました）'
  },
  'import.filledOneMean': { en: 'filled 1 missing cell with the column mean', ja: '欠損セル 1 個を列の平均で補完しました' },
  'import.filledManyMean': { en: 'filled {count} missing cells with the column mean', ja: '欠損セル {count} 個を列の平均で補完しました' },
  'import.filledOneZero': { en: 'filled 1 missing cell with zero', ja: '欠損セル 1 個を 0 で補完しました' },
  'import.filledManyZero': { en: 'filled {count} missing cells with zero', ja: '欠損セル {count} 個を 0 で補完しました' },

  // ---- imported datasets in the workspace
  'import.datasetJsonInvalid': { en: 'dataset.json is not valid: {issues}', ja: 'dataset.json が正しくありません: {issues}' },
  'import.datasetJsonId': { en: 'dataset.json names id {id}, the folder is {folder}', ja: 'dataset.json の id は {id} ですが、フォルダーは {folder} です' },
  'import.datasetSkipped': { en: 'dataset {id} skipped: {detail}', ja: 'データセット {id} を読み飛ばしました: {detail}' },
  'import.datasetBadId': { en: 'not a dataset id: {id}', ja: 'データセットの id ではありません: {id}' },
  'import.datasetNotFound': { en: 'no dataset {id} in this workspace', ja: 'このワークスペースにデータセット {id} はありません' },
  'import.datasetUnreadable': { en: 'dataset {id} cannot be read: {detail}', ja: 'データセット {id} を読み込めません: {detail}' },
  'import.datasetDataShape': {
    en: 'data.npy has shape [{shape}], dataset.json says [{n}, {d}]',
    ja: 'data.npy の形状は [{shape}] ですが、dataset.json では [{n}, {d}] です'
  },
  'import.datasetLabelsShape': { en: 'labels.npy has shape [{shape}], expected [{n}]', ja: 'labels.npy の形状は [{shape}] ですが、[{n}] のはずです' },

  // ---- ZIP / NPZ archives
  'import.zipOutOfRange': { en: 'a Zip64 size or offset is out of range', ja: 'Zip64 のサイズまたはオフセットが範囲外です' },
  'import.zipBrokenZip64': { en: '{label}: broken Zip64 end record', ja: '{label}: Zip64 の終端レコードが壊れています' },
  'import.zipNoEnd': {
    en: '{label}: not a ZIP/NPZ archive or truncated (no end-of-directory record)',
    ja: '{label}: ZIP/NPZ アーカイブではないか、途中で切れています（セントラルディレクトリの終端レコードがありません）'
  },
  'import.zipCorruptDirectory': {
    en: '{label}: corrupt central directory (entry {entry})',
    ja: '{label}: セントラルディレクトリが壊れています（エントリ {entry}）'
  },
  'import.zipCorruptExtra': {
    en: '{label}: corrupt extra field in the central directory (entry {entry})',
    ja: '{label}: セントラルディレクトリの拡張フィールドが壊れています（エントリ {entry}）'
  },
  'import.zipZip64Short': { en: '{label}: Zip64 extra field too short (entry {entry})', ja: '{label}: Zip64 の拡張フィールドが短すぎます（エントリ {entry}）' },
  'import.zipEncrypted': { en: '{label}: member {name} is encrypted', ja: '{label}: メンバー {name} は暗号化されています' },
  'import.zipMethod': {
    en: '{label}: member {name} uses compression method {method} (only stored and deflated are read)',
    ja: '{label}: メンバー {name} は圧縮方式 {method} を使っています（読めるのは無圧縮と deflate のみです）'
  },
  'import.zipMemberTooLarge': {
    en: '{label}: member {name} is {size} bytes uncompressed, over the {max}-byte limit',
    ja: '{label}: メンバー {name} は展開後 {size} バイトで、上限の {max} バイトを超えています'
  },
  'import.zipBadLocalHeader': {
    en: '{label}: member {name}: bad local header (truncated archive?)',
    ja: '{label}: メンバー {name}: ローカルヘッダーが不正です（アーカイブが途中で切れていませんか？）'
  },
  'import.zipMemberTruncated': { en: '{label}: member {name} is truncated', ja: '{label}: メンバー {name} が途中で切れています' },
  'import.zipInflate': { en: '{label}: member {name} does not inflate: {detail}', ja: '{label}: メンバー {name} を展開できません: {detail}' },
  'import.zipSizeMismatch': {
    en: '{label}: member {name} has {actual} bytes, the directory says {size}',
    ja: '{label}: メンバー {name} は {actual} バイトですが、ディレクトリには {size} バイトと記録されています'
  },
  'import.zipCrc': {
    en: '{label}: member {name} fails its CRC-32 check (corrupt archive)',
    ja: '{label}: メンバー {name} の CRC-32 検査に失敗しました（アーカイブが壊れています）'
  },

  // ---- activation dumps
  'import.manifestPlainName': { en: 'a plain file or member name, no folders', ja: 'フォルダーを含まない、ファイル名またはメンバー名のみを指定してください' },
  'import.manifestPlainNameAt': {
    en: '{field}: a plain file or member name, no folders',
    ja: '{field}: フォルダーを含まない、ファイル名またはメンバー名のみを指定してください'
  },
  'import.manifestInvalid': {
    en: '{path}: {issues} (expected "layers": a list of the layer files in order)',
    ja: '{path}: {issues}（"layers" に層のファイルを順番に並べたリストが必要です）'
  },
  'import.layerScalar': { en: '{name}: a scalar, expected an array of shape [N, width]', ja: '{name}: スカラーです。形状 [N, width] の配列が必要です' },
  'import.layerEmptyArray': { en: '{name}: the array is empty (shape [{shape}])', ja: '{name}: 配列が空です（形状 [{shape}]）' },
  'import.layerNonFinite': {
    en: '{name}: row {row} has a non-finite value ({value}); remove or fix the row',
    ja: '{name}: {row} 行目に有限でない値（{value}）があります。その行を削除するか直してください'
  },
  'import.layerFileTooLarge': {
    en: '{path} is {size} bytes, over the {max}-byte limit per file',
    ja: '{path} は {size} バイトで、1 ファイルあたりの上限 {max} バイトを超えています'
  },
  'import.dumpNpzNoArrays': { en: '{path}: the archive holds no arrays', ja: '{path}: アーカイブに配列が含まれていません' },
  'import.dumpNpzOneArray': {
    en: '{path}: a per-layer .npz must hold one array, it holds {count} ({names})',
    ja: '{path}: 層ごとの .npz には配列を 1 個だけ入れてください。{count} 個（{names}）入っています'
  },
  'import.dumpsTooFewLayers': {
    en: 'need at least 2 layers (the input and one more), found {count}',
    ja: '層が少なくとも 2 個（入力ともう 1 個）必要ですが、{count} 個しか見つかりません'
  },
  'import.dumpsTooManyLayers': { en: '{count} layers, over the limit of {max}', ja: '層が {count} 個あり、上限の {max} 個を超えています' },
  'import.dumpsFolderTooManyLayers': {
    en: '{path}: {count} layers, over the limit of {max}',
    ja: '{path}: 層が {count} 個あり、上限の {max} 個を超えています'
  },
  'import.dumpsRowsMismatch': {
    en: '{source}: {rows} rows, but {first} (the first layer) has {n}: every layer must hold the same points in the same order',
    ja: '{source}: {rows} 行ですが、{first}（最初の層）は {n} 行です。すべての層に同じ点を同じ順序で入れてください'
  },
  'import.dumpsNotFolderOrNpz': {
    en: '{path}: expected a folder of layer files or one .npz holding every layer',
    ja: '{path}: 層のファイルを入れたフォルダーか、すべての層を含む .npz 1 個が必要です'
  },
  'import.manifestNotMember': {
    en: '{manifest}: {member} is not a member of {file} (members: {members})',
    ja: '{manifest}: {member} は {file} のメンバーではありません（メンバー: {members}）'
  },
  'import.manifestListsMissing': {
    en: '{manifest} lists {file}, which is not in {folder}',
    ja: '{manifest} に {file} が挙げられていますが、{folder} にはありません'
  },
  'import.theUpload': { en: '(the upload)', ja: '（アップロードしたファイル）' },

  // ---- class labels
  'import.labelEmptyOnLine': { en: '{path}: an empty label on line "{line}"', ja: '{path}: 行 "{line}" のラベルが空です' },
  'import.noLabels': { en: '{path}: no labels', ja: '{path}: ラベルがありません' },
  'import.labelsTruncated': {
    en: '{path}: truncated or padded: shape [{shape}] of {dtype} needs {need} bytes, the file has {have}',
    ja: '{path}: 途中で切れているか余分なデータがあります。{dtype} の形状 [{shape}] には {need} バイト必要ですが、ファイルは {have} バイトです'
  },
  'import.labelsCannotRead': { en: 'cannot read labels {path}: {detail}', ja: 'ラベル {path} を読み込めません: {detail}' },
  'import.labelsTooLarge': {
    en: '{path} is {size} bytes, over the {max}-byte limit for labels',
    ja: '{path} は {size} バイトで、ラベルの上限 {max} バイトを超えています'
  },
  'import.labelsShape': {
    en: '{path}: labels must have shape [N] or [N, 1], got [{shape}]',
    ja: '{path}: ラベルの形状は [N] か [N, 1] にしてください。形状は [{shape}] です'
  },
  'import.labelNotFinite': { en: '{path}: label {index} is {value}', ja: '{path}: {index} 番目のラベルが {value} です' },

  // ---- TF.js Layers model files
  'import.modelFileTooLarge': {
    en: '{name} is {size} bytes, over the {max}-byte limit per model file',
    ja: '{name} は {size} バイトで、モデルファイル 1 個あたりの上限 {max} バイトを超えています'
  },
  'import.weightNoName': { en: '{where}: a weight entry without a name', ja: '{where}: 名前のない重みのエントリがあります' },
  'import.weightNoShape': { en: '{where}: weight {name} has no valid shape', ja: '{where}: 重み {name} に正しい形状がありません' },
  'import.weightDtype': {
    en: '{where}: weight {name} has dtype {dtype}, expected float32, int32 or bool',
    ja: '{where}: 重み {name} のデータ型は {dtype} です。float32、int32、bool のいずれかが必要です'
  },
  'import.weightQuantization': { en: '{where}: weight {name} has an unsupported quantization', ja: '{where}: 重み {name} の量子化方式には対応していません' },
  'import.noModelJson': {
    en: 'no model.json among the files: a TF.js Layers model is a model.json plus its weight files',
    ja: 'ファイルの中に model.json がありません。TF.js Layers モデルは model.json とその重みファイルで構成されます'
  },
  'import.severalJson': {
    en: 'several .json files ({names}) and none is named model.json',
    ja: '.json ファイルが複数（{names}）あり、model.json という名前のものがありません'
  },
  'import.notModelObject': {
    en: '{name}: not a model description (expected a JSON object)',
    ja: '{name}: モデルの記述ではありません（JSON オブジェクトが必要です）'
  },
  'import.graphModel': {
    en: '{name} is a TF.js graph model (converted from a SavedModel or frozen graph); only Layers models (tf.LayersModel, Keras) can be analysed layer by layer: convert with --output_format=tfjs_layers_model',
    ja: '{name} は TF.js のグラフモデル（SavedModel またはフリーズしたグラフから変換したもの）です。層ごとに解析できるのは Layers モデル（tf.LayersModel、Keras）だけです。--output_format=tfjs_layers_model で変換してください'
  },
  'import.noTopology': {
    en: '{name}: no modelTopology; not a TF.js Layers model',
    ja: '{name}: modelTopology がありません。TF.js Layers モデルではありません'
  },
  'import.noClassName': {
    en: '{name}: modelTopology has no class_name/config; not a TF.js Layers model',
    ja: '{name}: modelTopology に class_name/config がありません。TF.js Layers モデルではありません'
  },
  'import.noWeightsManifest': {
    en: '{name}: no weightsManifest; a Layers model lists its weight files there',
    ja: '{name}: weightsManifest がありません。Layers モデルは重みファイルをそこに列挙します'
  },
  'import.manifestGroupShape': { en: '{where}: expected {paths, weights}', ja: '{where}: {paths, weights} の形が必要です' },
  'import.manifestPathNotName': { en: '{where}: a path that is not a file name', ja: '{where}: ファイル名ではないパスがあります' },
  'import.missingShard': {
    en: 'missing weight file {path} (listed in {model}); give every weight shard with the model',
    ja: '重みファイル {path} がありません（{model} に記載）。モデルと一緒にすべての重みファイルを指定してください'
  },
  'import.weightsBytesMismatch': {
    en: 'weights do not match the topology: {paths} hold {have} bytes, but the {count} weights listed for them ({list}) need {need}',
    ja: '重みがモデル構成と合いません: {paths} は {have} バイトですが、そこに記載された {count} 個の重み（{list}）には {need} バイト必要です'
  },

  // ---- loading and running a TF.js model
  'import.unsupportedLayer': {
    en: 'unsupported layer in the model: {detail} (only TF.js built-in Layers can be loaded; custom layers are not supported)',
    ja: 'モデルに対応していない層があります: {detail}（読み込めるのは TF.js 組み込みの層だけで、カスタム層には対応していません）'
  },
  'import.weightsTopology': { en: 'weights do not match the topology: {detail}', ja: '重みがモデル構成と合いません: {detail}' },
  'import.cannotLoadModel': { en: 'cannot load the model: {detail}', ja: 'モデルを読み込めません: {detail}' },
  'import.modelMultiInput': {
    en: 'the model has {count} inputs; only single-input models can be run on one dataset',
    ja: 'モデルの入力が {count} 個あります。1 つのデータセットで実行できるのは入力が 1 個のモデルだけです'
  },
  'import.modelInputUnknown': {
    en: "the model's input shape [{shape}] has unknown sizes past the batch axis",
    ja: 'モデルの入力形状 [{shape}] に、バッチ軸以外で大きさが不明な軸があります'
  },
  'import.layerMultiOutput': {
    en: 'layer {name} has {count} outputs; only single-output layers can be recorded',
    ja: '層 {name} の出力が {count} 個あります。記録できるのは出力が 1 個の層だけです'
  },
  'import.layerShared': {
    en: 'layer {name} is applied {count} times (shared layer); its output is ambiguous',
    ja: '層 {name} は {count} 回使われています（共有層）。出力が一意に決まりません'
  },
  'import.modelNoLayers': { en: 'the model has no layers past its input', ja: 'モデルに入力より後の層がありません' },
  'import.valuesNotRows': { en: '{count} values are not {n} rows of {d}', ja: '{count} 個の値は {d} 列 × {n} 行になりません' },
  'import.recordTooLargeLayers': {
    en: 'recording {n} points through layers of {total} features in all would hold {values} values, over the limit of {max}; use at most {most} points',
    ja: '{n} 点を合計 {total} 特徴量の層に通して記録すると値が {values} 個になり、上限の {max} を超えます。点は最大 {most} 個にしてください'
  },
  'import.recordTooLarge': {
    en: 'recording {n} points through every layer would hold {values} values, over the limit of {max}; use at most {most} points',
    ja: '{n} 点をすべての層に通して記録すると値が {values} 個になり、上限の {max} を超えます。点は最大 {most} 個にしてください'
  },
  'import.modelCannotRun': { en: 'the model cannot be run on the data: {detail}', ja: 'このデータではモデルを実行できません: {detail}' },
  'import.layerOutputNonFinite': {
    en: 'layer {name} outputs a non-finite value ({value}) for point {point}; the model diverges on this data',
    ja: '層 {name} が点 {point} に対して有限でない値（{value}）を出力しました。このデータではモデルが発散します'
  },

  // ---- data for a layer analysis
  'import.unknownBuiltin': { en: 'unknown built-in dataset "{name}" ({names})', ja: '組み込みデータセット "{name}" はありません（{names}）' },
  'import.dataArgFormat': {
    en: '--data {text}: expected builtin:<name> or builtin:<name>:<points> with a name among {names}',
    ja: '--data {text}: builtin:<名前> または builtin:<名前>:<点数> の形で、名前は {names} のいずれかにしてください'
  },
  'import.dataArgFewPoints': { en: '--data {text}: need at least 3 points', ja: '--data {text}: 点が少なくとも 3 個必要です' },
  'import.uploadNotPlainName': { en: '{name} is not a plain file name', ja: '{name} は単純なファイル名ではありません' },
  'import.uploadTwice': { en: '{name} is given twice', ja: '{name} が 2 回指定されています' },
  'import.uploadTooLarge': {
    en: '{name} is {size} bytes, over the {max}-byte upload limit',
    ja: '{name} は {size} バイトで、アップロードの上限 {max} バイトを超えています'
  },
  'import.modelNeedsData': {
    en: 'a TF.js model needs data to run on: choose a built-in dataset or an imported one',
    ja: 'TF.js モデルを実行するにはデータが必要です。組み込みデータセットか取り込んだデータセットを選んでください'
  },
  'import.dumpsDataMismatch': {
    en: 'the data has {n} points, the dumps {m}: they must be the same points in the same order',
    ja: 'データは {n} 点、ダンプは {m} 点です。同じ点を同じ順序で用意してください'
  },

  // ---- progress of a layer analysis
  'import.progressRecording': { en: 'recording layer outputs: {done} of {n} points', ja: '層の出力を記録中: {n} 点中 {done} 点' },
  'import.progressMetrics': { en: 'per-layer metrics', ja: '層ごとの指標を計算中' },
  'import.progressMetricsLayer': { en: 'per-layer metrics: layer {layer} of {count}', ja: '層ごとの指標を計算中: {count} 層中 {layer} 層目' },
  'import.pcaNoDirection': { en: 'subspace iteration: cannot find an orthogonal direction', ja: '部分空間反復: 直交する方向が見つかりません' },
  'import.progressPca': { en: 'PCA projection', ja: 'PCA 射影を計算中' },
  'import.progressSavingAnalysis': { en: 'saving the layer analysis: {file}', ja: '層解析を保存中: {file}' },

  // ---- the layer analysis itself
  'import.analyzeTooFewLayers': {
    en: 'need at least 2 layers (the input and one more), got {count}',
    ja: '層が少なくとも 2 個（入力ともう 1 個）必要ですが、{count} 個しかありません'
  },
  'import.analyzeLayerShape': {
    en: 'layer {name}: {rows} rows of width {width}, expected {n} rows',
    ja: '層 {name}: 幅 {width} の行が {rows} 行ありますが、{n} 行のはずです'
  },
  'import.analyzeK': { en: 'k must be a positive integer, got {k}', ja: 'k は正の整数にしてください（指定値 {k}）' },
  'import.analyzeSeed': { en: 'seed must be an integer, got {seed}', ja: 'seed は整数にしてください（指定値 {seed}）' },
  'import.analyzeLabelsForPoints': { en: '{count} labels for {n} points', ja: '{n} 個の点に対してラベルが {count} 個です' },
  'import.entropyOmitted': {
    en: 'width {width} > 3: kNN entropy estimates are unreliable in high dimension, omitted',
    ja: '幅 {width} > 3: 高次元では kNN によるエントロピー推定が信頼できないため、省略しました'
  },
  'import.samplingPoints': {
    en: 'kNN preservation and CKA use a seeded subsample of {m} of {n} points (neighbours exact within the subsample: a k-d tree for widths <= 3, else brute force)',
    ja: 'kNN 保存率と CKA は {n} 点からシード付きで抜き取った {m} 点で計算しています（抜き取った点の中での近傍は厳密: 幅 3 以下は k-d 木、それ以外は総当たり）'
  },
  'import.samplingPairsAll': {
    en: 'distance correlation and merging use {pairs} (all) point pairs',
    ja: '距離相関と併合率は {pairs} 個（すべて）の点のペアで計算しています'
  },
  'import.samplingPairsSeeded': {
    en: 'distance correlation and merging use {pairs} seeded point pairs',
    ja: '距離相関と併合率はシード付きで選んだ {pairs} 個の点のペアで計算しています'
  },
  'import.samplingCloudSubsample': {
    en: 'entropy and sliced W2 use a seeded subsample of {count} points',
    ja: 'エントロピーとスライス W2 はシード付きで抜き取った {count} 点で計算しています'
  },
  'import.samplingCloudAll': { en: 'entropy and sliced W2 use all points', ja: 'エントロピーとスライス W2 はすべての点で計算しています' },
  'import.samplingUpdates': { en: 'update sizes use all points', ja: '更新量はすべての点で計算しています' },

  // ---- flags on a layer report
  'import.flagMerging': {
    en: 'layer {layer} merges {fraction} of point pairs that were distinct at the input (threshold {threshold})',
    ja: '層 {layer} は入力で異なっていた点のペアの {fraction} を併合しています（しきい値 {threshold}）'
  },
  'import.flagMergingNamed': {
    en: 'layer {layer} ({name}) merges {fraction} of point pairs that were distinct at the input (threshold {threshold})',
    ja: '層 {layer}（{name}）は入力で異なっていた点のペアの {fraction} を併合しています（しきい値 {threshold}）'
  },
  'import.flagMergingRemedy': {
    en: 'a flow cannot merge points: merging loses information for good. Regularize the kinetic energy, use an invertible (residual) block, or widen the layer',
    ja: '流れは点を併合できません。併合すると情報が失われ、元に戻りません。運動エネルギーを正則化するか、可逆な（残差）ブロックを使うか、層の幅を広げてください'
  },
  'import.flagMotion': {
    en: 'layer {layer} moves the data {ratio}x more than its neighbours in the residual stretch (threshold {threshold}x the median update)',
    ja: '層 {layer} は残差区間内の他の層の {ratio} 倍データを動かしています（しきい値は更新量の中央値の {threshold} 倍）'
  },
  'import.flagMotionNamed': {
    en: 'layer {layer} ({name}) moves the data {ratio}x more than its neighbours in the residual stretch (threshold {threshold}x the median update)',
    ja: '層 {layer}（{name}）は残差区間内の他の層の {ratio} 倍データを動かしています（しきい値は更新量の中央値の {threshold} 倍）'
  },
  'import.flagMotionRemedy': {
    en: 'one block does the work of several: use a smaller step or more layers, or regularize the kinetic energy so the motion spreads over depth',
    ja: '1 つのブロックが複数ブロック分の仕事をしています。ステップ幅を小さくするか層を増やすか、運動エネルギーを正則化して動きを深さ方向に分散させてください'
  },
  'import.flagNeighbours': {
    en: "layer {layer} keeps only {kept} of each point's {k} nearest neighbours (threshold {threshold})",
    ja: '層 {layer} は各点の最近傍 {k} 個のうち {kept} しか保っていません（しきい値 {threshold}）'
  },
  'import.flagNeighboursNamed': {
    en: "layer {layer} ({name}) keeps only {kept} of each point's {k} nearest neighbours (threshold {threshold})",
    ja: '層 {layer}（{name}）は各点の最近傍 {k} 個のうち {kept} しか保っていません（しきい値 {threshold}）'
  },
  'import.flagNeighboursRemedy': {
    en: 'the layer scrambles neighbourhoods: widen the layer, or regularize it towards a smooth (small-step) map',
    ja: 'この層は近傍関係をかき乱しています。層の幅を広げるか、滑らかな（小さなステップの）写像に近づくよう正則化してください'
  },

  // ---- saved layer analyses
  'import.outNotFolder': { en: '--out {path} exists and is not a folder', ja: '--out {path} は既に存在し、フォルダーではありません' },
  'import.outNotEmpty': {
    en: '--out {path} exists and is not empty; choose a new folder',
    ja: '--out {path} は既に存在し、空ではありません。新しいフォルダーを選んでください'
  },
  'import.analysisFolderExists': { en: '{dir} exists and is not an empty folder', ja: '{dir} は既に存在し、空のフォルダーではありません' },
  'import.analysisJsonMissing': { en: 'analysis.json is missing', ja: 'analysis.json がありません' },
  'import.analysisJsonUnreadable': { en: 'analysis.json cannot be read: {detail}', ja: 'analysis.json を読み込めません: {detail}' },
  'import.analysisJsonForeign': {
    en: 'analysis.json does not describe a layer analysis (version 1)',
    ja: 'analysis.json は層解析（バージョン 1）の記述ではありません'
  },
  'import.analysisIdJsonMissing': { en: 'analysis {id}: analysis.json is missing', ja: '解析 {id}: analysis.json がありません' },
  'import.analysisIdJsonUnreadable': { en: 'analysis {id}: analysis.json cannot be read: {detail}', ja: '解析 {id}: analysis.json を読み込めません: {detail}' },
  'import.analysisIdJsonForeign': {
    en: 'analysis {id}: analysis.json does not describe a layer analysis (version 1)',
    ja: '解析 {id}: analysis.json は層解析（バージョン 1）の記述ではありません'
  },
  'import.analysesCannotList': { en: 'cannot list {dir}: {detail}', ja: '{dir} の一覧を取得できません: {detail}' },
  'import.analysisBadId': { en: 'not an analysis id: {id}', ja: '解析の id ではありません: {id}' },
  'import.analysisNotFound': { en: 'no layer analysis {id} in this workspace', ja: 'このワークスペースに層解析 {id} はありません' },
  'import.analysisUnreadable': { en: 'analysis {id} cannot be read: {detail}', ja: '解析 {id} を読み込めません: {detail}' },
  'import.analysisProjectionShape': {
    en: 'projection.npy has shape [{shape}], analysis.json says [{expected}]',
    ja: 'projection.npy の形状は [{shape}] ですが、analysis.json では [{expected}] です'
  },
  'import.analysisLabelsCount': { en: 'labels.npy holds {count} values for {n} points', ja: 'labels.npy には {n} 個の点に対して {count} 個の値があります' }
} as const satisfies Catalog
