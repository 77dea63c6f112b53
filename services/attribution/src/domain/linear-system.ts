/**
 * Solves A x = b by Gaussian elimination with partial pivoting (A dense, n x n, row-major; both are
 * overwritten). Written by hand: the chains solved here have at most a few thousand states and the
 * repo has no numeric library; pivoting keeps it stable for the diagonally dominant (I - Q) systems
 * of absorbing Markov chains.
 */
export const solveLinear = (a: Float64Array, b: Float64Array, n: number): Float64Array => {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    let best = Math.abs(a[col * n + col] ?? 0);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(a[r * n + col] ?? 0);
      if (v > best) {
        best = v;
        pivot = r;
      }
    }
    if (best < 1e-300) throw new RangeError('singular system');
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const t = a[col * n + c] ?? 0;
        a[col * n + c] = a[pivot * n + c] ?? 0;
        a[pivot * n + c] = t;
      }
      const t = b[col] ?? 0;
      b[col] = b[pivot] ?? 0;
      b[pivot] = t;
    }
    const d = a[col * n + col] ?? 1;
    for (let r = col + 1; r < n; r++) {
      const f = (a[r * n + col] ?? 0) / d;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c] = (a[r * n + c] ?? 0) - f * (a[col * n + c] ?? 0);
      b[r] = (b[r] ?? 0) - f * (b[col] ?? 0);
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r] ?? 0;
    for (let c = r + 1; c < n; c++) s -= (a[r * n + c] ?? 0) * (x[c] ?? 0);
    x[r] = s / (a[r * n + r] ?? 1);
  }
  return x;
};
