// Haystack building for the synthetic tasks: seeded filler prose and fitting a prompt to a target
// token count. Each unit is tokenised once to estimate, and the whole prompt is counted only a few
// times to adjust, so building a 60k-token prompt costs about two tokenisations of it.
import type { Tokenizer } from "../../text/types";
import { RlConfigError } from "../errors";
import { choice, type Rng } from "../random";

const SUBJECTS = [
  "The old harbour", "A quiet village", "The northern market", "Every traveller", "The river", "Our committee",
  "The library", "A small garden", "The mountain road", "The evening train", "A young painter", "The weaver",
  "The school choir", "A patient gardener", "The city council", "The lighthouse keeper",
];
const VERBS = [
  "welcomed", "described", "overlooked", "remembered", "changed", "followed", "admired", "questioned",
  "painted", "avoided", "carried", "praised", "measured", "ignored", "shaped", "studied",
];
const OBJECTS = [
  "the long winter", "a row of painted houses", "the distant hills", "an unfinished bridge", "the morning fog",
  "a crowded square", "the narrow streets", "an old map", "the autumn harvest", "a forgotten song",
  "the slow tide", "a wooden boat", "the open fields", "a stack of letters", "the quiet orchard", "the stone wall",
];
const TAILS = [
  "", "", "before the rain began", "during the spring fair", "without saying much", "with great care",
  "as the bells rang", "long after sunset", "while the wind rose", "in the usual way", "for many seasons",
];

/** One seeded sentence of neutral prose: no digits, no names the tasks ask about. */
export function fillerSentence(rng: Rng): string {
  const tail = choice(rng, TAILS);
  return `${choice(rng, SUBJECTS)} ${choice(rng, VERBS)} ${choice(rng, OBJECTS)}${tail ? ` ${tail}` : ""}.`;
}

/** A unit that must appear in the haystack at relative depth `depth` in [0, 1]. */
export interface Needle {
  text: string;
  depth: number;
}

export interface FitOptions {
  tokenizer: Tokenizer;
  targetTokens: number;
  /** The prompt is before + body + after. */
  before: string;
  after: string;
  /** Joins units in the body (" " for prose, "\n" for lines). */
  separator: string;
  needles: Needle[];
  /** Makes the next filler unit; called as often as needed, in order. */
  nextUnit: () => string;
  /** Config field named when the target is too small. */
  field?: string;
}

export interface FitResult {
  prompt: string;
  promptTokens: number;
  /** Actual relative depth of each needle (index among all units / units), in the needles' order. */
  needleDepths: number[];
  needleCharOffsets: number[];
  fillerUnits: number;
}

interface Built {
  prompt: string;
  depths: number[];
  offsets: number[];
}

/** Needles go before filler unit round(depth * fillerCount); ties keep the needles' order. */
function build(options: FitOptions, filler: readonly string[]): Built {
  const order = options.needles
    .map((n, i) => ({ i, at: Math.round(Math.min(1, Math.max(0, n.depth)) * filler.length) }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const units: string[] = [];
  const unitOfNeedle: number[] = new Array<number>(options.needles.length).fill(0);
  let next = 0;
  for (let f = 0; f <= filler.length; f++) {
    while (next < order.length && (order[next] as { at: number }).at === f) {
      const { i } = order[next] as { i: number };
      unitOfNeedle[i] = units.length;
      units.push((options.needles[i] as Needle).text);
      next++;
    }
    if (f < filler.length) units.push(filler[f] as string);
  }
  const starts: number[] = [];
  let offset = options.before.length;
  for (const u of units) {
    starts.push(offset);
    offset += u.length + options.separator.length;
  }
  const total = Math.max(1, units.length - 1);
  return {
    prompt: options.before + units.join(options.separator) + options.after,
    depths: unitOfNeedle.map((u) => (units.length > 1 ? u / total : 0)),
    offsets: unitOfNeedle.map((u) => starts[u] as number),
  };
}

/**
 * Grows filler around the needles until the prompt has as many tokens as the tokenizer allows
 * without passing targetTokens. Throws an RlConfigError when even the needles alone do not fit.
 */
export function fitToTokens(options: FitOptions): FitResult {
  const { tokenizer, targetTokens, separator } = options;
  const count = (filler: readonly string[]): { built: Built; tokens: number } => {
    const built = build(options, filler);
    return { built, tokens: tokenizer.count(built.prompt) };
  };
  let current = count([]);
  if (current.tokens > targetTokens) {
    throw new RlConfigError(
      options.field ?? "contextTokens",
      `${targetTokens} tokens is too short for this task; the question and its facts alone take ${current.tokens}.`,
      "Raise the context length of the first curriculum phase or lower the difficulty.",
    );
  }
  // Estimate: per-unit counts (each unit tokenised once, with its separator).
  const filler: string[] = [];
  const costs: number[] = [];
  const pending: { text: string; cost: number }[] = [];
  const take = (): { text: string; cost: number } => {
    const queued = pending.shift();
    if (queued) return queued;
    const text = options.nextUnit();
    return { text, cost: Math.max(1, tokenizer.count(separator + text)) };
  };
  const addUpTo = (budget: number): number => {
    let added = 0;
    for (;;) {
      const unit = take();
      if (added + unit.cost > budget) {
        pending.unshift(unit);
        return added;
      }
      filler.push(unit.text);
      costs.push(unit.cost);
      added += unit.cost;
    }
  };
  if (addUpTo(targetTokens - current.tokens) === 0) return finish(current.built, current.tokens, 0);
  current = count(filler);
  // Adjust: trim while over (each pass drops at least one unit); top up a few times while under.
  let topUps = 0;
  for (;;) {
    if (current.tokens > targetTokens) {
      let excess = current.tokens - targetTokens;
      do {
        excess -= costs.pop() ?? 0;
        filler.pop();
      } while (excess > 0 && filler.length > 0);
      current = count(filler);
      continue;
    }
    if (topUps++ >= 3 || addUpTo(targetTokens - current.tokens) === 0) break;
    current = count(filler);
  }
  return finish(current.built, current.tokens, filler.length);
}

function finish(built: Built, tokens: number, fillerUnits: number): FitResult {
  return {
    prompt: built.prompt,
    promptTokens: tokens,
    needleDepths: built.depths,
    needleCharOffsets: built.offsets,
    fillerUnits,
  };
}
