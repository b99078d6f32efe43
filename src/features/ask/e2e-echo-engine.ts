// A test-only Engine for end-to-end tests, loaded (as its own chunk) only when the page URL has
// ?e2e-engine=echo. It answers from the prompt's evidence without any model: picks the evidence
// block sharing most words with the question and streams its first sentence with a citation.
// ?e2e-overflow=1 makes its first reply fail with web-llm's context-overflow error;
// ?e2e-device-lost=1 makes its first reply lose the GPU device after a few words, as web-llm reports
// it; ?e2e-delay=MS sets the pause between streamed words (default 20); ?e2e-echo=block answers
// with the whole best block instead of its best sentence.
import type { ChatChunk, ChatRequest, Engine, EngineCapabilities, EngineState, LoadedModel, LoadOptions } from "../../adapters/llm/engine";
import type { CatalogEntry } from "../../core/models/catalog";

const BLOCK = /<evidence id="(\d+)">\nSource: [^\n]*\n([\s\S]*?)\n<\/evidence>/g;
const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []);
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** The reply the echo engine gives to a user message holding evidence blocks and a question. */
export function echoReply(userMessage: string, thinking: boolean, wholeBlock = false): string {
  const question = /Question: ([^\n]*)/.exec(userMessage)?.[1] ?? "";
  const asked = words(question);
  let best: { id: string; text: string; score: number } | null = null;
  for (const match of userMessage.matchAll(BLOCK)) {
    const score = [...words(match[2]!)].filter((w) => asked.has(w)).length;
    if (!best || score > best.score) best = { id: match[1]!, text: match[2]!, score };
  }
  const think = thinking ? `<think>The question asks: ${question} I look for it in the evidence.</think>` : "";
  if (!best) return `${think}The evidence does not answer this.`;
  if (wholeBlock) return `${think}**Answer:** ${best.text.trim()} [${best.id}]`;
  const sentences = best.text.match(/[^.!?]+[.!?]*/g) ?? [best.text];
  const overlap = (text: string): number => [...words(text)].filter((w) => asked.has(w)).length;
  const sentence = sentences.reduce((a, b) => (overlap(b) > overlap(a) ? b : a)).trim();
  return `${think}**Answer:** ${sentence} [${best.id}]`;
}

export class EchoEngine implements Engine {
  private caps: EngineCapabilities | null = null;
  private current: EngineState = "idle";
  private stopped = false;
  private failuresLeft: number;
  private deviceLossesLeft: number;

  constructor(private readonly options: { overflowOnce?: boolean; deviceLostOnce?: boolean; delayMs?: number; echoBlock?: boolean; onChange?: () => void } = {}) {
    this.failuresLeft = options.overflowOnce ? 1 : 0;
    this.deviceLossesLeft = options.deviceLostOnce ? 1 : 0;
  }

  get state(): EngineState {
    return this.current;
  }

  get capabilities(): EngineCapabilities | null {
    return this.caps;
  }

  async load(modelId: string, options: LoadOptions): Promise<LoadedModel> {
    this.caps = { modelId, contextWindow: options.contextWindow, family: "echo", templateFamily: null, supportsThinking: true, thinkingSwitch: true, tokenCounting: "estimate" };
    this.current = "ready";
    this.options.onChange?.();
    const entry = { id: modelId, family: "echo" } as unknown as CatalogEntry;
    return { capabilities: this.caps, entry, loadSeconds: 0 };
  }

  async countTokens(text: string): Promise<number> {
    return Math.ceil(text.length / 3);
  }

  async *chat(request: ChatRequest): AsyncIterable<ChatChunk> {
    this.stopped = false;
    this.current = "generating";
    this.options.onChange?.();
    try {
      const prompt = request.messages.reduce((sum, m) => sum + Math.ceil(m.content.length / 3) + 8, 0);
      if (this.failuresLeft > 0) {
        this.failuresLeft--;
        throw new Error(`ContextWindowSizeExceededError: Prompt tokens exceed context window size: number of prompt tokens: ${prompt + 999}; context window size: ${this.caps?.contextWindow ?? 0}`);
      }
      const last = request.messages.at(-1)?.content ?? "";
      const pieces = echoReply(last, request.thinking, this.options.echoBlock).match(/\S+\s*|\s+/g) ?? [];
      const started = performance.now();
      for (const [i, piece] of pieces.entries()) {
        if (i === 3 && this.deviceLossesLeft > 0) {
          this.deviceLossesLeft--;
          throw new Error("DeviceLostError: The WebGPU device was lost while generating. This issue often occurs due to running out of memory (OOM).");
        }
        if (this.stopped || request.signal?.aborted) {
          yield { kind: "done", finishReason: "abort", usage: null };
          return;
        }
        await sleep(this.options.delayMs ?? 20);
        yield { kind: "delta", text: piece };
      }
      const seconds = (performance.now() - started) / 1000;
      yield {
        kind: "done",
        finishReason: "stop",
        usage: { promptTokens: prompt, completionTokens: pieces.length, prefillTokensPerSecond: prompt / 0.05, decodeTokensPerSecond: pieces.length / Math.max(seconds, 0.001), timeToFirstTokenSeconds: 0.05 },
      };
    } finally {
      this.current = "ready";
      this.options.onChange?.();
    }
  }

  stop(): void {
    this.stopped = true;
  }

  async unload(): Promise<void> {
    this.caps = null;
    this.current = "idle";
    this.options.onChange?.();
  }
}
