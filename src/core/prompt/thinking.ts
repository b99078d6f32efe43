// Splits a streamed reply into its <think> block and its answer, chunk by chunk: the tags may be
// split across chunks anywhere, the block may be absent, or left open when generation was stopped.

const OPEN = "<think>";
const CLOSE = "</think>";

/** Where the parser is in the reply. */
export type ThinkingPhase = "pending" | "thinking" | "answer";

/** The reply so far. Both texts are trimmed; each is a prefix of its final value at every step. */
export interface ThinkingState {
  /** The reasoning inside <think>…</think> ("" when there is none). */
  thinking: string;
  /** The text after </think>, or the whole reply when it has no think block. */
  answer: string;
  /** "pending" while only whitespace or a partial "<think>" has arrived. */
  phase: ThinkingPhase;
  /** Whether a think block was opened. */
  hasThinking: boolean;
  /** Whether the think block was closed; false for a reply stopped mid-thought. */
  thinkingClosed: boolean;
  /** Whether finish() was called. */
  done: boolean;
}

export interface ThinkingParserOptions {
  /**
   * Whether the reply starts inside a think block already opened by the prompt (templates that end
   * the generation prompt with "<think>\n"). Qwen3 under web-llm opens it itself: leave false.
   */
  startsInThinking?: boolean;
}

/** Length of the longest proper prefix of `tag` that `text` ends with. */
function partialTagSuffix(text: string, tag: string): number {
  for (let k = Math.min(text.length, tag.length - 1); k > 0; k--) {
    if (tag.startsWith(text.slice(text.length - k))) return k;
  }
  return 0;
}

/** Incremental parser: feed it each delta of the stream with push(), then call finish(). */
export class ThinkingParser {
  private phase: ThinkingPhase;
  private opened: boolean;
  private closed = false;
  private done = false;
  /** Text that may be the start of a tag, held back until the next chunk decides. */
  private held = "";
  private rawThinking = "";
  private rawAnswer = "";

  constructor(options: ThinkingParserOptions = {}) {
    this.opened = options.startsInThinking === true;
    this.phase = this.opened ? "thinking" : "pending";
  }

  /** Adds one chunk of delta text and returns the state so far. Throws after finish(). */
  push(delta: string): ThinkingState {
    if (this.done) throw new Error("ThinkingParser.push called after finish().");
    let buffer = this.held + delta;
    this.held = "";
    for (;;) {
      if (this.phase === "pending") {
        const start = buffer.trimStart();
        if (start.startsWith(OPEN)) {
          this.phase = "thinking";
          this.opened = true;
          buffer = start.slice(OPEN.length);
          continue;
        }
        if (OPEN.startsWith(start)) {
          // Only whitespace, or a prefix of "<think>": wait for more.
          this.held = buffer;
          break;
        }
        this.phase = "answer";
        continue;
      }
      if (this.phase === "thinking") {
        const end = buffer.indexOf(CLOSE);
        if (end >= 0) {
          this.rawThinking += buffer.slice(0, end);
          this.closed = true;
          this.phase = "answer";
          buffer = buffer.slice(end + CLOSE.length);
          continue;
        }
        const keep = partialTagSuffix(buffer, CLOSE);
        this.rawThinking += buffer.slice(0, buffer.length - keep);
        this.held = buffer.slice(buffer.length - keep);
        break;
      }
      this.rawAnswer += buffer;
      break;
    }
    return this.state;
  }

  /** Ends the stream: held-back text that turned out not to be a tag is kept as text. */
  finish(): ThinkingState {
    if (!this.done) {
      if (this.phase === "thinking") this.rawThinking += this.held;
      else this.rawAnswer += this.held;
      if (this.phase === "pending") this.phase = "answer";
      this.held = "";
      this.done = true;
    }
    return this.state;
  }

  get state(): ThinkingState {
    return {
      thinking: this.rawThinking.trim(),
      answer: this.rawAnswer.trim(),
      phase: this.phase,
      hasThinking: this.opened,
      thinkingClosed: this.closed,
      done: this.done,
    };
  }
}

/** Splits a whole reply at once; the same result as streaming it in any chunks. */
export function splitThinking(text: string, options: ThinkingParserOptions = {}): ThinkingState {
  const parser = new ThinkingParser(options);
  parser.push(text);
  return parser.finish();
}

/**
 * The reply without any thinking, for sending an old assistant turn back as history: removes every
 * <think>…</think> block, an unterminated block to the end, and anything before an unmatched
 * </think> (a block the prompt opened).
 */
export function stripThinking(text: string): string {
  let rest = text.replace(/<think>[\s\S]*?<\/think>/g, "");
  const open = rest.indexOf(OPEN);
  if (open >= 0) rest = rest.slice(0, open);
  const close = rest.lastIndexOf(CLOSE);
  if (close >= 0) rest = rest.slice(close + CLOSE.length);
  return rest.trim();
}
