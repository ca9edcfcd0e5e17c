// Japanese messages: the same keys as en.ts (the type below makes a missing key a compile error).
import type en from './en'

const ja: typeof en = {
  app: {
    tagline: '深層ネットワークの輸送解析',
    backend: 'バックエンド',
    available: 'このマシンで利用可能: {list}',
    mode: { desktop: 'デスクトップ', browser: 'ブラウザーモード', 'in-process': 'プロセス内' },
    engineUnavailable: 'エンジンを利用できません',
    connecting: 'エンジンに接続中…',
    language: '言語',
    languages: { en: 'English', ja: '日本語' }
  },
  presets: {
    paper44: {
      title: '(44) 細長いガウス分布',
      desc: '2 次元の N(0, diag(2, 1))。x 方向に 2 倍広い。連続 DAE はこれを縮め、t* = 0.5 で直線につぶれます。'
    },
    paper45: {
      title: '(45) 等しい 2 つのガウス分布',
      desc: '(−1, 0) と (1, 0) を中心とする単位ガウス分布を等しい重みで混合。粒子は近い方の中心に集まります。'
    },
    paper46: {
      title: '(46) 重みの異なる 2 つのガウス分布',
      desc: '同じ 2 つのガウス分布を重み 0.2 と 0.8 で混合。両者の境界は軽い方へ移ります。'
    },
    paper47: {
      title: '(47) 重みも形も異なる混合',
      desc: '0.2 N((−1, 0), I) + 0.8 N((1, 0), diag(2, 1))。重い成分のほうが広がっています。'
    },
    normal1d: {
      title: '標準正規分布 (1 次元)',
      desc: '直線上の N(0, 1) を深さに対して描きます。粒子は 0 に向かい、t* = 0.5 で 1 点につぶれます。'
    },
    gaussian3d: {
      title: '相関のあるガウス分布 (3 次元)',
      desc: '傾いた 3 次元のガウス分布。最も狭い方向に最も速く縮みます。'
    },
    swissRoll2d: {
      title: 'スイスロール (2 次元)',
      desc: 'サンプルでしか分からないノイズ付きの渦巻き。閉じた式がないため経験 DAE を使います。'
    },
    swissRoll3d: {
      title: 'スイスロール (3 次元)',
      desc: '3 次元に巻いた面。サンプルでしか分からないため経験 DAE を使います。'
    }
  },
  wizard: {
    title: 'DAE による輸送',
    steps: { distribution: 'データ', flow: 'フロー', particles: '粒子', integration: '深さ' },
    stepOf: 'ステップ {i}/{n}: {name}',
    specJson: '仕様（JSON、`nagare run` で読めます）',
    saveSpec: 'JSON として保存',
    back: '戻る',
    next: '次へ',
    run: '実行',
    otherSteps: '他のステップに直すべき設定があります:',
    distribution: {
      title: 'データ分布',
      intro: 'ネットワークが輸送する粒子の分布を選びます。',
      custom: 'パラメーターを編集',
      customDesc: '1〜3 次元の独自のガウス混合分布 (選択中の例から始めます)。',
      dimension: '次元',
      component: '成分 {k}',
      removeComponent: '削除',
      removeComponentN: '成分 {k} を削除',
      addComponent: '成分を追加',
      weight: '重み',
      mean: '平均',
      covariance: '共分散',
      meanEntry: '成分 {k} の平均、座標 {i}',
      covEntry: '成分 {k} の共分散、{i} 行 {j} 列'
    },
    flow: {
      title: 'フロー',
      sampledOnly: 'このデータはサンプルでしか分からないため、経験 DAE のみ使えます。',
      datasetFlows:
        '取り込んだデータセットでは、連続 DAE・浅い DAE・合成 DAE はその行に当てはめた混合ガウス分布に従い、学習した DAE と経験 DAE は行そのものから学びます。',
      components: '混合の成分数 K',
      componentsHint:
        'K 個（1〜16）のガウス分布の混合を EM で行に当てはめ（20,000 行を超える分はそのうち 20,000 行に）、フローはその混合に従います。K = 1 は標本平均と標本共分散です。',
      fitting: '行に混合ガウス分布を当てはめています…',
      fitRows: '{n} 行',
      fitRowsSome: '{total} 行からシード付きで取り出した {n} 行',
      fitted: '{rows}に当てはめ: K = {k}、1 行あたりの対数尤度 {ll}、EM の反復 {iterations} 回で収束。特異時刻 t* = {t}: 深さはこれより小さくしてください。',
      fittedCapped:
        '{rows}に当てはめ: K = {k}、1 行あたりの対数尤度 {ll}、EM の反復の上限 {iterations} 回で停止。特異時刻 t* = {t}: 深さはこれより小さくしてください。',
      fittedMap: '{rows}に当てはめ: K = {k}、1 行あたりの対数尤度 {ll}、EM の反復 {iterations} 回で収束。',
      fittedMapCapped: '{rows}に当てはめ: K = {k}、1 行あたりの対数尤度 {ll}、EM の反復の上限 {iterations} 回で停止。',
      continuous: {
        title: '連続 DAE (無限に深い)',
        desc: '粒子は現在の分布のスコアに沿って動き、エントロピーが最も速く減ります。ガウス混合では厳密です。'
      },
      shallow: {
        title: '浅い DAE (1 層)',
        desc: 'ノイズ分散 t で学習した 1 つのデノイジング自己符号化器。深さ t での位置はその出力です。'
      },
      composed: {
        title: '合成 DAE (L 層)',
        desc: 'ノイズ t / L の浅い DAE を L 個つないだもの。層を増やすと連続 DAE に近づきます。'
      },
      trained: {
        title: '学習した浅い DAE',
        desc: 'ノイズを加えたサンプルを復元するよう学習したネットワーク(ノイズ t = 深さ)。実行結果で、学習すべき閉形式と比べます。'
      },
      trainedComposed: {
        title: '学習した合成 DAE (L 層)',
        desc: '前の出力にノイズ t / L を加えて順に学習した L 個のネットワーク。合成 DAE の閉形式と比べます。'
      },
      empirical: {
        title: '経験 DAE (サンプルから)',
        desc: '粒子群そのものの連続 DAE。スコアをガウスカーネルで推定します。'
      },
      layers: '層の数 L',
      layersHint: '各層はノイズ分散 深さ / L を加えます。',
      bandwidth: 'カーネルのバンド幅',
      bandwidthHint: 'サンプル点群を平滑化するガウスカーネルの分散。',
      referenceSize: '参照サンプル数',
      referenceSizeHint: '各ステップでスコアの推定に使う粒子の数。'
    },
    particles: {
      title: '粒子',
      sample: { title: 'ランダムサンプル', desc: '分布から抽出した粒子 (シードで再現できます)。' },
      grid: { title: '格子', desc: '±3 標準偏差の範囲を覆う等間隔の点。' },
      count: '粒子の数',
      perAxis: '1 軸あたりの点数',
      gridHint: '{d} 次元で {total} 個の粒子。',
      seed: 'シード',
      seedHint: '同じシードなら同じ粒子になります。'
    },
    integration: {
      title: '深さと積分',
      depth: '深さ T',
      depthHint: 'ノイズ分散の合計 (輸送時間)。',
      solver: 'ソルバー',
      stepSize: 'ステップ幅 h',
      samples: '記録する深さの数',
      samplesHint: '0 から T までの等間隔の深さで位置を記録します。',
      advanced: '詳細設定',
      toleranceOnlyAdaptive: '許容誤差は適応ソルバー (Dormand–Prince) にのみ使われます。',
      rtol: '相対許容誤差',
      atol: '絶対許容誤差',
      name: '実行名'
    },
    cost: {
      title: '見積もりコスト',
      singular: '連続 DAE の特異時刻: t* = {t}。深さはこれより小さくしてください。',
      particles: '粒子数',
      steps: 'ステップ数',
      stepsBudget: 'ステップ上限',
      particleSteps: '粒子数 × ステップ数',
      upTo: '最大 {v}',
      evaluations: '場の評価回数',
      perStep: '粒子 1 ステップあたり {stages} 回',
      memory: '軌跡のメモリー',
      fixErrors: '強調表示された項目を直すとコストが表示されます。'
    }
  },
  solvers: {
    euler: 'オイラー法 (1 次)',
    heun: 'ホイン法 (2 次)',
    rk4: 'ルンゲ＝クッタ法 (4 次)',
    dopri5: 'ドルマン＝プリンス法 5(4)、適応ステップ幅'
  },
  errors: {
    'invalid-request': '要求の形式が正しくありません。',
    'invalid-spec': 'エンジンがこの設定を受け付けませんでした。',
    'not-found': 'その実行結果が見つかりません。',
    'unreadable-run': 'その実行結果を読み込めません。',
    busy: 'エンジンは別のジョブを実行中です。終わってからもう一度試してください。',
    cancelled: '実行はキャンセルされました。',
    'blow-up': '積分が発散しました。位置が無限大または数値でなくなりました。',
    budget: '実行が上限 (ステップ数またはメモリー) を超えました。',
    'engine-crashed': '計算エンジンが予期せず停止しました。',
    io: '実行結果をディスクに保存または読み込みできませんでした。',
    internal: 'エンジン内部で問題が起きました。'
  },
  progress: {
    starting: '開始中…',
    running: '実行中: {percent}%',
    label: '実行の進み具合',
    depth: '深さ {depth}',
    cancel: 'キャンセル',
    cancelling: 'キャンセル中…',
    loading: '結果を読み込み中…',
    retry: '再試行',
    dismiss: '閉じる',
    cancelled: '実行はキャンセルされました。何も保存されていません。'
  },
  results: {
    title: '結果',
    empty: '実験を実行すると、粒子が深さに沿って動く様子が表示されます。',
    controls: '表示と実行の操作',
    play: '再生',
    pause: '一時停止',
    depth: '深さ',
    depthValue: 't = {depth} / {max}',
    rerunTitle: '変更して再実行',
    rerun: '再実行',
    summary: '実行の概要',
    notes: 'これらの数値の推定方法（{n} 件）',
    backend: 'バックエンド',
    flow: 'フロー',
    particles: '粒子',
    nfe: '場の評価回数',
    steps: 'ステップ',
    acceptedRejected: '採択 {accepted}、棄却 {rejected}',
    wall: '時間',
    seconds: '{s} 秒',
    entropy: 'エントロピー',
    entropyMethod: { 'closed-form': '閉じた式', knn: 'kNN 推定' },
    w2End: '入力へのスライス W₂ (最後)',
    singularTime: '特異時刻 t*',
    colorBy: '色分け',
    color: { component: '混合成分', initial: '初期位置' },
    resetCamera: 'カメラをリセット',
    saveImage: '画像を保存'
  },
  charts: {
    entropy: 'エントロピー H (nat)',
    slicedW2ToInput: '入力へのスライス W₂',
    depth: '深さ t'
  },
  history: {
    title: '過去の実行 ({n})',
    empty: 'まだ実行はありません。',
    unreadable: '読み込めません'
  },
  trajectory: {
    viewLabel: '粒子の軌跡の 3 次元表示。キー: R でカメラをリセット、1 で正面、2 で上から、3 で横から、矢印キーで回転。',
    keysHint: 'キー: R リセット · 1 正面 · 2 上 · 3 横 · ←↑→↓ 回転',
    depth: '深さ t = {depth} / {max}',
    playing: '(再生中)',
    noWebgl2:
      'この表示には WebGL2 が必要ですが、ここでは使えません ({reason})。ハードウェアアクセラレーションを有効にするか、Chromium では SwiftShader ソフトウェアレンダラーを許可してください。',
    noContext: 'WebGL2 コンテキストを作成できませんでした',
    startFailed: '3 次元表示を開始できませんでした: {message}',
    loadFailed: 'この軌跡は表示できません: {message}',
    contextLost: 'グラフィックスコンテキストが失われました。ブラウザーが復元するのを待っています。',
    empty: '表示する軌跡はまだありません。実験を実行してください。',
    axis: { x: 'x', y: 'y', z: 'z', depth: '深さ t' },
    axes: {
      xRight: 'x: 右',
      xHorizontal: 'x: 横',
      yInto: 'y: 奥',
      zUp: 'z: 上',
      depthLine: '深さ t: 上 (線が現在の深さ)',
      depthPlane: '深さ t: 上 (面が現在の深さ)',
      trails: '尾: 直近のいくつかの深さ'
    },
    key: {
      initial: '色: 初期位置の x (深さ 0)',
      component: '色: 混合成分',
      classes: '色: クラス',
      componentRepeat: '色: 混合成分 ({k} 個。{n} 色を超えると色が繰り返されます)',
      single: '単色 (この実行には混合成分がありません)',
      allParticles: 'すべての粒子',
      componentN: '成分 {k}'
    },
    notes: {
      points: '点: {total} 個中 {shown} 個の粒子 (GPU メモリの上限)',
      lines: '線: {total} 本中 {shown} 本の軌跡',
      linesAll: '線: 全 {total} 本の軌跡',
      trails: '尾: {total} 個中 {shown} 個の粒子',
      trailsAll: '尾: 全 {total} 個の粒子'
    }
  }
}

export default ja
