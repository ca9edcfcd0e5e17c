// Home screen and workbench shell strings (navigation, banners), English and Japanese.
import type { AreaMessages } from '../messages'

export default {
  en: {
    home: {
      title: 'Home',
      intro: 'Choose an experiment template, or open a run you made before.',
      lead: '{tagline}. {intro}',
      templates: 'Experiment templates',
      openRun: { title: 'Open a run', description: 'Browse, search and reopen every run in your workspace.' },
      recent: 'Recent runs',
      noRecent: 'No finished runs yet. Start with a template above.',
      dae: { title: 'DAE transport study', description: 'Push a data distribution through the denoising-autoencoder flows and watch it move through depth.' },
      run: { title: 'Run' }
    },
    shell: {
      nav: 'Screens',
      back: 'Back',
      forward: 'Forward',
      loadingScreen: 'Loading…',
      screenFailed: 'This screen could not be loaded: {message}',
      engineCrashed: 'The compute process stopped unexpectedly. Your earlier runs are safe.',
      retry: 'Retry',
      dismiss: 'Dismiss',
      settingsNotice: 'Your settings could not be read, so the defaults are in use. The old file was set aside.',
      runMissing: 'No run was chosen.',
      runProblem: 'This run could not be opened: {message}',
      toHistory: 'Go to the history'
    }
  },
  ja: {
    home: {
      title: 'ホーム',
      intro: '実験テンプレートを選ぶか、以前の実行結果を開いてください。',
      lead: '{tagline}。{intro}',
      templates: '実験テンプレート',
      openRun: { title: '実行結果を開く', description: 'ワークスペース内のすべての実行結果を一覧・検索して開きます。' },
      recent: '最近の実行結果',
      noRecent: '完了した実行結果はまだありません。上のテンプレートから始めてください。',
      dae: { title: 'DAE による輸送の検証', description: 'データ分布をデノイジング・オートエンコーダの流れで輸送し、深さに沿った動きを観察します。' },
      run: { title: '実行結果' }
    },
    shell: {
      nav: '画面',
      back: '戻る',
      forward: '進む',
      loadingScreen: '読み込み中…',
      screenFailed: 'この画面を読み込めませんでした: {message}',
      engineCrashed: '計算プロセスが予期せず停止しました。これまでの実行結果は無事です。',
      retry: '再試行',
      dismiss: '閉じる',
      settingsNotice: '設定を読み込めなかったため、既定値を使用しています。元のファイルは別に保管しました。',
      runMissing: '実行結果が選ばれていません。',
      runProblem: 'この実行結果を開けませんでした: {message}',
      toHistory: '履歴へ移動'
    }
  }
} satisfies AreaMessages
