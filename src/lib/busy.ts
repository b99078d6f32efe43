// A module-level "do not reload now" guard: work that a page reload would destroy (an answer being
// generated, a training run) marks itself busy, and the app's update prompt waits until it clears.
//
//   setBusy("answer");  try { ...stream the answer... } finally { clearBusy("answer"); }
//
// It lives in lib, not app, because features set it and features may not import the app.

type Listener = () => void;

const reasons = new Set<string>();
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Marks work in progress; `reason` is a short phrase a user can read ("answering a question"). */
export function setBusy(reason: string): void {
  if (reasons.has(reason)) return;
  reasons.add(reason);
  notify();
}

/** Clears one reason, or every reason when called without one. */
export function clearBusy(reason?: string): void {
  const changed = reason === undefined ? reasons.size > 0 : reasons.has(reason);
  if (reason === undefined) reasons.clear();
  else reasons.delete(reason);
  if (changed) notify();
}

/** The oldest reason still set, or null when nothing is in progress. */
export function busyReason(): string | null {
  for (const reason of reasons) return reason;
  return null;
}

/** Calls `listener` whenever the busy state changes; returns the unsubscribe function. */
export function subscribeBusy(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
