// Settings screen strings (language, backend, workspace, default solver, diagnostics), English and Japanese.
import type { AreaMessages } from '../messages'

export default {
  en: {
    settings: {
      title: 'Settings',
      intro: 'Your choices are kept for the next time you open Nagare.',
      language: 'Language',
      languages: { auto: 'Automatic (system language)', en: 'English', ja: '日本語' },
      backend: 'Compute backend',
      backendHint: '“Automatic” uses native TensorFlow when it is installed, then WebAssembly, then plain JavaScript.',
      backends: { auto: 'Automatic', tensorflow: 'Native TensorFlow', wasm: 'WebAssembly', cpu: 'Plain JavaScript (slowest)' },
      workspace: 'Workspace folder',
      workspaceHint: 'Runs, analyses and imported data are kept here. Leave empty for the default folder.',
      workspaceBrowser: 'In browser mode the workspace is chosen when the server starts (--workspace); it is shown here for reference.',
      workspaceCurrent: 'In use now: {path}',
      solver: 'Default solver',
      solverHint: 'The solver new experiments start with.',
      threads: 'Compute threads',
      threadsHint: '0 is automatic: all processor cores but one, which stays free for the interface. Used from the next run on, and recorded in every run.',
      save: 'Save',
      saved: 'Saved.',
      saveFailed: 'The settings could not be saved: {message}',
      loadFailed: 'The saved settings could not be loaded: {message}',
      pendingRestart: 'Restart Nagare to use the new {names}.',
      fields: { language: 'language', backend: 'compute backend', workspace: 'workspace folder', defaultSolver: 'default solver', threads: 'compute threads' },
      diagnostics: 'Diagnostics',
      diagnosticsHint: 'Versions, backend and the last errors (no data values), to paste into a support request.',
      copyDiagnostics: 'Copy diagnostics',
      copied: 'Diagnostics copied to the clipboard.',
      copyManually: 'The clipboard is not available here. Select the text below and copy it.',
      diagnosticsText: 'Diagnostics text',
      diagnosticsFailed: 'The diagnostics could not be gathered: {message}'
    }
  },
  ja: {
    settings: {
      title: '設定',
      intro: '選んだ内容は次回 Nagare を開いたときにも使われます。',
      language: '言語',
      languages: { auto: '自動 (システムの言語)', en: 'English', ja: '日本語' },
      backend: '計算バックエンド',
      backendHint: '「自動」は、ネイティブ TensorFlow があればそれを、なければ WebAssembly、次に JavaScript を使います。',
      backends: { auto: '自動', tensorflow: 'ネイティブ TensorFlow', wasm: 'WebAssembly', cpu: 'JavaScript (最も遅い)' },
      workspace: 'ワークスペースのフォルダ',
      workspaceHint: '実行結果・解析・取り込んだデータの保存先です。空欄なら既定のフォルダを使います。',
      workspaceBrowser: 'ブラウザモードでは、ワークスペースはサーバー起動時 (--workspace) に決まります。ここでは参考として表示しています。',
      workspaceCurrent: '現在使用中: {path}',
      solver: '既定のソルバー',
      solverHint: '新しい実験で最初に選ばれるソルバーです。',
      threads: '計算スレッド数',
      threadsHint: '0 は自動です: プロセッサのコアのうち 1 つを画面の操作用に残し、残りをすべて使います。次の実行から使われ、各実行に記録されます。',
      save: '保存',
      saved: '保存しました。',
      saveFailed: '設定を保存できませんでした: {message}',
      loadFailed: '保存された設定を読み込めませんでした: {message}',
      pendingRestart: '新しい{names}を使うには Nagare を再起動してください。',
      fields: {
        language: '言語',
        backend: '計算バックエンド',
        workspace: 'ワークスペースのフォルダ',
        defaultSolver: '既定のソルバー',
        threads: '計算スレッド数'
      },
      diagnostics: '診断情報',
      diagnosticsHint: 'バージョン、バックエンド、直近のエラー (データの値は含みません) をサポート依頼に貼り付けられます。',
      copyDiagnostics: '診断情報をコピー',
      copied: '診断情報をクリップボードにコピーしました。',
      copyManually: 'ここではクリップボードを使えません。下のテキストを選択してコピーしてください。',
      diagnosticsText: '診断情報のテキスト',
      diagnosticsFailed: '診断情報を取得できませんでした: {message}'
    }
  }
} satisfies AreaMessages
