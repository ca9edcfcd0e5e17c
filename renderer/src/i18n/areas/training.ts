// Strings of training as it runs (epoch k of N, time left, accuracy per epoch, what a cancel kept), the
// one change-and-re-train panel (with the low-accuracy remedy) and the trained run's one-page report.
import type { AreaMessages } from '../messages'

const en = {
  live: {
    accuracy: 'held-out accuracy',
    accuracyChart: 'Held-out accuracy per epoch',
    accuracyAxis: 'accuracy (%)',
    epochOf: 'Epoch {k} of {n}',
    epochOfInLayer: 'epoch {k} of {n}',
    epochOnly: 'epoch {k}',
    epochHead: 'Epoch {k}',
    layerOf: 'Layer {l} of {n}, {epoch}',
    epochsRun: '{n} epochs',
    etaSeconds: 'about {s} s left',
    etaMinutes: 'about {m} min {s} s left',
    epochTime: 'time',
    curves: 'Loss and accuracy per epoch',
    finishedCurves: 'Loss and accuracy of the {n} epochs',
    cancelledKept:
      "Training was cancelled after {at}. That epoch's checkpoint is kept in the workspace: training the same settings again resumes from it (a different name is fine; any other change starts over).",
    cancelledNothing: 'Training was cancelled before its first epoch ended: nothing was kept, and the same settings start over.'
  },
  rerun: {
    evalStep: 'Evaluation step h',
    lowAccuracy:
      'Held-out accuracy {accuracy} is below {threshold}. Train longer first. If one class lies inside another, a flow in {d} dimensions cannot pull it out (a flow bends space but never tears it); an extra dimension (ANODE) gives it room.',
    longerAction: 'Re-train with {n} epochs',
    lowAccuracyAction: 'Re-train with 1 extra dimension',
    lowAccuracyFull:
      'Held-out accuracy {accuracy} is below {threshold}. Train longer, or try a wider field or a greater depth T; the state already has 3 coordinates, so no dimension can be added.'
  },
  report: {
    heading: 'Training',
    rows: {
      data: 'data',
      flow: 'flow',
      model: 'field v(x, t)',
      training: 'training',
      trainingSolver: 'solver in training',
      regularisers: 'regularisers',
      heldOut: 'held out',
      particles: 'particles',
      integration: 'integration (evaluation)'
    },
    numbers: {
      accuracy: 'held-out accuracy',
      logLikelihood: 'held-out log-likelihood (nats)',
      trainLoss: 'training loss (last epoch)',
      validationLoss: 'held-out loss (last epoch)',
      kinetic: 'kinetic term ∫ ‖v‖² dt',
      jacobian: 'Jacobian term ∫ ‖∇v‖²_F dt',
      weightNorm: 'weight norm ‖θ‖ (weight decay)',
      epochs: 'epochs run',
      nfeTraining: 'field evaluations in training'
    },
    builtin: 'built-in dataset {name}',
    imported: 'imported dataset "{name}" ({columns}; id {id})',
    importedGone: 'imported dataset {id} (no longer in this workspace)',
    preset: 'preset {name}',
    gaussian: 'Gaussian ({d}-D)',
    mixture: 'Gaussian mixture of {k} components ({d}-D)',
    task: { classify: 'neural ODE, classification', transport: 'neural ODE, learned continuous DAE', density: 'neural ODE, density (CNF)' },
    trainedDae: 'trained shallow DAE, noise t = {t}',
    trainedComposed: 'trained composed DAE, noise t = {t} in {layers} layers',
    composed: 'composed DAE, {layers} layers',
    empirical: 'empirical DAE, bandwidth {bandwidth}, reference sample {reference}',
    model: 'width {width} × {layers} hidden layers, {activation}, {init} init',
    augment: '{n} extra dimensions (ANODE)',
    training: '{epochs} epochs, batch {batch}, learning rate {lr}, {optimizer}, {gradient}',
    trainingSolver: '{solver}, T = {depth}, h = {h} ({steps} steps)',
    regularisers: 'kinetic λK = {kinetic}, Jacobian λJ = {jacobian}, weight decay {decay}',
    heldOut: '{share}% held out',
    earlyStopping: 'early stopping after {patience} epochs without improvement',
    particles: '{n} ({kind}, seed {seed})',
    fixed: '{solver}, T = {depth}, h = {h}, {samples} recorded depths',
    adaptive: 'dopri5, T = {depth}, rtol {rtol}, atol {atol}, {samples} recorded depths'
  }
}

const ja: typeof en = {
  live: {
    accuracy: '取り分けたデータの正解率',
    accuracyChart: 'エポックごとの正解率（取り分けたデータ）',
    accuracyAxis: '正解率（%）',
    epochOf: 'エポック {k} / {n}',
    epochOfInLayer: 'エポック {k} / {n}',
    epochOnly: 'エポック {k}',
    epochHead: 'エポック {k}',
    layerOf: '{l} / {n} 層目、{epoch}',
    epochsRun: '{n} エポック',
    etaSeconds: '残り約 {s} 秒',
    etaMinutes: '残り約 {m} 分 {s} 秒',
    epochTime: '時間',
    curves: 'エポックごとの損失と正解率',
    finishedCurves: '{n} エポックの損失と正解率',
    cancelledKept:
      '{at} のあとで学習をキャンセルしました。そのエポックのチェックポイントはワークスペースに残してあり、同じ設定で学習し直すとそこから再開します（名前は変えてもかまいません。ほかを変えると最初からです）。',
    cancelledNothing: '最初のエポックが終わる前に学習をキャンセルしました。何も残っていないので、同じ設定でも最初からやり直します。'
  },
  rerun: {
    evalStep: '評価のステップ幅 h',
    lowAccuracy:
      '取り分けたデータの正解率 {accuracy} は {threshold} を下回っています。まず長く学習してください。一方のクラスが他方の内側にあるときは、{d} 次元の流れではそれを外へ出せません（流れは空間を曲げても裂きはしません）。追加の次元（ANODE）を加えると、その余地ができます。',
    lowAccuracyAction: '追加の次元を 1 つ加えて学習し直す',
    longerAction: '{n} エポックで学習し直す',
    lowAccuracyFull:
      '取り分けたデータの正解率 {accuracy} は {threshold} を下回っています。長く学習する、場を広くする、深さ T を大きくする、を試してください。状態はすでに 3 座標なので次元は加えられません。'
  },
  report: {
    heading: '学習',
    rows: {
      data: 'データ',
      flow: '流れ',
      model: '場 v(x, t)',
      training: '学習',
      trainingSolver: '学習中のソルバー',
      regularisers: '正則化',
      heldOut: '取り分け',
      particles: '粒子数',
      integration: '積分（評価）'
    },
    numbers: {
      accuracy: '取り分けたデータの正解率',
      logLikelihood: '取り分けたデータの対数尤度（nat）',
      trainLoss: '学習の損失（最後のエポック）',
      validationLoss: '取り分けたデータの損失（最後のエポック）',
      kinetic: '運動エネルギー項 ∫ ‖v‖² dt',
      jacobian: 'ヤコビアン項 ∫ ‖∇v‖²_F dt',
      weightNorm: '重みのノルム ‖θ‖（重み減衰）',
      epochs: '実行したエポック数',
      nfeTraining: '学習中の場の評価回数'
    },
    builtin: '組み込みデータセット {name}',
    imported: '取り込んだデータセット「{name}」（{columns}、ID {id}）',
    importedGone: '取り込んだデータセット {id}（このワークスペースにはもうありません）',
    preset: 'プリセット {name}',
    gaussian: 'ガウス分布（{d} 次元）',
    mixture: '{k} 成分の混合ガウス分布（{d} 次元）',
    task: { classify: 'ニューラル ODE、分類', transport: 'ニューラル ODE、学習した連続 DAE', density: 'ニューラル ODE、密度（CNF）' },
    trainedDae: '学習した浅い DAE、ノイズ t = {t}',
    trainedComposed: '学習した合成 DAE、ノイズ t = {t}、{layers} 層',
    composed: '合成 DAE、{layers} 層',
    empirical: '経験 DAE、バンド幅 {bandwidth}、参照標本 {reference}',
    model: '幅 {width} × 隠れ層 {layers}、{activation}、初期化 {init}',
    augment: '追加の次元 {n}（ANODE）',
    training: '{epochs} エポック、バッチ {batch}、学習率 {lr}、{optimizer}、{gradient}',
    trainingSolver: '{solver}、T = {depth}、h = {h}（{steps} ステップ）',
    regularisers: '運動エネルギー λK = {kinetic}、ヤコビアン λJ = {jacobian}、重み減衰 {decay}',
    heldOut: '{share}% を取り分け',
    earlyStopping: '{patience} エポック改善がなければ早期終了',
    particles: '{n}（{kind}、シード {seed}）',
    fixed: '{solver}、T = {depth}、h = {h}、記録する深さ {samples} 点',
    adaptive: 'dopri5、T = {depth}、rtol {rtol}、atol {atol}、記録する深さ {samples} 点'
  }
}

export default { en: { training: en }, ja: { training: ja } } satisfies AreaMessages
