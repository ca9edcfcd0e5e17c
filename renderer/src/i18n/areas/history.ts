// History screen strings (the run list, its search and filters, rename, tags, trash), English and Japanese.
import type { AreaMessages } from '../messages'

export default {
  en: {
    runList: {
      title: 'History',
      trashTitle: 'Trash',
      count: '{shown} of {total} runs',
      countAll: '{total} run | {total} runs',
      search: 'Search by name or tag',
      filterTemplate: 'Template',
      filterStatus: 'Status',
      filterTag: 'Tag',
      any: 'Any',
      showTrash: 'Show the trash',
      showHistory: 'Back to the history',
      empty: 'No runs yet. Finished runs appear here.',
      noMatch: 'No run matches the search and filters.',
      trashEmpty: 'The trash is empty.',
      refresh: 'Refresh',
      columns: { name: 'Name', template: 'Template', status: 'Status', date: 'Date', backend: 'Backend', entropy: 'Entropy (start → end)', actions: 'Actions' },
      status: {
        complete: 'complete',
        unreadable: 'unreadable',
        incomplete: 'incomplete'
      },
      incompleteHint: 'Set aside after an interrupted write; its files are kept but it is not a finished run.',
      unreadableHint: 'This run could not be read',
      open: 'Open',
      rename: 'Rename',
      renameLabel: 'New name for {name}',
      save: 'Save',
      cancel: 'Cancel',
      tags: 'Tags',
      addTag: 'Add tag',
      tagLabel: 'New tag for {name}',
      removeTag: 'Remove tag {tag}',
      trash: 'Move to trash',
      trashed: '“{name}” was moved to the trash.',
      undo: 'Undo',
      restore: 'Restore',
      restored: '“{name}” was restored.',
      trashedAt: 'Trashed {date}',
      archive: 'Download archive',
      archiveSaved: 'Saved {file}.',
      nameErrors: { empty: 'A name cannot be empty.', tooLong: 'A name can have at most {max} characters.' },
      tagErrors: {
        empty: 'A tag cannot be empty.',
        tooLong: 'A tag can have at most 40 characters.',
        duplicate: 'This run already has that tag.',
        tooMany: 'A run can have at most 20 tags.'
      },
      failed: 'That did not work: {message}'
    }
  },
  ja: {
    runList: {
      title: '履歴',
      trashTitle: 'ごみ箱',
      count: '{total} 件中 {shown} 件',
      countAll: '{total} 件',
      search: '名前またはタグで検索',
      filterTemplate: 'テンプレート',
      filterStatus: '状態',
      filterTag: 'タグ',
      any: 'すべて',
      showTrash: 'ごみ箱を表示',
      showHistory: '履歴に戻る',
      empty: '実行結果はまだありません。完了した実行がここに表示されます。',
      noMatch: '検索条件に合う実行結果はありません。',
      trashEmpty: 'ごみ箱は空です。',
      refresh: '再読み込み',
      columns: {
        name: '名前',
        template: 'テンプレート',
        status: '状態',
        date: '日時',
        backend: 'バックエンド',
        entropy: 'エントロピー (開始 → 終了)',
        actions: '操作'
      },
      status: {
        complete: '完了',
        unreadable: '読み込めません',
        incomplete: '未完了'
      },
      incompleteHint: '書き込みが中断されたため別に保管されました。ファイルは残っていますが、完了した実行ではありません。',
      unreadableHint: 'この実行結果は読み込めません',
      open: '開く',
      rename: '名前を変更',
      renameLabel: '{name} の新しい名前',
      save: '保存',
      cancel: 'キャンセル',
      tags: 'タグ',
      addTag: 'タグを追加',
      tagLabel: '{name} に付ける新しいタグ',
      removeTag: 'タグ {tag} を外す',
      trash: 'ごみ箱へ移動',
      trashed: '「{name}」をごみ箱へ移動しました。',
      undo: '元に戻す',
      restore: '復元',
      restored: '「{name}」を復元しました。',
      trashedAt: '{date} に削除',
      archive: 'アーカイブをダウンロード',
      archiveSaved: '{file} を保存しました。',
      nameErrors: { empty: '名前を空にはできません。', tooLong: '名前は {max} 文字以内にしてください。' },
      tagErrors: {
        empty: 'タグを空にはできません。',
        tooLong: 'タグは 40 文字以内にしてください。',
        duplicate: 'この実行にはすでにそのタグがあります。',
        tooMany: 'タグは 1 つの実行に 20 個までです。'
      },
      failed: '実行できませんでした: {message}'
    }
  }
} satisfies AreaMessages
