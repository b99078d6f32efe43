// React view of the busy guard in src/lib/busy.ts: the current reason, or null when idle.
import { useSyncExternalStore } from "react";
import { busyReason, subscribeBusy } from "../lib/busy";

export function useBusyReason(): string | null {
  return useSyncExternalStore(subscribeBusy, busyReason);
}
