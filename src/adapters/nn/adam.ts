// Adam with global-norm gradient clipping over any pytree of jax-js arrays, in a few lines (there
// is no optimiser package for jax-js on npm). Meant to run inside the jitted train step; the
// bias-corrected step size comes in as an array so changing it does not trace the step again.
import { numpy as np, tree, type JsTree } from "@jax-js/jax";

export interface AdamConfig {
  beta1: number;
  beta2: number;
  eps: number;
  /** Gradients are scaled down to this global L2 norm; Infinity switches clipping off. */
  maxGradNorm: number;
}

export const DEFAULT_ADAM: Readonly<AdamConfig> = Object.freeze({ beta1: 0.9, beta2: 0.999, eps: 1e-8, maxGradNorm: 1 });

/** First and second moments, shaped like the params. */
export type AdamState<P> = { m: P; v: P };

type Tree = JsTree<np.Array>;

/** Zero moments for params (the params are not consumed). */
export function adamInit<P extends Tree>(params: P): AdamState<P> {
  const zeros = (): P => tree.map((x: np.Array) => np.zeros(x.shape), params) as unknown as P;
  return { m: zeros(), v: zeros() };
}

/** The bias-corrected step size of 1-based step t: lr sqrt(1 - beta2^t) / (1 - beta1^t). */
export function adamStepSize(learningRate: number, t: number, config: AdamConfig = DEFAULT_ADAM): number {
  return (learningRate * Math.sqrt(1 - config.beta2 ** t)) / (1 - config.beta1 ** t);
}

/**
 * One Adam update; consumes params, grads, state and stepSize ([] float32). Returns the new params
 * and state and the global gradient norm before clipping ([]).
 */
export function adamUpdate<P extends Tree>(
  params: P,
  grads: P,
  state: AdamState<P>,
  stepSize: np.Array,
  config: AdamConfig,
): { params: P; state: AdamState<P>; gradNorm: np.Array } {
  const { beta1, beta2, eps, maxGradNorm } = config;
  const squares = tree.leaves(tree.ref(grads)).map((g) => np.sum(np.square(g)));
  const gradNorm = np.sqrt(squares.reduce((a, b) => a.add(b))); // []
  const scale = Number.isFinite(maxGradNorm) ? np.minimum(1, np.reciprocal(gradNorm.ref.add(1e-6)).mul(maxGradNorm)) : np.array(1);
  const pLeaves = tree.leaves(params);
  const gLeaves = tree.leaves(grads);
  const mLeaves = tree.leaves(state.m);
  const vLeaves = tree.leaves(state.v);
  const structure = tree.structure(state.m);
  const newP: np.Array[] = [];
  const newM: np.Array[] = [];
  const newV: np.Array[] = [];
  pLeaves.forEach((p, i) => {
    const g = (gLeaves[i] as np.Array).mul(scale.ref);
    const m = (mLeaves[i] as np.Array).mul(beta1).add(g.ref.mul(1 - beta1));
    const v = (vLeaves[i] as np.Array).mul(beta2).add(np.square(g).mul(1 - beta2));
    newP.push(p.sub(m.ref.mul(stepSize.ref).div(np.sqrt(v.ref).add(eps))));
    newM.push(m);
    newV.push(v);
  });
  scale.dispose();
  stepSize.dispose();
  const rebuild = (leaves: np.Array[]): P => tree.unflatten(structure, leaves) as P;
  return { params: rebuild(newP), state: { m: rebuild(newM), v: rebuild(newV) }, gradNorm };
}
