// Pause, resume and stop for a training loop that checks in between steps (the Trainer, the Lab's
// worker session).

export type RunState = "running" | "paused" | "stopped";

/** Pause, resume and stop a run between steps. */
export class TrainingControl {
  private current: RunState = "running";
  private wake: (() => void) | null = null;
  get state(): RunState {
    return this.current;
  }
  pause(): void {
    if (this.current === "running") this.current = "paused";
  }
  resume(): void {
    if (this.current === "paused") this.current = "running";
    this.wake?.();
  }
  stop(): void {
    this.current = "stopped";
    this.wake?.();
  }
  /** Resolves once running or stopped; returns false when stopped. */
  async proceed(): Promise<boolean> {
    while (this.current === "paused") await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
    return this.current === "running";
  }
}
