// Small dense symmetric-matrix helpers (D <= 3 in practice) used to validate specs before any work:
// positive definiteness and the smallest eigenvalue that fixes a continuous DAE's singular time.
export type Matrix = number[][]

export function isSquare(a: Matrix, n: number): boolean {
  return a.length === n && a.every((row) => row.length === n)
}

export function isSymmetric(a: Matrix, tol = 1e-9): boolean {
  const n = a.length
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const scale = Math.max(1, Math.abs(a[i][j]), Math.abs(a[j][i]))
      if (Math.abs(a[i][j] - a[j][i]) > tol * scale) return false
    }
  return true
}

/** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations, ascending. */
export function symmetricEigenvalues(a: Matrix): number[] {
  return symmetricEigen(a).values
}

/** Eigen-decomposition of a symmetric matrix: values ascending, vectors as columns of `vectors`. */
export function symmetricEigen(a: Matrix): { values: number[]; vectors: Matrix } {
  const n = a.length
  const m = a.map((row) => row.slice())
  const v: Matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i][j] * m[i][j]
    if (off < 1e-30) break
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p][q]) < 1e-300) continue
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q])
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p]
          const mkq = m[k][q]
          m[k][p] = c * mkp - s * mkq
          m[k][q] = s * mkp + c * mkq
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k]
          const mqk = m[q][k]
          m[p][k] = c * mpk - s * mqk
          m[q][k] = s * mpk + c * mqk
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p]
          const vkq = v[k][q]
          v[k][p] = c * vkp - s * vkq
          v[k][q] = s * vkp + c * vkq
        }
      }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i][i] - m[j][j])
  return {
    values: order.map((i) => m[i][i]),
    vectors: Array.from({ length: n }, (_, r) => order.map((i) => v[r][i]))
  }
}

export function minEigenvalue(a: Matrix): number {
  return symmetricEigenvalues(a)[0]
}
