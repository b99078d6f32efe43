// Pure token policy of Ask: the reply's reserve for a model's window, fitting the compressor's
// budget to the tokens the evidence blocks really take, and shrinking it after a context overflow.

/** How many times a context overflow is answered by compressing smaller and asking again. */
export const MAX_OVERFLOW_RETRIES = 2;
/** Share of the previous evidence budget kept on each overflow retry. */
export const OVERFLOW_SHRINK = 0.7;
/** Compressions tried to fit the evidence to what the model reads (each takes about 10 ms). */
export const MAX_FIT_ROUNDS = 8;
/** The smallest budget worth compressing to, in tokens. */
export const MIN_BUDGET = 16;
/** Manual (evidence-only) budget bounds and default, in tokens. */
export const MANUAL_BUDGET = { min: 64, max: 16_384, default: 1024 } as const;

/**
 * The reserve of a model with a fixed reply part (the tiny models): that part and nothing more. They
 * count characters, so no slack for tokenizer drift is needed, and a few characters of evidence
 * (a sentence with the value) are already worth asking with.
 */
export function fixedReplyReserve(fixedReplyTokens: number): { answerTokens: number; thinkingTokens: number; minEvidenceTokens: number; safetyTokens: number } {
  return { answerTokens: fixedReplyTokens, thinkingTokens: 0, minEvidenceTokens: 8, safetyTokens: 0 };
}

/**
 * Tokens kept free for the reply, scaled down for small windows so a 2K-token model still gets
 * evidence: at most a quarter of the window for the answer and a third for thinking.
 */
export function replyReserve(contextWindow: number, defaults: { answerTokens: number; thinkingTokens: number }): {
  answerTokens: number;
  thinkingTokens: number;
  minEvidenceTokens: number;
} {
  return {
    answerTokens: Math.max(16, Math.min(defaults.answerTokens, Math.floor(contextWindow / 4))),
    thinkingTokens: Math.max(0, Math.min(defaults.thinkingTokens, Math.floor(contextWindow / 3))),
    minEvidenceTokens: Math.max(16, Math.min(128, Math.floor(contextWindow / 16))),
  };
}

/**
 * The next compressor budget when evidence compressed to `budget` measured `measured` tokens in
 * the prompt but only `target` fit: scaled by target/measured with 3% slack, and always smaller.
 * Returns null when it would fall below MIN_BUDGET (give up: keep what fits, or none).
 */
export function refitBudget(budget: number, target: number, measured: number): number | null {
  if (measured <= target) return budget;
  const next = Math.min(budget - 1, Math.floor((budget * target * 0.97) / measured));
  return next >= MIN_BUDGET ? next : null;
}

/** One compression tried while fitting: what came out, and the tokens it takes as the model reads it. */
export interface FitTrial<T> {
  output: T;
  measured: number;
}

/**
 * Fits the compressor's budget to what the model reads: tries `target` first, then a proportional
 * guess (refitBudget, at least MIN_BUDGET), then bisects between the largest budget known to fit and the smallest known
 * not to. The two counts can differ a lot (a character model reads about three characters per
 * Qwen3 token), so one proportional step alone could land far below the target and keep a
 * neighbour of the answer instead of the answer. Returns the largest trial that fits, else the
 * smallest that did not (the caller's overflow handling takes it from there).
 */
export async function fitToTarget<T>(target: number, compress: (budget: number) => Promise<FitTrial<T>>): Promise<FitTrial<T>> {
  let best: FitTrial<T> | null = null;
  let smallestOver: FitTrial<T> | null = null;
  let fits = 0;
  let over = Number.POSITIVE_INFINITY;
  let budget: number | null = target;
  for (let round = 0; round < MAX_FIT_ROUNDS && budget !== null; round++) {
    const trial = await compress(budget);
    if (trial.measured <= target) {
      if (!best || trial.measured >= best.measured) best = trial;
      fits = budget;
      if (round === 0) break;
    } else {
      smallestOver = trial;
      over = budget;
    }
    const next: number = fits > 0 ? Math.floor((fits + over) / 2) : (refitBudget(budget, target, trial.measured) ?? MIN_BUDGET);
    budget = next > fits && next < over ? next : null;
  }
  return (best ?? smallestOver) as FitTrial<T>;
}

/** The evidence budget for overflow retry `attempt` (1-based), or null when retries are used up. */
export function overflowBudget(original: number, attempt: number): number | null {
  if (attempt > MAX_OVERFLOW_RETRIES) return null;
  // The epsilon keeps 1000 × 0.7² at 490, not 489.99… -> 489.
  const next = Math.floor(original * OVERFLOW_SHRINK ** attempt + 1e-9);
  return next >= MIN_BUDGET ? next : null;
}

/** Clamps a typed manual budget to the allowed range; anything unparsable becomes the default. */
export function clampManualBudget(value: number): number {
  if (!Number.isFinite(value)) return MANUAL_BUDGET.default;
  return Math.min(MANUAL_BUDGET.max, Math.max(MANUAL_BUDGET.min, Math.round(value)));
}
