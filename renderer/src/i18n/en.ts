// English messages: the reference set; ja.ts must have exactly the same keys (checked by a unit test).
export default {
  app: {
    tagline: 'Transport analysis of deep networks',
    backend: 'Backend',
    available: 'Available on this machine: {list}',
    mode: { desktop: 'desktop', browser: 'browser mode', 'in-process': 'in-process' },
    engineUnavailable: 'Engine unavailable',
    connecting: 'Connecting to the engine…',
    language: 'Language',
    languages: { en: 'English', ja: '日本語' }
  },
  presets: {
    paper44: {
      title: '(44) One elongated Gaussian',
      desc: 'N(0, diag(2, 1)) in 2-D, twice as wide along x. The continuous DAE contracts it until it flattens onto a line at t* = 0.5.'
    },
    paper45: {
      title: '(45) Two equal Gaussians',
      desc: 'Unit Gaussians at (−1, 0) and (1, 0) with equal weights. Particles gather toward the nearer centre.'
    },
    paper46: {
      title: '(46) Two Gaussians, unequal weights',
      desc: 'The same two Gaussians weighted 0.2 and 0.8: the boundary between them moves toward the lighter one.'
    },
    paper47: {
      title: '(47) Unequal weights and shapes',
      desc: '0.2 N((−1, 0), I) + 0.8 N((1, 0), diag(2, 1)): the heavier component is also wider.'
    },
    normal1d: {
      title: 'Standard normal (1-D)',
      desc: 'N(0, 1) on a line, drawn against depth. Particles move toward 0 and collapse at t* = 0.5.'
    },
    gaussian3d: {
      title: 'Correlated Gaussian (3-D)',
      desc: 'A tilted 3-D Gaussian cloud: it contracts fastest along its narrowest direction.'
    },
    swissRoll2d: {
      title: 'Swiss roll (2-D)',
      desc: 'A noisy spiral known only through samples: no closed form, so the empirical DAE is used.'
    },
    swissRoll3d: {
      title: 'Swiss roll (3-D)',
      desc: 'The rolled-up sheet in 3-D, known only through samples: the empirical DAE is used.'
    }
  },
  wizard: {
    title: 'DAE transport',
    steps: { distribution: 'Data', flow: 'Flow', particles: 'Particles', integration: 'Depth' },
    stepOf: 'Step {i} of {n}: {name}',
    specJson: 'The spec (JSON), as `nagare run` reads it',
    saveSpec: 'Save as JSON',
    back: 'Back',
    next: 'Next',
    run: 'Run',
    otherSteps: 'Some settings in other steps need attention:',
    distribution: {
      title: 'Data distribution',
      intro: 'Choose the distribution whose particles the network transports.',
      custom: 'Edit parameters',
      customDesc: 'A Gaussian mixture of your own in 1 to 3 dimensions (starts from the chosen example).',
      dimension: 'Dimension',
      component: 'Component {k}',
      removeComponent: 'Remove',
      removeComponentN: 'Remove component {k}',
      addComponent: 'Add component',
      weight: 'Weight',
      mean: 'Mean',
      covariance: 'Covariance',
      meanEntry: 'Component {k} mean, coordinate {i}',
      covEntry: 'Component {k} covariance, row {i}, column {j}'
    },
    flow: {
      title: 'Flow',
      sampledOnly: 'This data is known only through samples, so only the empirical DAE applies.',
      datasetFlows:
        'On an imported dataset the continuous, shallow and composed DAEs follow a Gaussian mixture fitted to its rows, and the trained and empirical DAEs learn from the rows themselves.',
      components: 'Mixture components K',
      componentsHint:
        'A mixture of K Gaussians (1 to 16) is fitted to the rows by EM (to 20,000 of them past that); the flow is that mixture’s. K = 1: the sample mean and covariance.',
      fitting: 'Fitting the mixture to the rows…',
      fitRows: '{n} rows',
      fitRowsSome: '{n} of its {total} rows (a seeded subsample)',
      fitted:
        'Fitted to {rows}: K = {k}, log-likelihood {ll} per row, converged after {iterations} EM iterations. Singular time t* = {t}: the depth must stay below it.',
      fittedCapped:
        'Fitted to {rows}: K = {k}, log-likelihood {ll} per row, stopped at the cap of {iterations} EM iterations. Singular time t* = {t}: the depth must stay below it.',
      // the shallow and composed DAEs: no singular time bounds their depth
      fittedMap: 'Fitted to {rows}: K = {k}, log-likelihood {ll} per row, converged after {iterations} EM iterations.',
      fittedMapCapped: 'Fitted to {rows}: K = {k}, log-likelihood {ll} per row, stopped at the cap of {iterations} EM iterations.',
      continuous: {
        title: 'Continuous DAE (infinitely deep)',
        desc: 'Particles follow the score of the current distribution: entropy decreases fastest. Exact for Gaussian mixtures.'
      },
      shallow: {
        title: 'Shallow DAE (one layer)',
        desc: 'A single denoising autoencoder trained with noise variance t: the position at depth t is its output.'
      },
      composed: {
        title: 'Composed DAE (L layers)',
        desc: 'L shallow DAEs in a row, each with noise t / L. More layers approach the continuous DAE.'
      },
      trained: {
        title: 'Trained shallow DAE',
        desc: 'A network trained on noisy samples (noise t = the depth) to denoise them; compared in the run with the closed form it should learn.'
      },
      trainedComposed: {
        title: 'Trained composed DAE (L layers)',
        desc: 'L networks trained one after another, each on the previous output with noise t / L; compared with the composed DAE closed form.'
      },
      empirical: {
        title: 'Empirical DAE (from samples)',
        desc: 'The continuous DAE of the particle cloud itself, its score estimated by a Gaussian kernel.'
      },
      layers: 'Layers L',
      layersHint: 'Each layer adds noise variance depth / L.',
      bandwidth: 'Kernel bandwidth',
      bandwidthHint: 'Variance of the Gaussian kernel that smooths the sampled cloud.',
      referenceSize: 'Reference sample size',
      referenceSizeHint: 'Particles used to estimate the score at each step.'
    },
    particles: {
      title: 'Particles',
      sample: { title: 'Random sample', desc: 'Particles drawn from the distribution (repeatable with the seed).' },
      grid: { title: 'Regular grid', desc: 'Evenly spaced points covering ±3 standard deviations.' },
      count: 'Number of particles',
      perAxis: 'Points per axis',
      gridHint: '{total} particles in {d} dimension(s).',
      seed: 'Seed',
      seedHint: 'The same seed gives the same particles.'
    },
    integration: {
      title: 'Depth and integration',
      depth: 'Depth T',
      depthHint: 'Total noise variance, the transport time.',
      solver: 'Solver',
      stepSize: 'Step size h',
      samples: 'Recorded depths',
      samplesHint: 'Positions are kept at this many evenly spaced depths from 0 to T.',
      advanced: 'Advanced',
      toleranceOnlyAdaptive: 'Tolerances apply to the adaptive solver (Dormand–Prince) only.',
      rtol: 'Relative tolerance',
      atol: 'Absolute tolerance',
      name: 'Run name'
    },
    cost: {
      title: 'Estimated cost',
      singular: 'Singular time of the continuous DAE: t* = {t}. The depth must stay below it.',
      particles: 'Particles',
      steps: 'Steps',
      stepsBudget: 'Step budget',
      particleSteps: 'Particles × steps',
      upTo: 'up to {v}',
      evaluations: 'Field evaluations',
      perStep: '{stages} per particle step',
      memory: 'Trajectory memory',
      fixErrors: 'Fix the highlighted fields to see the cost.'
    }
  },
  solvers: {
    euler: 'Euler (order 1)',
    heun: 'Heun (order 2)',
    rk4: 'Runge–Kutta 4',
    dopri5: 'Dormand–Prince 5(4), adaptive'
  },
  errors: {
    'invalid-request': 'The request was malformed.',
    'invalid-spec': 'The engine refused these settings.',
    'not-found': 'That run could not be found.',
    'unreadable-run': 'That run could not be read.',
    busy: 'The engine is busy with another job. Try again when it finishes.',
    cancelled: 'The run was cancelled.',
    'blow-up': 'The integration blew up: positions became infinite or not a number.',
    budget: 'The run exceeded a budget (steps or memory).',
    'engine-crashed': 'The compute engine stopped unexpectedly.',
    io: 'The run could not be saved or read from disk.',
    internal: 'Something went wrong in the engine.'
  },
  progress: {
    starting: 'Starting…',
    running: 'Running: {percent}%',
    label: 'Run progress',
    depth: 'depth {depth}',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    loading: 'Loading the results…',
    retry: 'Retry',
    dismiss: 'Dismiss',
    cancelled: 'The run was cancelled. Nothing was saved.'
  },
  results: {
    title: 'Results',
    empty: 'Run an experiment to see its particles move through depth.',
    controls: 'View and run controls',
    play: 'Play',
    pause: 'Pause',
    depth: 'Depth',
    depthValue: 't = {depth} of {max}',
    rerunTitle: 'Change and re-run',
    rerun: 'Re-run',
    summary: 'Run summary',
    notes: 'How these numbers were estimated ({n})',
    backend: 'Backend',
    flow: 'Flow',
    particles: 'Particles',
    nfe: 'Field evaluations',
    steps: 'Steps',
    acceptedRejected: '{accepted} accepted, {rejected} rejected',
    wall: 'Time',
    seconds: '{s} s',
    entropy: 'Entropy',
    entropyMethod: { 'closed-form': 'closed form', knn: 'kNN estimate' },
    w2End: 'Sliced W₂ to input (end)',
    singularTime: 'Singular time t*',
    colorBy: 'Colour by',
    color: { component: 'Mixture component', initial: 'Initial position' },
    resetCamera: 'Reset camera',
    saveImage: 'Save image'
  },
  charts: {
    entropy: 'Entropy H (nats)',
    slicedW2ToInput: 'Sliced W₂ to the input',
    depth: 'depth t'
  },
  history: {
    title: 'Previous runs ({n})',
    empty: 'No runs yet.',
    unreadable: 'unreadable'
  },
  trajectory: {
    viewLabel: '3-D view of the particle trajectories. Keys: R resets the camera, 1 front view, 2 top view, 3 side view, arrow keys orbit.',
    keysHint: 'Keys: R reset · 1 front · 2 top · 3 side · ←↑→↓ orbit',
    depth: 'depth t = {depth} of {max}',
    playing: '(playing)',
    noWebgl2:
      'This view needs WebGL2, which is not available here ({reason}). Enable hardware acceleration, or in Chromium allow the SwiftShader software renderer.',
    noContext: 'no WebGL2 context could be created',
    startFailed: 'The 3-D view could not start: {message}',
    loadFailed: 'Cannot show these trajectories: {message}',
    contextLost: 'The graphics context was lost; waiting for the browser to restore it.',
    empty: 'No trajectories to show yet: run an experiment.',
    axis: { x: 'x', y: 'y', z: 'z', depth: 'depth t' },
    axes: {
      xRight: 'x: right',
      xHorizontal: 'x: horizontal',
      yInto: 'y: into the view',
      zUp: 'z: up',
      depthLine: 'depth t: up (the line marks the current depth)',
      depthPlane: 'depth t: up (the plane marks the current depth)',
      trails: 'trails: the last few depth samples'
    },
    key: {
      initial: 'colour: initial x (depth 0)',
      component: 'colour: mixture component',
      classes: 'colour: class',
      componentRepeat: 'colour: mixture component ({k}; colours repeat after {n})',
      single: 'one colour (this run has no mixture components)',
      allParticles: 'all particles',
      componentN: 'component {k}'
    },
    notes: {
      points: 'points: {shown} of {total} particles (GPU memory budget)',
      lines: 'lines: {shown} of {total} trajectories',
      linesAll: 'lines: all {total} trajectories',
      trails: 'trails: {shown} of {total} particles',
      trailsAll: 'trails: all {total} particles'
    }
  }
}
