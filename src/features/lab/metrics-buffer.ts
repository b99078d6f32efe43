// The live run's metrics and rollouts, kept outside React: the worker's batches are appended here
// and subscribers hear about them at most once per animation frame (useSyncExternalStore reads it).
import type { TrainRollout } from "../../adapters/nn/train-protocol";
import type { StepMetrics } from "../../adapters/nn/trainer";

const MAX_ROLLOUTS = 40;

export interface MetricsBuffer {
  /** Bumped on every change; the snapshot React compares. */
  version(): number;
  metrics(): readonly StepMetrics[];
  /** Newest first. */
  rollouts(): readonly TrainRollout[];
  push(metrics: readonly StepMetrics[], rollouts: readonly TrainRollout[]): void;
  reset(history?: readonly StepMetrics[]): void;
  /** Listeners are called in the animation frame after a change, once per frame however many batches came. */
  subscribe(listener: () => void): () => void;
}

export function createMetricsBuffer(schedule: (run: () => void) => void = (run) => requestAnimationFrame(run)): MetricsBuffer {
  let version = 0;
  let metrics: StepMetrics[] = [];
  let rollouts: TrainRollout[] = [];
  let framePending = false;
  const listeners = new Set<() => void>();

  const changed = () => {
    version++;
    if (framePending) return;
    framePending = true;
    schedule(() => {
      framePending = false;
      for (const listener of listeners) listener();
    });
  };

  return {
    version: () => version,
    metrics: () => metrics,
    rollouts: () => rollouts,
    push(newMetrics, newRollouts) {
      if (newMetrics.length === 0 && newRollouts.length === 0) return;
      // New arrays, so a component holding the previous snapshot never sees it change under it.
      metrics = metrics.concat(newMetrics);
      rollouts = [...newRollouts.slice().reverse(), ...rollouts].slice(0, MAX_ROLLOUTS);
      changed();
    },
    reset(history = []) {
      metrics = history.slice();
      rollouts = [];
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
