// Layout of a run's trajectories in one float texture: texel i = sample * n + particle (the order of
// TrajectoryData itself, so a 1-3-D run is uploaded with one copy, no repacking), wrapped into rows.
// The vertex shaders repeat texelOf() in GLSL; these functions are its CPU mirror.

/** Bytes of GPU memory the position texture may take; larger runs show an even subsample of particles. */
export const GPU_BUDGET_BYTES = 256 * 1024 * 1024
/** Row width of the texture when the device allows it (any width works; this keeps rows cache-friendly). */
export const PREFERRED_WIDTH = 4096

export interface UploadPlan {
  /** samples S and displayed particles n (n <= N) */
  samples: number
  count: number
  /** particles in the run */
  total: number
  /** data dimension D and texture channels C = min(D, 3) (R, RG or RGB float) */
  dim: number
  channels: 1 | 2 | 3
  width: number
  height: number
  /** indices of the displayed particles when subsampled, else null (all, in order) */
  particles: Int32Array | null
}

export const texelIndex = (sample: number, particle: number, count: number): number => sample * count + particle

export function texelOf(index: number, width: number): [number, number] {
  return [index % width, Math.floor(index / width)]
}

/** Evenly spaced, sorted, distinct indices of m = min(n, budget) of n items (all of them when n <= budget). */
export function evenSubsample(n: number, budget: number): Int32Array {
  const m = Math.max(0, Math.min(n, Math.floor(budget)))
  const out = new Int32Array(m)
  for (let i = 0; i < m; i++) out[i] = Math.floor((i * n) / m)
  return out
}

/**
 * The same particles reordered so that every prefix is spread over the whole list (bit-reversed index
 * order): drawing only the first k lines still samples all of the cloud, not its first k particles.
 */
export function spreadOrder(chosen: Int32Array): Int32Array {
  const m = chosen.length
  let bits = 0
  while (1 << bits < m) bits++
  const out = new Int32Array(m)
  let o = 0
  for (let i = 0; i < 1 << bits; i++) {
    let r = 0
    for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b)
    if (r < m) out[o++] = chosen[r]
  }
  return out
}

/** How many particles fit, and the texture size, given the device's maximum texture size. */
export function planUpload(shape: readonly [number, number, number], maxTextureSize: number, budgetBytes = GPU_BUDGET_BYTES): UploadPlan {
  const [samples, total, dim] = shape
  if (samples < 1 || total < 1 || dim < 1) throw new Error(`empty trajectories (shape ${shape.join('x')})`)
  const channels = Math.min(dim, 3) as 1 | 2 | 3
  const maxTexels = Math.min(maxTextureSize * maxTextureSize, Math.floor(budgetBytes / (4 * channels)))
  const count = Math.min(total, Math.floor(maxTexels / samples))
  if (count < 1) throw new Error(`${samples} depth samples do not fit in a ${maxTextureSize}px texture`)
  const texels = samples * count
  const width = Math.min(texels, maxTextureSize, PREFERRED_WIDTH)
  let height = Math.ceil(texels / width)
  // a width capped at PREFERRED_WIDTH may need more rows than the device has: widen instead
  const w = height > maxTextureSize ? Math.min(maxTextureSize, texels) : width
  height = Math.ceil(texels / w)
  return {
    samples,
    count,
    total,
    dim,
    channels,
    width: w,
    height,
    particles: count < total ? evenSubsample(total, count) : null
  }
}

/**
 * The texture's data: width * height * channels floats. For D <= 3 and all particles this is the run's
 * own array, padded to whole rows by one copy; otherwise the displayed particles and first 3 axes are gathered.
 */
export function packPositions(data: Float32Array, plan: UploadPlan): Float32Array {
  const { samples, count, total, dim, channels, width, height, particles } = plan
  if (data.length < samples * total * dim) throw new Error(`trajectory data has ${data.length} values, expected ${samples * total * dim}`)
  const out = new Float32Array(width * height * channels)
  if (particles === null && dim === channels) {
    out.set(data.length === samples * total * dim ? data : data.subarray(0, samples * total * dim))
    return out
  }
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < count; j++) {
      const p = particles === null ? j : particles[j]
      const src = (s * total + p) * dim
      const dst = (s * count + j) * channels
      for (let c = 0; c < channels; c++) out[dst + c] = data[src + c]
    }
  }
  return out
}

/** The position of displayed particle j at sample s, read back from a packed texture (CPU mirror of fetchRaw). */
export function readTexel(packed: Float32Array, plan: UploadPlan, sample: number, particle: number): number[] {
  const [x, y] = texelOf(texelIndex(sample, particle, plan.count), plan.width)
  const base = (y * plan.width + x) * plan.channels
  const out = [0, 0, 0]
  for (let c = 0; c < plan.channels; c++) out[c] = packed[base + c]
  return out
}
