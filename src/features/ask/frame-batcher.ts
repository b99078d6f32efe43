// Batches streamed text per animation frame: deltas arrive per token, the UI updates once a frame
// with everything that arrived since the last one.

export type FrameScheduler = (callback: () => void) => () => void;

/** requestAnimationFrame where there is one (the page), a 16 ms timer elsewhere. */
export const animationFrame: FrameScheduler = (callback) => {
  if (typeof requestAnimationFrame === "function") {
    const id = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
};

export class FrameBatcher {
  private pending = "";
  private cancel: (() => void) | null = null;

  /** `onFlush` receives the text that arrived since the previous flush (never empty). */
  constructor(
    private readonly onFlush: (text: string) => void,
    private readonly schedule: FrameScheduler = animationFrame,
  ) {}

  /** Adds a delta; the first one after a flush schedules the next. */
  push(text: string): void {
    if (text === "") return;
    this.pending += text;
    this.cancel ??= this.schedule(() => {
      this.cancel = null;
      this.flush();
    });
  }

  /** Delivers what is pending now (at the end of a stream) and cancels the scheduled frame. */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.pending === "") return;
    const text = this.pending;
    this.pending = "";
    this.onFlush(text);
  }
}
