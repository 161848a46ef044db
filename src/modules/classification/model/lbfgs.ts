/**
 * Limited-memory BFGS with a backtracking (Armijo) line search. Chosen over SGD because the
 * regularised logistic loss is convex: L-BFGS reaches its unique optimum with no learning rate
 * or shuffling to tune, which makes training reproducible bit for bit.
 *
 * A generator: it yields after every iteration so a caller can pause between them (background
 * retraining stays off the request path) and returns the best parameters.
 */
/** Loss at x, gradient into grad; a generator too, so one evaluation can pause part-way. */
export type Objective = (x: Float64Array, grad: Float64Array) => Generator<void, number>;

export interface LbfgsOptions {
  maxIterations: number;
  memory?: number;
  /** Stop when the loss improves by less than this (relative) over 5 iterations. */
  tolerance?: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function* lbfgs(f: Objective, x0: Float64Array, options: LbfgsOptions): Generator<void, Float64Array> {
  const m = options.memory ?? 8;
  const tol = options.tolerance ?? 1e-5;
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let fx = yield* f(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const history: number[] = [fx];

  for (let iter = 0; iter < options.maxIterations; iter++) {
    // Two-loop recursion: dir = -H g.
    dir.set(g);
    const alpha: number[] = new Array<number>(s.length);
    for (let i = s.length - 1; i >= 0; i--) {
      alpha[i] = rho[i] * dot(s[i], dir);
      for (let j = 0; j < n; j++) dir[j] -= alpha[i] * y[i][j];
    }
    const gamma = s.length
      ? dot(s[s.length - 1], y[y.length - 1]) / dot(y[y.length - 1], y[y.length - 1])
      : 1;
    for (let j = 0; j < n; j++) dir[j] *= gamma;
    for (let i = 0; i < s.length; i++) {
      const beta = rho[i] * dot(y[i], dir);
      for (let j = 0; j < n; j++) dir[j] += s[i][j] * (alpha[i] - beta);
    }
    for (let j = 0; j < n; j++) dir[j] = -dir[j];
    let slope = dot(dir, g);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let j = 0; j < n; j++) dir[j] = -g[j];
      slope = dot(dir, g);
    }
    let step = iter === 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < n; j++) xNew[j] = x[j] + step * dir[j];
      fNew = yield* f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) break;
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      sk[j] = xNew[j] - x[j];
      yk[j] = gNew[j] - g[j];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > m) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
    history.push(fx);
    yield;
    const past = history[history.length - 6];
    if (past !== undefined && (past - fx) / Math.max(Math.abs(fx), 1e-12) < tol) break;
  }
  return x;
}
