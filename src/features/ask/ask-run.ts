// Runs one question: loads the library's stored indexes into the compress worker, compresses the
// evidence to the budget (manual, or what the model's window leaves), and, with a model, streams
// the answer, recompressing smaller when the prompt overflows. Plain async code, no React.
import type { CompressPool } from "../../adapters/compress/compress-pool";
import type { Engine, EngineCapabilities } from "../../adapters/llm/engine";
import { mapWebLlmError } from "../../adapters/llm/web-llm-errors";
import type { StoredEvidence, StoredEvidenceStats, StoredTurn } from "../../adapters/storage/conversations-repository";
import { assemblePrompt, EVIDENCE_SEPARATOR, formatEvidenceBlock } from "../../core/prompt/assemble";
import { DEFAULT_OUTPUT_RESERVE, evidenceBudget } from "../../core/prompt/budget";
import { chatTemplateFor } from "../../core/prompt/chat-template";
import { ThinkingParser } from "../../core/prompt/thinking";
import type { ConversationTurn } from "../../core/prompt/types";
import type { DocumentMeta } from "../../core/text/types";
import { FolioError, serializeError } from "../../lib/errors";
import { fitToTarget, fixedReplyReserve, overflowBudget, replyReserve } from "./budget-policy";
import { numberEvidence, toPromptEvidence } from "./evidence";
import { FrameBatcher, type FrameScheduler } from "./frame-batcher";
import { attributeAnswer, isRetrievalOnly, retrievalPromptShell } from "./retrieval-answer";
import type { AskSettings, LiveTurn } from "./ask-types";

export type PoolLike = Pick<CompressPool, "useStoredLibrary" | "compress" | "countTokens">;

export interface RunDeps {
  pool: PoolLike;
  listDocuments: () => Promise<DocumentMeta[]>;
  /** The engine to answer with (model mode); its capabilities must be non-null. */
  engine: Engine | null;
  schedule?: FrameScheduler;
}

export interface RunHooks {
  signal: AbortSignal;
  /** A persisted change of the turn (evidence found, answer finished, failure). */
  onTurn: (turn: StoredTurn) => void;
  /** Live progress and streamed text, at most once per frame. */
  onLive: (live: Partial<LiveTurn>) => void;
}

const now = (): number => performance.now();

/** Counts several texts in the model's tokens: the worker's Qwen3 tokenizer when exact, else the engine. */
function counter(caps: EngineCapabilities, engine: Engine, pool: PoolLike, signal: AbortSignal): (texts: string[]) => Promise<number> {
  if (caps.family === "qwen3" && caps.tokenCounting === "exact") {
    return async (texts) => (await pool.countTokens(texts, signal)).reduce((a, b) => a + b, 0);
  }
  return async (texts) => (await Promise.all(texts.map((text) => engine.countTokens(text)))).reduce((a, b) => a + b, 0);
}

/** The evidence as the model reads it: fenced blocks, or for a retrieval-only model just the texts, one a line. */
function evidenceAsRead(evidence: StoredEvidence[], caps: EngineCapabilities): string[] {
  if (isRetrievalOnly(caps)) return evidence.map((item, i) => (i > 0 ? "\n" : "") + item.text);
  const blocks = evidence.map((item) => formatEvidenceBlock({ citation: item.citation, documentTitle: item.documentTitle, label: item.label, text: item.text }));
  return [...blocks, ...blocks.map(() => EVIDENCE_SEPARATOR)];
}

/** Tokens of the request without evidence, template included (messages rendered as the runtime does). */
async function promptOverhead(question: string, history: ConversationTurn[], thinking: boolean, caps: EngineCapabilities, count: (t: string[]) => Promise<number>): Promise<number> {
  // A retrieval-only model reads just its passage layout (no system prompt, no history).
  if (isRetrievalOnly(caps)) return count([retrievalPromptShell(question)]);
  const { messages } = assemblePrompt({ question, evidence: [], history, options: { thinking } });
  if (caps.templateFamily) {
    const template = chatTemplateFor(caps.templateFamily);
    return count([...messages.map((m) => template.renderMessage(m)), template.generationPrefix(thinking)]);
  }
  // No known template: content plus a generous allowance for role markers.
  return (await count(messages.map((m) => m.content))) + 8 * messages.length + 8;
}

export async function runTurn(base: StoredTurn, settings: AskSettings, history: ConversationTurn[], deps: RunDeps, hooks: RunHooks): Promise<StoredTurn> {
  const { signal } = hooks;
  const started = now();
  let turn: StoredTurn = { ...base, evidence: null, stats: null, answer: "", thinking: "", usage: null, finishReason: null, notices: [], error: null, status: "pending" };
  const update = (patch: Partial<StoredTurn>): void => {
    turn = { ...turn, ...patch };
    hooks.onTurn(turn);
  };
  try {
    hooks.onLive({ phase: "library", progress: null, answer: "", thinking: "" });
    const docs = await deps.listDocuments();
    const inScope = turn.scope.length > 0 ? docs.filter((doc) => turn.scope.includes(doc.id)) : docs;
    if (inScope.length === 0) {
      throw docs.length === 0
        ? new FolioError("InvalidRequestError", "There are no documents in your library to ask about.", "Add documents in Library, then ask again.")
        : new FolioError("InvalidRequestError", "None of the documents chosen for this question is in the library any more.", "Choose documents in the scope picker, or ask all documents.");
    }
    const load = await deps.pool.useStoredLibrary(inScope.map((doc) => doc.id), {
      allIds: docs.map((doc) => doc.id),
      signal,
      onProgress: (progress) => hooks.onLive({ progress }),
    });
    const libraryMs = now() - started;
    const titles = new Map(inScope.map((doc) => [doc.id, doc.name]));
    const libraryTokens = inScope.reduce((sum, doc) => sum + doc.stats.tokens, 0);
    const granularity = settings.granularity === "auto" ? undefined : settings.granularity;
    hooks.onLive({ phase: "compressing", progress: null });

    const compressTo = async (budget: number) => {
      const result = await deps.pool.compress({ query: turn.question, budget, granularity }, { signal });
      const evidence = numberEvidence(result.spans, result.spanTexts ?? [], titles);
      return { result, evidence };
    };
    const statsOf = (result: { tokens: number; granularity: string; intent: string }, budget: number, contextTokens = result.tokens): StoredEvidenceStats => ({
      libraryTokens, contextTokens, budget, granularity: result.granularity, intent: result.intent,
      ms: now() - started, libraryMs, indexedNow: load.built, documents: inScope.length,
    });

    if (turn.mode === "evidence" || !deps.engine) {
      const { result, evidence } = await compressTo(settings.manualBudget);
      update({ evidence, stats: statsOf(result, settings.manualBudget), status: "done" });
      return turn;
    }

    const engine = deps.engine;
    const caps = engine.capabilities;
    if (!caps) throw new FolioError("ModelNotLoadedError", "No model is loaded.", "Load a model in Models, or ask for evidence only.");
    const thinking = caps.thinkingSwitch ? settings.thinking : caps.supportsThinking;
    const count = counter(caps, engine, deps.pool, signal);
    const overhead = await promptOverhead(turn.question, history, thinking, caps, count);
    const reserve = caps.fixedReplyTokens ? fixedReplyReserve(caps.fixedReplyTokens) : replyReserve(caps.contextWindow, DEFAULT_OUTPUT_RESERVE);
    const budget = evidenceBudget({ contextWindow: caps.contextWindow, promptTokens: overhead, thinking, ...reserve });
    update({ modelId: caps.modelId, thinkingRequested: thinking });

    // Fits the compressor's budget (its own tokens, headers included) to what the model reads.
    const fit = async (target: number) => {
      const { output, measured } = await fitToTarget(target, async (compressBudget) => {
        const output = await compressTo(compressBudget);
        return { output, measured: output.evidence.length === 0 ? 0 : await count(evidenceAsRead(output.evidence, caps)) };
      });
      return { ...output, tokens: measured, budget: target };
    };

    for (let attempt = 0; ; attempt++) {
      const target = attempt === 0 ? budget.evidenceTokens : overflowBudget(budget.evidenceTokens, attempt);
      if (target === null) throw new FolioError("ContextWindowExceededError", "Even much less evidence does not fit in what the model can read at once.", "Start a new conversation, or reload the model with a larger context window.");
      const fitted = await fit(target);
      update({ evidence: fitted.evidence, stats: statsOf(fitted.result, fitted.budget, fitted.tokens) });
      try {
        await streamAnswer(engine, turn, fitted.evidence, history, thinking, budget.maxNewTokens, deps.schedule, hooks, update);
        if (isRetrievalOnly(caps) && turn.status === "done") citeRetrievedValue(turn, fitted.evidence, update);
        return turn;
      } catch (error) {
        const mapped = mapWebLlmError(error);
        const next = overflowBudget(budget.evidenceTokens, attempt + 1);
        if (!mapped.recompress || next === null || signal.aborted) throw error;
        update({
          answer: "", thinking: "",
          notices: [...turn.notices, `The question and evidence did not fit the model's window; Folio compressed the evidence to ${Math.round(0.7 ** (attempt + 1) * 100)}% (${next} tokens) and asked again.`],
        });
      }
    }
  } catch (error) {
    if (signal.aborted) {
      update({ status: "stopped" });
      return turn;
    }
    const mapped = mapWebLlmError(error);
    const named = serializeError(mapped.error);
    update({ status: "failed", error: { ...named, retryable: mapped.retryable || named.name === "InvalidRequestError", reloadModel: named.name === "GpuDeviceLostError" } });
    return turn;
  }
}

/** A retrieval-only model writes no citations: cite the evidence that holds the value it returned. */
function citeRetrievedValue(turn: StoredTurn, evidence: StoredEvidence[], update: (patch: Partial<StoredTurn>) => void): void {
  const { answer, added } = attributeAnswer(turn.answer, evidence);
  if (added.length === 0) return;
  const notice = "This model returns only the value it found; Folio added the citation to the evidence that contains that value.";
  update({ answer, notices: [...turn.notices, notice] });
}

async function streamAnswer(
  engine: Engine, turn: StoredTurn, evidence: StoredEvidence[], history: ConversationTurn[], thinking: boolean, maxTokens: number,
  schedule: FrameScheduler | undefined, hooks: RunHooks, update: (patch: Partial<StoredTurn>) => void,
): Promise<void> {
  const { messages } = assemblePrompt({ question: turn.question, evidence: toPromptEvidence(evidence), history, options: { thinking } });
  const parser = new ThinkingParser();
  hooks.onLive({ phase: "prefill", answer: "", thinking: "" });
  const batcher = new FrameBatcher((text) => {
    const state = parser.push(text);
    hooks.onLive({ phase: state.phase === "thinking" ? "thinking" : state.phase === "answer" ? "answering" : "prefill", answer: state.answer, thinking: state.thinking });
  }, schedule);
  let finishReason: string | null = null;
  let usage: StoredTurn["usage"] = null;
  try {
    for await (const chunk of engine.chat({ messages, thinking, maxTokens, signal: hooks.signal })) {
      if (chunk.kind === "delta") batcher.push(chunk.text);
      else {
        finishReason = chunk.finishReason;
        usage = chunk.usage;
      }
    }
  } catch (error) {
    // Whatever was streamed before the failure stays on the turn.
    batcher.flush();
    const partial = parser.finish();
    update({ answer: partial.answer, thinking: partial.thinking });
    throw error;
  }
  batcher.flush();
  const final = parser.finish();
  update({ answer: final.answer, thinking: final.thinking, usage, finishReason, status: finishReason === "abort" ? "stopped" : "done" });
}
