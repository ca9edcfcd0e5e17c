// Messages of the engine's jobs, training, flows, solvers, runs, studies, settings, models and analysis (errors, progress and run notes), in English and Japanese.
// Keys start with "engine.". English is what the engine writes (logs, CLI, run.json); the UI shows either.
import type { Catalog } from './catalog'

export const ENGINE_MESSAGES = {
  'engine.cancelled': { en: 'cancelled by the user', ja: 'ユーザーがキャンセルしました' },
  'engine.blowUp': { en: 'integration blew up at depth {depth}: {detail}', ja: '深さ {depth} で積分が発散しました: {detail}' },

  // jobs
  'engine.invalidSpec': { en: 'invalid spec:\n{errors}', ja: '実験設定が正しくありません:\n{errors}' },
  'engine.queueFull': {
    en: '{count} jobs are already waiting; wait for one to finish or cancel one',
    ja: 'すでに {count} 個のジョブが待機しています。いずれかが終わるのを待つか、キャンセルしてください'
  },
  'engine.notTrainedFlow': { en: '{kind} is not a trained flow', ja: '{kind} は学習する流れではありません' },
  'engine.trajectoryMemory': { en: 'not enough memory for the trajectories ({mib} MiB)', ja: '軌跡を保持するメモリが足りません（{mib} MiB）' },
  'engine.referenceTooMany': {
    en: 'the flow needs {ref} reference particles but the run has only {n}',
    ja: 'この流れには参照粒子が {ref} 個必要ですが、この実行には {n} 個しかありません'
  },
  'engine.referenceAtMost': { en: 'must not exceed the number of particles ({n})', ja: '粒子数（{n}）以下にしてください' },
  'engine.classifyNeedsData': { en: 'a classification flow needs flow.data', ja: '分類の流れには flow.data が必要です' },
  'engine.classifyNeedsDataAndSample': {
    en: 'a classification flow needs flow.data and sampled particles',
    ja: '分類の流れには flow.data とサンプリングした粒子が必要です'
  },
  'engine.dataIdProblem': { en: 'flow.data.id: {problem}', ja: 'flow.data.id：{problem}' },
  'engine.datasetNeedsWorkspace': {
    en: 'imported datasets need a workspace (the app, or nagare run with a workspace)',
    ja: '取り込んだデータセットを使うにはワークスペースが必要です（アプリ、またはワークスペースを指定した nagare run）'
  },
  'engine.datasetNoLabels': {
    en: 'dataset {id} has no label column; re-import it with a label column to classify',
    ja: 'データセット {id} にはラベル列がありません。分類するにはラベル列を指定して取り込み直してください'
  },
  'engine.datasetTooWide': {
    en: 'dataset {id} has {d} feature columns; the state may have at most {max}',
    ja: 'データセット {id} の特徴量列は {d} 列ありますが、状態の次元は最大 {max} です'
  },
  'engine.datasetTooWideAugmented': {
    en: 'dataset {id} has {d} feature columns and {augment} augmented coordinate(s); the state may have at most {max}',
    ja: 'データセット {id} の特徴量列は {d} 列、拡張座標は {augment} 個ありますが、状態の次元は最大 {max} です'
  },
  'engine.datasetLabelOutside': {
    en: 'dataset {id} has a label {label} outside its {classes} classes',
    ja: 'データセット {id} に、{classes} 個のクラスの範囲外のラベル {label} があります'
  },
  'engine.datasetFewClasses': { en: 'dataset {id} has fewer than 2 classes', ja: 'データセット {id} のクラスが 2 個未満です' },
  'engine.datasetFewRows': { en: 'dataset {id} has fewer than 2 rows', ja: 'データセット {id} の行が 2 行未満です' },
  'engine.builtinDatasetName': { en: 'the {name} dataset', ja: 'データセット {name}' },
  'engine.importedDatasetName': { en: 'the imported dataset {id}', ja: '取り込んだデータセット {id}' },
  'engine.theDataset': { en: 'the dataset', ja: 'データセット' },
  'engine.exactShallow': { en: 'shallow DAE posterior mean g_t with t = {t} (eq. 38)', ja: '浅い DAE の事後平均 g_t（t = {t}、式 38）' },
  'engine.exactComposed': {
    en: 'composed DAE closed form, {layers} layers of noise {noise}',
    ja: '合成 DAE の閉形式、ノイズ {noise} の層が {layers} 層'
  },
  'engine.exactComposedMixture': {
    en: 'composed DAE closed form, {layers} layers of noise {noise} (component-wise for a mixture)',
    ja: '合成 DAE の閉形式、ノイズ {noise} の層が {layers} 層（混合分布では成分ごとの近似）'
  },
  'engine.exactContinuous': { en: 'continuous DAE (eq. 43) to depth {depth}, RK4', ja: '連続 DAE（式 43）を深さ {depth} まで、RK4' },
  'engine.robustHalfStep': { en: '{solver} with half the step ({step})', ja: '{solver}、ステップ幅を半分（{step}）にしたもの' },
  'engine.robustDopri': { en: 'dopri5 (rtol {rtol}, atol {atol})', ja: 'dopri5（rtol {rtol}、atol {atol}）' },

  // job progress labels (training epoch records stay as they are: the renderer parses them)
  'engine.progressTraining': { en: 'training', ja: '学習中' },
  'engine.progressMetrics': { en: 'metrics', ja: '指標を計算中' },
  'engine.progressRobustness': { en: 'solver robustness', ja: 'ソルバーの頑健性を確認中' },
  'engine.progressTransporting': { en: 'transporting', ja: '輸送中' },
  'engine.progressTransportingChunk': { en: 'transporting chunk {index} of {count}', ja: '輸送中（{count} 個中 {index} 個目のチャンク）' },

  // run notes of training
  'engine.noteResumed': {
    en: 'Training resumed from epoch {epoch}: an interrupted run of this spec left a checkpoint after that epoch; the later epochs (of {epochs}) were trained in this run.',
    ja: '学習をエポック {epoch} から再開しました。同じ設定の中断された実行がそのエポックの後にチェックポイントを残していたため、それ以降のエポック（全 {epochs}）をこの実行で学習しました。'
  },
  'engine.noteResumedLayer': {
    en: 'Training resumed from epoch {epoch} of layer {index}: an interrupted run of this spec left a checkpoint after that epoch; the later epochs (of {epochs}) were trained in this run.',
    ja: '学習を層 {index} のエポック {epoch} から再開しました。同じ設定の中断された実行がそのエポックの後にチェックポイントを残していたため、それ以降のエポック（全 {epochs}）をこの実行で学習しました。'
  },
  'engine.noteResumedStage': {
    en: 'Training resumed from epoch {epoch} of stage {index}: an interrupted run of this spec left a checkpoint after that epoch; the later epochs (of {epochs}) were trained in this run.',
    ja: '学習を段階 {index} のエポック {epoch} から再開しました。同じ設定の中断された実行がそのエポックの後にチェックポイントを残していたため、それ以降のエポック（全 {epochs}）をこの実行で学習しました。'
  },
  'engine.noteCheckpointUnreadable': {
    en: 'A training checkpoint for this spec could not be read ({reason}); training started from scratch.',
    ja: 'この設定の学習チェックポイントを読み込めませんでした（{reason}）。学習は最初から行いました。'
  },
  'engine.noteCheckpointUnwritable': {
    en: 'A training checkpoint could not be written ({reason}); this run could not have been resumed.',
    ja: '学習チェックポイントを書き込めませんでした（{reason}）。この実行は中断されても再開できない状態でした。'
  },
  'engine.noteCheckpointIgnored': {
    en: 'A training checkpoint for this spec was ignored ({reason}); training started from scratch.',
    ja: 'この設定の学習チェックポイントは使いませんでした（{reason}）。学習は最初から行いました。'
  },
  'engine.noteClassification': {
    en: "Classification: the run transports the {n} points of {data} (labels are the classes); the spec's distribution is not used.",
    ja: '分類: この実行は {data} の {n} 点を輸送します（ラベルがクラスです）。設定の分布は使いません。'
  },
  'engine.noteAugmented': {
    en: "The state has {count} augmented coordinate(s) after the data's (ANODE), starting at 0.",
    ja: '状態にはデータの座標の後に {count} 個の拡張座標（ANODE）があり、初期値は 0 です。'
  },
  'engine.noteDatasetAllRows': {
    en: 'Dataset {id} has {rows} rows, fewer than the {count} particles asked for: all of them are used.',
    ja: 'データセット {id} は {rows} 行で、指定された粒子数 {count} より少ないため、すべての行を使いました。'
  },
  'engine.noteDatasetSubsample': {
    en: "{count} of the {rows} rows of dataset {id} were drawn (seeded by the spec's seed).",
    ja: 'データセット {id} の {rows} 行から {count} 行を抽出しました（設定のシードによる）。'
  },

  // checkpoints (reasons inside the notes above)
  'engine.checkpointWeightsMismatch': { en: 'its weights do not match the model', ja: '重みがモデルと一致しません' },
  'engine.checkpointStageMismatch': {
    en: 'it is for stage {stage}, the training has {stages}',
    ja: '段階 {stage} のものですが、この学習の段階は {stages} 個です'
  },
  'engine.checkpointDataMismatch': { en: 'its saved data does not match the training data', ja: '保存されたデータが学習データと一致しません' },
  'engine.checkpointBestEmpty': { en: 'its early-stopping weights are empty', ja: '早期終了用の重みが空です' },
  'engine.checkpointArrayBytes': { en: 'an array is not a whole number of float32 values', ja: '配列の長さが float32 値の整数個分になっていません' },
  'engine.checkpointNotOurs': { en: 'not a Nagare training checkpoint of this version', ja: 'このバージョンの Nagare の学習チェックポイントではありません' },
  'engine.checkpointOtherSpec': { en: 'it belongs to another spec', ja: '別の設定のものです' },
  'engine.checkpointChecksum': { en: 'its checksum does not match (the file is damaged)', ja: 'チェックサムが一致しません（ファイルが破損しています）' },
  'engine.checkpointContent': { en: 'its content is not valid ({path})', ja: '内容が正しくありません（{path}）' },
  'engine.checkpointSlotShape': { en: 'an optimizer slot does not match its shape', ja: 'オプティマイザの状態が形状と一致しません' },

  // training
  'engine.lossNotFinite': { en: 'training loss is not finite ({loss})', ja: '学習の損失が有限値ではありません（{loss}）' },

  // flows
  'engine.flowNeedsGaussian': {
    en: '{kind} needs a Gaussian or Gaussian-mixture distribution; use empirical-dae for sampled data',
    ja: '{kind} にはガウス分布または混合ガウス分布が必要です。サンプルデータには empirical-dae を使ってください'
  },
  'engine.depthPastSingular': {
    en: 'depth {depth} is at or past the singular time t* = {tStar} of the continuous DAE (min eigenvalue / 2)',
    ja: '深さ {depth} は連続 DAE の特異時刻 t* = {tStar}（最小固有値 / 2）以上です'
  },
  'engine.depthBelowSingular': { en: 'must be below the singular time {tStar}', ja: '特異時刻 {tStar} より小さくしてください' },
  'engine.flowIsTrained': {
    en: '{kind} is a trained flow: it runs through runTrainedExperiment',
    ja: '{kind} は学習する流れです。runTrainedExperiment で実行されます'
  },
  'engine.composedDepthOutside': {
    en: 'composed DAE asked for depth {t} outside [0, {total}]',
    ja: '合成 DAE に範囲 [0, {total}] の外の深さ {t} が要求されました'
  },
  'engine.continuousUndefined': {
    en: 'the continuous DAE is undefined at depth {t}: the pushforward becomes singular at t* = {tStar} (min eigenvalue / 2)',
    ja: '連続 DAE は深さ {t} で定義されません。押し出し分布は t* = {tStar}（最小固有値 / 2）で特異になります'
  },
  'engine.empiricalReferenceRows': {
    en: 'empirical DAE needs the {reference} reference rows at the top of the batch; got {rows} rows',
    ja: '経験 DAE にはバッチの先頭に参照行 {reference} 行が必要ですが、{rows} 行しかありません'
  },
  'engine.noteEmpiricalScore': {
    en: 'Empirical DAE: the score is estimated by Nadaraya-Watson on {reference} reference particles of the current cloud with bandwidth h = {bandwidth}; it is the score of the cloud smoothed by N(0, h I), so it is biased by the bandwidth and noisy for small reference sizes.',
    ja: '経験 DAE: スコアは現在の点群の参照粒子 {reference} 個から、バンド幅 h = {bandwidth} の Nadaraya-Watson 推定で求めています。これは点群を N(0, h I) で平滑化したもののスコアなので、バンド幅による偏りがあり、参照粒子が少ないとノイズが大きくなります。'
  },
  'engine.noteAntiDiffusive': {
    en: 'The flow is anti-diffusive (it runs the heat equation backwards): structure finer than the bandwidth, including sampling noise, grows up to about exp(0.74 depth / bandwidth), so with a small bandwidth the cloud breaks into clusters; keep the depth within a few bandwidths or use a larger bandwidth and reference.',
    ja: 'この流れは逆拡散的です（熱方程式を逆向きに解きます）。サンプリングノイズを含め、バンド幅より細かい構造は最大で約 exp(0.74 深さ / バンド幅) 倍に成長するため、バンド幅が小さいと点群はクラスタに分裂します。深さをバンド幅の数倍以内に抑えるか、バンド幅と参照粒子数を大きくしてください。'
  },
  'engine.noteComponentwise': {
    en: 'Composed DAE on a mixture: each layer is the exact posterior-mean map of a component-wise approximation (every component N(m_k, S_k) pushed through its own Gaussian shallow DAE, means and weights fixed), not of the true pushforward; the result is exact only for a single Gaussian.',
    ja: '混合分布上の合成 DAE: 各層は真の押し出し分布ではなく、成分ごとの近似（各成分 N(m_k, S_k) をそれぞれのガウス浅い DAE で押し出し、平均と重みは固定）に対する厳密な事後平均写像です。結果が厳密になるのは単一のガウス分布の場合だけです。'
  },

  // solvers
  'engine.stepBudget': {
    en: 'step budget of {maxSteps} steps exhausted at depth {depth} of {end}',
    ja: '深さ {depth}（終点 {end}）でステップ数の上限 {maxSteps} に達しました'
  },
  'engine.stepTooSmall': {
    en: 'step size {step} fell below the minimum step {minStep} at depth {depth}',
    ja: '深さ {depth} でステップ幅 {step} が最小ステップ幅 {minStep} を下回りました'
  },
  'engine.velocityNonFinite': {
    en: 'the velocity became NaN or infinite just past this depth (steps shrank below the minimum step)',
    ja: 'この深さの直後で速度が NaN または無限大になりました（ステップ幅が最小値を下回りました）'
  },
  'engine.positionsNonFinite': { en: 'positions became NaN or infinite', ja: '位置が NaN または無限大になりました' },
  'engine.positionsTooLarge': { en: 'max |x| = {max} exceeds {limit}', ja: 'max |x| = {max} が {limit} を超えました' },
  'engine.integrateNeedsDepth': { en: 'integrate needs at least one depth', ja: '積分には少なくとも 1 つの深さが必要です' },
  'engine.depthNotFinite': { en: 'depth {depth} is not finite', ja: '深さ {depth} が有限値ではありません' },
  'engine.depthsAscending': { en: 'depths must be ascending', ja: '深さは昇順でなければなりません' },

  // models
  'engine.modelJsonInvalid': { en: 'model.json is not valid JSON: {detail}', ja: 'model.json は正しい JSON ではありません: {detail}' },
  'engine.modelFormat': { en: 'model.json is not a {format} model', ja: 'model.json は {format} 形式のモデルではありません' },
  'engine.weightsTooShort': { en: 'weights.bin is too short for {name}', ja: 'weights.bin が {name} に対して短すぎます' },
  'engine.weightsTooLong': {
    en: 'weights.bin has {extra} values more than model.json describes',
    ja: 'weights.bin には model.json の記述より {extra} 個多い値があります'
  },

  // data
  'engine.covarianceWord': { en: 'covariance', ja: '共分散' },
  'engine.covarianceOfComponent': { en: 'covariance of component {k}', ja: '成分 {k} の共分散' },
  'engine.smoothedCovarianceOfComponent': { en: 'smoothed covariance of component {k}', ja: '成分 {k} の平滑化した共分散' },
  'engine.notPositiveDefinite': { en: '{what} is not positive definite', ja: '{what} が正定値ではありません' },
  'engine.gridCountsPerAxis': {
    en: 'particles.counts: give one count per axis ({dim})',
    ja: 'particles.counts: 軸ごとに 1 つずつ（{dim} 個）個数を指定してください'
  },
  'engine.gridBoundsPerAxis': {
    en: 'particles.bounds: give one [min, max] per axis ({dim})',
    ja: 'particles.bounds: 軸ごとに 1 つずつ（{dim} 個）[min, max] を指定してください'
  },
  'engine.pointCoordinates': {
    en: 'particles.points.{i}: point has {got} coordinates, expected {dim}',
    ja: 'particles.points.{i}: 点の座標が {got} 個ありますが、{dim} 個必要です'
  },
  'engine.cloudRowNonFinite': {
    en: '{path}: row {row} has a non-finite value ({value}); remove or fix it',
    ja: '{path}: {row} 行目に有限でない値（{value}）があります。削除するか修正してください'
  },
  'engine.cloudArrayShape': {
    en: '{path}: expected an array of shape [N, D] or [N], got [{shape}]',
    ja: '{path}: 形状 [N, D] または [N] の配列が必要ですが、[{shape}] でした'
  },
  'engine.cloudArrayEmpty': { en: '{path}: the array is empty (shape [{shape}])', ja: '{path}: 配列が空です（形状 [{shape}]）' },
  'engine.csvFieldCount': {
    en: '{path}: line {line} has {got} fields, expected {d}',
    ja: '{path}: {line} 行目の項目数は {got} ですが、{d} 個必要です'
  },
  'engine.csvNonFinite': {
    en: '{path}: line {line}, column {column} is {value}: every value must be a finite number',
    ja: '{path}: {line} 行目 {column} 列目が {value} です。すべての値は有限の数値でなければなりません'
  },
  'engine.csvEmptyField': { en: '{path}: line {line}, column {column}: empty field', ja: '{path}: {line} 行目 {column} 列目: 空の項目です' },
  'engine.csvNotNumber': {
    en: '{path}: line {line}, column {column}: {value} is not a number',
    ja: '{path}: {line} 行目 {column} 列目: {value} は数値ではありません'
  },
  'engine.csvNoRows': { en: '{path}: no data rows', ja: '{path}: データ行がありません' },
  'engine.cloudNotAFile': { en: '{path} is not a file', ja: '{path} はファイルではありません' },
  'engine.cloudCannotRead': { en: 'cannot read {path}: {detail}', ja: '{path} を読み込めません: {detail}' },
  'engine.cloudFileEmpty': { en: '{path} is empty', ja: '{path} は空です' },
  'engine.cloudNpyTooLarge': {
    en: '{path} is {size} bytes, over the {max}-byte limit for .npy input',
    ja: '{path} は {size} バイトで、.npy 入力の上限 {max} バイトを超えています'
  },
  'engine.cloudCsvTooLarge': {
    en: '{path} is {size} bytes, over the {max}-byte limit for CSV input (convert it to .npy)',
    ja: '{path} は {size} バイトで、CSV 入力の上限 {max} バイトを超えています（.npy に変換してください）'
  },

  // analysis
  'engine.optionNotInteger': { en: '{flag} must be an integer, got {value}', ja: '{flag} は整数でなければなりません（指定値 {value}）' },
  'engine.optionNotFinite': { en: '{flag} must be a finite number, got {value}', ja: '{flag} は有限の数値でなければなりません（指定値 {value}）' },
  'engine.optionAbove': { en: '{flag} must be greater than {min}, got {value}', ja: '{flag} は {min} より大きくなければなりません（指定値 {value}）' },
  'engine.optionAboveBelow': {
    en: '{flag} must be greater than {min} and below {max}, got {value}',
    ja: '{flag} は {min} より大きく {max} 未満でなければなりません（指定値 {value}）'
  },
  'engine.optionAtLeast': { en: '{flag} must be at least {min}, got {value}', ja: '{flag} は {min} 以上でなければなりません（指定値 {value}）' },
  'engine.optionAtLeastBelow': {
    en: '{flag} must be at least {min} and below {max}, got {value}',
    ja: '{flag} は {min} 以上 {max} 未満でなければなりません（指定値 {value}）'
  },
  'engine.firstCloud': { en: 'first cloud', ja: '1 つ目の点群' },
  'engine.secondCloud': { en: 'second cloud', ja: '2 つ目の点群' },
  'engine.cloudShape': {
    en: '{label}: {count} values do not form {n} points of dimension {d}',
    ja: '{label}: {count} 個の値では {d} 次元の点 {n} 個になりません'
  },
  'engine.cloudEmpty': { en: '{label}: no points', ja: '{label}: 点がありません' },
  'engine.cloudNonFinite': {
    en: '{label}: point {index} has a non-finite coordinate ({value})',
    ja: '{label}: 点 {index} に有限でない座標（{value}）があります'
  },
  'engine.unknownMetric': { en: 'unknown metric "{metric}" (one of {names})', ja: '不明な指標 "{metric}" です（{names} のいずれか）' },
  'engine.cloudDimensionsDiffer': {
    en: 'the clouds have different dimensions: {a} and {b}',
    ja: '点群の次元が異なります: {a} と {b}'
  },
  'engine.metricNeeds1d': {
    en: '{metric} needs 1-D clouds, these have dimension {d} (try sliced-w2)',
    ja: '{metric} には 1 次元の点群が必要ですが、この点群は {d} 次元です（sliced-w2 を試してください）'
  },
  'engine.metricNeedsPoints': {
    en: '{metric} needs at least {minA} points in the first cloud and {minB} in the second, got {a} and {b}',
    ja: '{metric} には 1 つ目の点群に {minA} 点以上、2 つ目に {minB} 点以上が必要ですが、{a} 点と {b} 点でした'
  },
  'engine.buresEmpty': { en: 'Bures W2 needs two non-empty clouds', ja: 'Bures W2 には空でない点群が 2 つ必要です' },
  'engine.energyTooFew': {
    en: 'the unbiased energy distance needs at least 2 points in each cloud',
    ja: '不偏エネルギー距離には各点群に 2 点以上が必要です'
  },
  'engine.entropyTooFew': { en: 'the kNN entropy needs at least 2 particles', ja: 'kNN エントロピーには 2 個以上の粒子が必要です' },
  'engine.kdTreeDimensions': { en: 'k-d tree supports 1 to 3 dimensions, got {d}', ja: 'k-d 木が扱えるのは 1～3 次元ですが、{d} 次元でした' },
  'engine.knnDivergenceTooFew': {
    en: 'the kNN divergence needs at least 2 points in the first cloud and 1 in the second',
    ja: 'kNN ダイバージェンスには 1 つ目の点群に 2 点以上、2 つ目に 1 点以上が必要です'
  },
  'engine.mmdTooFew': { en: 'the unbiased MMD needs at least 2 points in each cloud', ja: '不偏 MMD には各点群に 2 点以上が必要です' },
  'engine.sinkhornEmpty': { en: 'Sinkhorn needs two non-empty clouds', ja: 'Sinkhorn には空でない点群が 2 つ必要です' },
  'engine.sinkhornKernelTooLarge': {
    en: 'a {n} x {m} Sinkhorn kernel is too large: subsample the clouds',
    ja: '{n} x {m} の Sinkhorn カーネルは大きすぎます。点群を間引いてください'
  },
  'engine.sinkhornTooLarge': {
    en: 'a {n} x {m} Sinkhorn problem does not fit in 4 GiB: subsample the clouds',
    ja: '{n} x {m} の Sinkhorn 問題は 4 GiB に収まりません。点群を間引いてください'
  },
  'engine.sinkhornThreadSilent': { en: 'a Sinkhorn helper thread stopped answering', ja: 'Sinkhorn の補助スレッドが応答しなくなりました' },
  'engine.sinkhornThreadFailed': { en: 'a Sinkhorn helper thread failed', ja: 'Sinkhorn の補助スレッドが失敗しました' },
  'engine.wassersteinEmpty': { en: 'wasserstein distance needs two non-empty samples', ja: 'Wasserstein 距離には空でないサンプルが 2 つ必要です' },
  'engine.noteEntropyKnnAll': {
    en: 'Entropy was estimated with the Kozachenko-Leonenko kNN estimator (k = {k}) on all {n} particles.',
    ja: 'エントロピーは Kozachenko-Leonenko の kNN 推定量（k = {k}）で、全 {n} 個の粒子から推定しました。'
  },
  'engine.noteEntropyKnnSubsample': {
    en: 'Entropy was estimated with the Kozachenko-Leonenko kNN estimator (k = {k}) on a seeded subsample of {m} of the {n} particles.',
    ja: 'エントロピーは Kozachenko-Leonenko の kNN 推定量（k = {k}）で、{n} 個の粒子からシード付きで抽出した {m} 個を使って推定しました。'
  },
  'engine.noteEntropyTooFew': {
    en: 'Entropy needs at least two particles; it is reported as 0 for this run.',
    ja: 'エントロピーの推定には 2 個以上の粒子が必要です。この実行では 0 と表示しています。'
  },
  'engine.noteSlicedAll': {
    en: 'Sliced W2 uses {directions} seeded random directions.',
    ja: 'スライス W2 はシード付きのランダムな方向 {directions} 本を使います。'
  },
  'engine.noteSlicedSubsample': {
    en: 'Sliced W2 uses {directions} seeded random directions and a seeded subsample of {m} of the {n} particles (the same particles at every depth).',
    ja: 'スライス W2 はシード付きのランダムな方向 {directions} 本と、{n} 個の粒子からシード付きで抽出した {m} 個（どの深さでも同じ粒子）を使います。'
  },
  'engine.noteSpeed': {
    en: 'Speed: sliced W2 between consecutive depth samples (same directions and particles) divided by the depth step.',
    ja: '速さ: 隣り合う深さのサンプル間のスライス W2（同じ方向・同じ粒子）を深さの間隔で割った値です。'
  },
  'engine.noteKineticFieldAll': {
    en: "Kinetic energy: the flow's velocity field evaluated at the recorded positions of all {n} particles, mean |v|^2 integrated over depth by the trapezoid rule.",
    ja: '運動エネルギー: 全 {n} 個の粒子の記録位置で流れの速度場を評価し、平均 |v|^2 を台形則で深さ方向に積分した値です。'
  },
  'engine.noteKineticFieldSubsample': {
    en: "Kinetic energy: the flow's velocity field evaluated at the recorded positions of a seeded subsample of {m} of the {n} particles, mean |v|^2 integrated over depth by the trapezoid rule.",
    ja: '運動エネルギー: {n} 個の粒子からシード付きで抽出した {m} 個の記録位置で流れの速度場を評価し、平均 |v|^2 を台形則で深さ方向に積分した値です。'
  },
  'engine.noteKineticImplied': {
    en: "Kinetic energy: the implied velocity (x_{k+1} - x_k) / dt of the broken line through the recorded samples (all {n} particles), integrated exactly per step; it underestimates a curved path's energy between samples.",
    ja: '運動エネルギー: 記録したサンプルを結ぶ折れ線（全 {n} 個の粒子）の速度 (x_{k+1} - x_k) / dt をステップごとに厳密に積分した値です。サンプル間で曲がる経路のエネルギーは過小評価になります。'
  },
  'engine.noteMerging': {
    en: 'Merging: {pairs} seeded particle pairs; a pair starts apart when its input distance exceeds {startRatio} x the median input pair distance ({median}), and counts as merged where its distance is below {endRatio} x that median ({apart} pairs started apart).',
    ja: '併合: シード付きで選んだ粒子のペア {pairs} 個を使います。入力での距離が入力のペアの距離の中央値（{median}）の {startRatio} 倍を超えるペアを「離れて始まる」とし、距離がその中央値の {endRatio} 倍を下回った所で併合したとみなします（離れて始まったペアは {apart} 個）。'
  },
  'engine.noteSeparability': {
    en: 'Separability: tr(S_b) / tr(S_w) over {classes} mixture-component labels, all particles.',
    ja: '分離度: 混合成分のラベル {classes} 個に対する tr(S_b) / tr(S_w)、全粒子で計算しています。'
  },
  'engine.noteGaussianShape': {
    en: 'Gaussian shape: sigmas are square roots of the eigenvalues of the particle covariance; the reference curve is the W2 gradient flow of entropy (Sigma_0 - 2tI) started from the depth-0 sigmas.',
    ja: 'ガウス形状: sigma は粒子の共分散の固有値の平方根です。参照曲線は、深さ 0 の sigma から始めたエントロピーの W2 勾配流（Sigma_0 - 2tI）です。'
  },

  // engine host and browser-mode server (electron/host, electron/server)
  'engine.crashed': {
    en: 'The compute engine stopped unexpectedly ({reason}). It will be restarted on the next request.',
    ja: '計算エンジンが予期せず停止しました（{reason}）。次の要求で再起動されます。'
  },
  'engine.shutDownWhy': { en: 'The compute engine was shut down ({reason}).', ja: '計算エンジンは終了しました（{reason}）。' },
  'engine.shutDown': { en: 'The compute engine has been shut down.', ja: '計算エンジンは終了しています。' },
  'engine.notStartedWhy': { en: 'The compute engine could not be started: {detail}', ja: '計算エンジンを起動できませんでした: {detail}' },
  'engine.notStarted': { en: 'The compute engine could not be started.', ja: '計算エンジンを起動できませんでした。' },
  'engine.requestNotSent': { en: 'the request could not be sent to the engine: {detail}', ja: 'エンジンに要求を送れませんでした: {detail}' },
  'engine.unreadableMessage': { en: 'unreadable message: {detail}', ja: '読み取れないメッセージ: {detail}' },
  'engine.exitCode': { en: 'exit code {code}', ja: '終了コード {code}' },
  'engine.exitCodeWhy': { en: 'exit code {code}: {detail}', ja: '終了コード {code}: {detail}' },
  'engine.couldNotStart': { en: 'the engine could not start: {detail}', ja: 'エンジンを開始できませんでした: {detail}' },
  'engine.answerNotSent': { en: "the engine's answer could not be sent: {detail}", ja: 'エンジンの応答を送れませんでした: {detail}' },
  'engine.answerNotEncoded': { en: 'the answer could not be encoded: {detail}', ja: '応答を符号化できませんでした: {detail}' },
  'engine.requestsMustBeText': { en: 'requests must be JSON text frames', ja: '要求は JSON のテキストフレームで送ってください' },
  'engine.tooManyRequests': { en: 'too many requests in flight (at most {max})', ja: '処理中の要求が多すぎます（最大 {max}）' }
} as const satisfies Catalog
