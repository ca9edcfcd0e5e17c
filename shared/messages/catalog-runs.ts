// Messages of the run store, trash and archive, studies, settings, logs and the engine service's
// request handling, in English and Japanese.
// Keys start with "runs.". English is what the engine writes (logs, CLI, run.json); the UI shows either.
import type { Catalog } from './catalog'

export const RUNS_MESSAGES = {
  // run store
  'runs.invalidRunId': { en: 'not a valid run id: {id}', ja: '実行 ID として正しくありません: {id}' },
  'runs.noRun': { en: 'no run with id {id}', ja: 'ID {id} の実行はありません' },
  'runs.noRunInTrash': { en: 'no run with id {id} in the trash', ja: 'ごみ箱に ID {id} の実行はありません' },
  'runs.runIncomplete': {
    en: 'run {id} is incomplete: it was interrupted while being saved, so it cannot be opened',
    ja: '実行 {id} は不完全です。保存中に中断されたため開けません'
  },
  'runs.runUnreadable': { en: 'run {id} cannot be read: {problem}', ja: '実行 {id} を読み込めません: {problem}' },
  'runs.runFileMissing': { en: 'run {id}: {file} is missing', ja: '実行 {id}: {file} がありません' },
  'runs.runFileUnreadable': { en: 'run {id}: {file} cannot be read: {detail}', ja: '実行 {id}: {file} を読み込めません: {detail}' },
  'runs.trajectoriesDtype': {
    en: 'run {id}: trajectories.npy has dtype {dtype}, expected float32',
    ja: '実行 {id}: trajectories.npy のデータ型が {dtype} です（float32 が必要です）'
  },
  'runs.trajectoriesShape': {
    en: 'run {id}: trajectories.npy has shape [{shape}], run.json says [{expected}]',
    ja: '実行 {id}: trajectories.npy の形状は [{shape}] ですが、run.json では [{expected}] です'
  },
  'runs.labelsShape': {
    en: 'run {id}: labels.npy has dtype {dtype} and shape [{shape}], expected int32 [{count}]',
    ja: '実行 {id}: labels.npy のデータ型は {dtype}、形状は [{shape}] ですが、int32 [{count}] が必要です'
  },
  'runs.trashHolds': {
    en: 'the trash already holds a run with id {id}; restore it first',
    ja: 'ごみ箱にはすでに ID {id} の実行があります。先にそれを元に戻してください'
  },
  'runs.restoreTaken': {
    en: 'a run with id {id} is already in the history; it was left in the trash',
    ja: '履歴にはすでに ID {id} の実行があります。ごみ箱の実行はそのまま残しました'
  },
  'runs.archiveTooLarge': {
    en: 'the run folder is larger than {mib} MiB and cannot be archived in one piece',
    ja: '実行フォルダが {mib} MiB より大きいため、1 つのアーカイブにまとめられません'
  },
  'runs.diskFull': {
    en: 'The disk is full: the run could not be saved; free space and run again. Nothing else was changed.',
    ja: 'ディスクがいっぱいです。実行を保存できませんでした。空き容量を作ってからもう一度実行してください。ほかには何も変更していません。'
  },
  'runs.diskQuota': {
    en: 'The disk quota is used up: the run could not be saved; free space and run again. Nothing else was changed.',
    ja: 'ディスクの割り当て容量を使い切りました。実行を保存できませんでした。空き容量を作ってからもう一度実行してください。ほかには何も変更していません。'
  },
  'runs.diskReadOnly': {
    en: 'The workspace is on a read-only disk: the run could not be saved; choose another workspace folder. Nothing else was changed.',
    ja: 'ワークスペースが読み取り専用のディスクにあります。実行を保存できませんでした。別のワークスペースフォルダを選んでください。ほかには何も変更していません。'
  },
  'runs.diskNoPermission': {
    en: 'Nagare may not write to the workspace folder: the run could not be saved; check its permissions or choose another folder. Nothing else was changed.',
    ja: 'Nagare にはワークスペースフォルダへの書き込み権限がありません。実行を保存できませんでした。権限を確認するか、別のフォルダを選んでください。ほかには何も変更していません。'
  },
  'runs.interrupted': {
    en: 'This run was interrupted while it was being saved (the app or the computer stopped), so it is not complete. Its files were kept in runs/.incomplete.',
    ja: 'この実行は保存中に中断された（アプリまたはコンピューターが停止した）ため、完全ではありません。ファイルは runs/.incomplete に残してあります。'
  },
  'runs.badFilePath': { en: 'not a valid file path inside a run folder: {path}', ja: '実行フォルダ内のファイルパスとして正しくありません: {path}' },
  'runs.labelsNotListed': {
    en: 'labels given but the manifest does not list labels.npy',
    ja: 'ラベルが渡されましたが、マニフェストに labels.npy が記載されていません'
  },
  'runs.manifestMissing': { en: 'run.json is missing', ja: 'run.json がありません' },
  'runs.manifestUnreadable': { en: 'run.json cannot be read ({detail})', ja: 'run.json を読み込めません（{detail}）' },
  'runs.manifestNotJson': { en: 'run.json is not valid JSON: {detail}', ja: 'run.json は正しい JSON ではありません: {detail}' },
  'runs.manifestInvalid': { en: 'run.json does not describe a run: {issues}', ja: 'run.json は実行の記述になっていません: {issues}' },
  'runs.folderNotRunId': {
    en: 'the folder name is not a valid run id (letters, digits, ".", "_" and "-")',
    ja: 'フォルダ名が実行 ID として正しくありません（英字、数字、"."、"_"、"-" が使えます）'
  },

  // NPY files (the messages identical to data-import's own NPY reader use its 'import.npy*' keys)
  'runs.npyMagic': { en: '{label}: not an NPY file (bad magic)', ja: '{label}: NPY ファイルではありません（マジックバイトが不正です）' },
  'runs.npyMalformedHeader': { en: '{label}: malformed header {header}', ja: '{label}: ヘッダーの形式が正しくありません {header}' },
  'runs.npyDtype': {
    en: "{label}: unsupported dtype '{dtype}' (expected {expected})",
    ja: "{label}: 対応していないデータ型 '{dtype}' です（{expected} が必要です）"
  },
  'runs.npyFortran': {
    en: '{label}: Fortran-ordered arrays are not supported (expected C order)',
    ja: '{label}: Fortran 順の配列には対応していません（C 順が必要です）'
  },
  'runs.npyShapeTooLarge': {
    en: '{label}: bad shape ({shape}): a dimension is too large',
    ja: '{label}: 形状が正しくありません（{shape}）。次元が大きすぎます'
  },
  'runs.npyTruncated': {
    en: '{label}: truncated: shape [{shape}] needs {expected} bytes, the file has {size}',
    ja: '{label}: データが途中で切れています。形状 [{shape}] には {expected} バイト必要ですが、ファイルは {size} バイトです'
  },
  'runs.npyTrailing': {
    en: '{label}: {extra} unexpected bytes after the data of shape [{shape}]',
    ja: '{label}: 形状 [{shape}] のデータの後に余分なバイトが {extra} バイトあります'
  },
  'runs.npyTruncatedReading': { en: '{path}: truncated while reading', ja: '{path}: 読み込み中にデータが途切れました' },

  // settings
  'runs.settingsUnreadable': { en: 'it cannot be read ({detail})', ja: '読み込めなかった（{detail}）' },
  'runs.settingsNotJson': { en: 'it is not valid JSON', ja: '正しい JSON ではなかった' },
  'runs.settingsInvalidValues': { en: 'it has invalid values ({paths})', ja: '正しくない値があった（{paths}）' },
  'runs.settingsSetAside': {
    en: 'Your settings file could not be used because {problem}. It was kept as {file}, and the default settings are in use.',
    ja: '設定ファイルは{problem}ため使えませんでした。ファイルは {file} として残し、既定の設定を使っています。'
  },
  'runs.settingsNotSetAside': {
    en: 'Your settings file could not be used because {problem}, and it could not be set aside. The default settings are in use.',
    ja: '設定ファイルは{problem}ため使えず、退避もできませんでした。既定の設定を使っています。'
  },
  'runs.settingsInvalid': { en: 'invalid settings: {issues}', ja: '設定が正しくありません: {issues}' },
  'runs.settingsNotSavedCode': {
    en: 'The settings could not be saved ({code}); the previous settings are kept.',
    ja: '設定を保存できませんでした（{code}）。以前の設定のままです。'
  },
  'runs.settingsNotSaved': {
    en: 'The settings could not be saved; the previous settings are kept.',
    ja: '設定を保存できませんでした。以前の設定のままです。'
  },

  // studies
  'runs.studyInvalidSpec': { en: '{what} is not a valid experiment:\n{errors}', ja: '{what} は正しい実験設定ではありません:\n{errors}' },
  'runs.studyBaseSpec': { en: 'the base spec', ja: '基準の設定' },
  'runs.studyLimitSpec': { en: 'the continuous limit of this study', ja: 'この調査の連続極限' },
  'runs.studyPointSpec': { en: 'the point {parameter} = {value}', ja: '点 {parameter} = {value}' },
  'runs.progressLimit': { en: 'the continuous limit', ja: '連続極限' },
  'runs.progressWriting': { en: 'writing {file}', ja: '{file} を書き込み中' },
  'runs.noteStudySameParticles': {
    en: 'Every point starts from the same {n} particles (seed {seed}) and is compared with the limit particle by particle at depth {depth}.',
    ja: 'どの点も同じ {n} 個の粒子（シード {seed}）から始まり、深さ {depth} で極限と粒子ごとに比較します。'
  },
  'runs.noteStudyEntropy': {
    en: 'End entropies are Kozachenko-Leonenko estimates on the first {n} particles.',
    ja: '終端のエントロピーは、先頭の {n} 個の粒子から求めた Kozachenko-Leonenko 推定値です。'
  },
  'runs.studyLimit': {
    en: '{flow} integrated by dopri5 (rtol {rtol}, atol {atol}) to depth {depth}',
    ja: '{flow} を dopri5（rtol {rtol}、atol {atol}）で深さ {depth} まで積分したもの'
  },
  'runs.sweepKindProblem': { en: 'flow.kind: {problem}', ja: 'flow.kind：{problem}' },
  'runs.sweepValuesProblem': { en: 'sweep.values: {problem}', ja: 'sweep.values：{problem}' },
  'runs.sweepLayersFlow': {
    en: 'a layers study sweeps the composed DAE towards the continuous DAE: choose one of these flows',
    ja: '層数の調査は合成 DAE を連続 DAE に近づけていくものです。これらの流れのどちらかを選んでください'
  },
  'runs.sweepLayersWhole': {
    en: 'numbers of layers must be whole numbers of at least 1',
    ja: '層数は 1 以上の整数にしてください'
  },
  'runs.sweepStepFlow': {
    en: 'a step-size study needs a continuous flow (continuous-dae or empirical-dae)',
    ja: 'ステップ幅の調査には連続的な流れ（continuous-dae または empirical-dae）が必要です'
  },
  'runs.sweepStepsWhole': { en: 'numbers of steps must be whole numbers of at least 1', ja: 'ステップ数は 1 以上の整数にしてください' },
  'runs.sweepStepSizeDepth': { en: 'step sizes must not exceed the depth ({depth})', ja: 'ステップ幅は深さ（{depth}）以下にしてください' },
  'runs.invalidStudyId': { en: 'not a valid study id: {id}', ja: '調査 ID として正しくありません: {id}' },
  'runs.noStudy': { en: 'no study with id {id}', ja: 'ID {id} の調査はありません' },
  'runs.studyUnreadable': { en: 'study {id} cannot be read: {problem}', ja: '調査 {id} を読み込めません: {problem}' },
  'runs.studyMissing': { en: 'study.json is missing', ja: 'study.json がありません' },
  'runs.studyUnreadableFile': { en: 'study.json cannot be read ({detail})', ja: 'study.json を読み込めません（{detail}）' },
  'runs.studyNotJson': { en: 'study.json is not valid JSON', ja: 'study.json は正しい JSON ではありません' },
  'runs.studyNotObject': { en: 'study.json is not a JSON object', ja: 'study.json は JSON オブジェクトではありません' },
  'runs.studyNoName': { en: 'study.json has no name or date', ja: 'study.json に名前または日付がありません' },
  'runs.studyNoPoints': { en: 'study.json has no sweep or points', ja: 'study.json に掃引または点がありません' }
} as const satisfies Catalog
