// Subscribes a component to the live metrics buffer: it re-renders at most once per animation frame.
import { useSyncExternalStore } from "react";
import { labMetrics } from "./lab-store";

/** The buffer's version; read labMetrics.metrics() / rollouts() during the render it causes. */
export function useLiveMetricsVersion(): number {
  return useSyncExternalStore(labMetrics.subscribe, labMetrics.version);
}
