// Strings of exports (the analyze wizard's request JSON too), run comparison and the printable report
// (its desktop PDF), in English and Japanese.
import type { AreaMessages } from '../messages'

export default {
  en: {
    analyzeRequest: {
      title: 'The request (JSON), as the analysis is started',
      filesNote: 'File contents are not included, only their names: after loading this file, pick the model or dump files again.',
      save: 'Save as JSON',
      load: 'Load a request file…',
      loaded: 'Loaded {file}.',
      pickAgain: 'Pick its files again in step 1: {names}.',
      expected: 'The loaded request names these files; pick them again: {names}.',
      problems: {
        json: '{file} is not JSON: {detail}',
        schema: '{file} is not an analysis request: {detail}'
      }
    },
    export: {
      title: 'Export',
      metricsCsv: 'Metrics (CSV)',
      trajectoriesCsv: 'Trajectories (CSV)',
      trajectoriesNpy: 'Trajectories (NPY)',
      specJson: 'Spec (JSON)',
      viewPng: '3-D view (PNG)',
      chartsPng: 'Charts (PNG)',
      archive: 'Whole run (ZIP)',
      report: 'Report',
      saved: 'Saved {file}.',
      chartFiles: '{count} chart images',
      archiving: 'Packing the run folder…',
      noView: 'The 3-D view cannot be captured here (no WebGL).',
      noCharts: 'No charts are shown to capture.',
      csvTooLarge: '{rows} rows: too many for CSV; use NPY.'
    },
    compare: {
      title: 'Compare runs',
      runA: 'Run A',
      runB: 'Run B',
      needTwo: 'Compare needs at least two complete runs in the history.',
      depth: 'Depth {depth} (both views)',
      depthAxis: 'depth t',
      entropy: 'Entropy (nats)',
      w2: 'Sliced W2 to the input',
      rows: {
        flow: 'flow',
        particles: 'particles',
        depth: 'depth',
        entropyStart: 'entropy at start',
        entropyEnd: 'entropy at end',
        w2End: 'W2 to input at end',
        nfe: 'field evaluations',
        backend: 'backend'
      }
    },
    report: {
      title: 'Run report',
      print: 'Print or save as PDF',
      printOnly: 'Print',
      back: 'Back to the run',
      pdf: {
        save: 'Save as PDF',
        saving: 'Making the PDF…',
        saved: 'Saved {path}.',
        failed: {
          refused: 'The PDF was not made: the request did not come from this window.',
          badRequest: 'The PDF was not made: the request was malformed ({reason}).',
          print: 'The page could not be turned into a PDF ({reason}).',
          write: 'The PDF could not be saved ({reason}). Choose another folder and try again.'
        }
      },
      madeOn: 'Finished {date} · Nagare {version} · backend {backend}',
      settings: 'Settings',
      numbers: 'Results',
      view: 'Particles at the end depth',
      viewAlt: 'The particles at the end depth, in the 3-D view',
      notes: 'Notes',
      depth: 'depth t',
      entropy: 'Entropy (nats)',
      slicedW2ToInput: 'Sliced W2 to the input',
      rows: {
        distribution: 'data',
        flow: 'flow',
        particles: 'particles',
        solver: 'solver',
        depth: 'depth',
        entropyStart: 'entropy at start (nats)',
        entropyEnd: 'entropy at end (nats)',
        w2End: 'sliced W2 to the input at the end',
        singular: 'singular time t*',
        nfe: 'field evaluations (NFE)',
        seconds: 'integration time (s)'
      }
    }
  },
  ja: {
    analyzeRequest: {
      title: 'リクエスト(JSON、解析の開始時に送る内容)',
      filesNote: 'ファイルの中身は含まれず、名前だけです。このファイルを読み込んだ後、モデルまたはダンプのファイルをもう一度選んでください。',
      save: 'JSON として保存',
      load: 'リクエストファイルを読み込む…',
      loaded: '{file} を読み込みました。',
      pickAgain: 'ステップ 1 でファイルをもう一度選んでください:{names}。',
      expected: '読み込んだリクエストには次のファイルが指定されています。もう一度選んでください:{names}。',
      problems: {
        json: '{file} は JSON ではありません:{detail}',
        schema: '{file} は解析のリクエストではありません:{detail}'
      }
    },
    export: {
      title: 'エクスポート',
      metricsCsv: '指標(CSV)',
      trajectoriesCsv: '軌跡(CSV)',
      trajectoriesNpy: '軌跡(NPY)',
      specJson: '仕様（JSON）',
      viewPng: '3D 表示(PNG)',
      chartsPng: 'グラフ(PNG)',
      archive: '実行全体(ZIP)',
      report: 'レポート',
      saved: '{file} を保存しました。',
      chartFiles: 'グラフ画像 {count} 枚',
      archiving: '実行フォルダをまとめています…',
      noView: 'この環境では 3D 表示を画像にできません(WebGL がありません)。',
      noCharts: '画像にするグラフが表示されていません。',
      csvTooLarge: '{rows} 行:CSV には多すぎます。NPY を使ってください。'
    },
    compare: {
      title: '実行の比較',
      runA: '実行 A',
      runB: '実行 B',
      needTwo: '比較には履歴に完了した実行が二つ以上必要です。',
      depth: '深さ {depth}(両方の表示)',
      depthAxis: '深さ t',
      entropy: 'エントロピー(nat)',
      w2: '入力へのスライス W2',
      rows: {
        flow: '流れ',
        particles: '粒子数',
        depth: '深さ',
        entropyStart: '開始時のエントロピー',
        entropyEnd: '終了時のエントロピー',
        w2End: '終了時の入力への W2',
        nfe: '場の評価回数',
        backend: 'バックエンド'
      }
    },
    report: {
      title: '実行レポート',
      print: '印刷または PDF として保存',
      printOnly: '印刷',
      back: '実行に戻る',
      pdf: {
        save: 'PDF として保存',
        saving: 'PDF を作成しています…',
        saved: '{path} に保存しました。',
        failed: {
          refused: 'PDF は作成されませんでした:このウィンドウからの要求ではありません。',
          badRequest: 'PDF は作成されませんでした:要求の形式が正しくありません({reason})。',
          print: 'ページを PDF にできませんでした({reason})。',
          write: 'PDF を保存できませんでした({reason})。別のフォルダーを選んでもう一度お試しください。'
        }
      },
      madeOn: '{date} 完了 · Nagare {version} · バックエンド {backend}',
      settings: '設定',
      numbers: '結果',
      view: '終点の深さでの粒子',
      viewAlt: '終点の深さでの粒子(3D 表示)',
      notes: '注記',
      depth: '深さ t',
      entropy: 'エントロピー(nat)',
      slicedW2ToInput: '入力へのスライス W2',
      rows: {
        distribution: 'データ',
        flow: '流れ',
        particles: '粒子数',
        solver: 'ソルバー',
        depth: '深さ',
        entropyStart: '開始時のエントロピー(nat)',
        entropyEnd: '終了時のエントロピー(nat)',
        w2End: '終了時の入力へのスライス W2',
        singular: '特異時刻 t*',
        nfe: '場の評価回数(NFE)',
        seconds: '積分時間(秒)'
      }
    }
  }
} satisfies AreaMessages
