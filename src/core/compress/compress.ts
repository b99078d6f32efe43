// The compressor: question + token budget + library index -> the evidence context, in document
// order with sources, whose exact token count fits the budget.
import { FolioError } from "../../lib/errors";
import type { Tokenizer } from "../text/types";
import { planQuery } from "./analyse";
import { resolveConfig, type CompressConfig } from "./config";
import { expandHops } from "./hops";
import { blendPairs, pairCoverage } from "./pairs";
import { describeSpans, headerText, mergeSpans, renderGroups } from "./render";
import { scoreRound, topIndices } from "./score";
import { normaliseByMax } from "./score-math";
import { fitBudget } from "./fit";
import type { SelectionCosts } from "./select";
import { estimateTokens } from "./token-estimate";
import { candidateUnits, positionPrior, type Unit } from "./units";
import type { CompressRequest, CompressResult, LibraryIndex } from "./types";

/** Checks a request's fields; a bad one is an InvalidRequestError naming it. */
export function validateRequest(request: CompressRequest): void {
  if (typeof request.query !== "string" || request.query.trim() === "") {
    throw new FolioError("InvalidRequestError", 'The request\'s "query" must be a non-empty string.', "Type a question.");
  }
  if (!Number.isInteger(request.budget) || request.budget < 1) {
    throw new FolioError("InvalidRequestError", 'The request\'s "budget" must be a positive whole number of tokens.', 'Set "budget" to e.g. 2048.');
  }
}

/** Estimated tokens of units (text plus one separator) and of section headers, cached per query. */
export function estimatedCosts(index: LibraryIndex): SelectionCosts {
  const headers = new Map<number, number>();
  const units = new Map<Unit, number>();
  const docOf = (unit: Unit): number => index.sectionDoc[index.passageSection[unit.passage]!]!;
  return {
    unit(unit) {
      let n = units.get(unit);
      if (n === undefined) {
        n = estimateTokens(index.docs[docOf(unit)]!.text.slice(unit.start, unit.end)) + 1;
        units.set(unit, n);
      }
      return n;
    },
    header(section) {
      if (!headers.has(section)) headers.set(section, estimateTokens(headerText(index, section)) + 2);
      return headers.get(section)!;
    },
    sectionOf: (unit) => index.passageSection[unit.passage]!,
    docOf,
  };
}

/** Passage scores for coverage questions: half the match, half a position prior. Best = 1. */
export function coverageScores(index: LibraryIndex, matched: Float64Array): Float64Array {
  const out = new Float64Array(matched.length);
  let position = 0;
  for (let p = 0; p < matched.length; p++) {
    position = p > 0 && index.passageSection[p - 1] === index.passageSection[p] ? position + 1 : 0;
    out[p] = 0.5 * matched[p]! + 0.5 * positionPrior(position);
  }
  return out;
}

/** Compresses the library for one question into at most `request.budget` tokens of `tokenizer`. */
export function compress(index: LibraryIndex, request: CompressRequest, tokenizer: Tokenizer, options: Partial<CompressConfig> = {}): CompressResult {
  validateRequest(request);
  const config = resolveConfig(options);
  const plan = planQuery(index, request.query, request.intent, request.granularity);
  const round1 = scoreRound(index, plan, config);
  let scores = expandHops(index, normaliseByMax(round1.passage), config).scores;
  if (config.pairWeight > 0) scores = blendPairs(scores, pairCoverage(index, plan, round1.mask, scores, config), config);
  const coverage = plan.intent === "coverage";
  if (coverage) scores = coverageScores(index, scores);
  const passages = topIndices(scores, Math.round(config.candidatePassages * (coverage ? 4 : 1)));
  const units = candidateUnits(index, plan, plan.granularity, passages, scores, round1.sentence, config);
  const costs = estimatedCosts(index);
  const decay = coverage ? config.docDecay ** 3 : config.docDecay;
  const best = fitBudget(units, request.budget, costs, decay, config.costPower, tokenizer, (taken) => renderGroups(index, mergeSpans(index, taken)));
  return {
    text: best.text,
    tokens: best.tokens,
    spans: describeSpans(index, mergeSpans(index, best.taken)),
    intent: plan.intent,
    granularity: plan.granularity,
  };
}
