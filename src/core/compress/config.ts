// The compressor's one typed config object: documented defaults, applied and validated once.
import { FolioError } from "../../lib/errors";

export interface CompressConfig {
  /** BM25 term-frequency saturation (unitless). */
  k1: number;
  /** BM25 length normalisation, 0 (none) to 1 (full). */
  b: number;
  /** Weight of a query term found in a section's title, as multiples of one body occurrence's score. */
  titleWeight: number;
  /** Bonus for a title whose whole name appears in the question, in IDF units per title word. */
  titlePhraseBonus: number;
  /** Passages of round one whose text is searched for entities that lead to a second hop. */
  hopSeeds: number;
  /** Share of the seed's normalised score a linked passage inherits (0 to 1). */
  hopWeight: number;
  /** Passages (best first after the hop) whose links are searched for covering pairs. */
  pairCandidates: number;
  /** Score a passage of the best-covering linked pair is lifted to (0 to 1; 0 turns pairs off). */
  pairWeight: number;
  /** Coverage (0 to 1) a passage must add to its partner's for the pair to lift it. */
  pairMinGain: number;
  /** Exponent on coverage relative to the best pair's; higher keeps the lift to near-best pairs. */
  pairPower: number;
  /** Passages (best first) whose sentences compete for the budget. */
  candidatePassages: number;
  /** Value a sentence gets from its passage alone, before its own match (0 to 1). */
  sentenceBase: number;
  /** Extra value of a passage's first sentence, which usually names its subject. */
  leadBonus: number;
  /** Extra value of a sentence next to its passage's best-matching one. */
  neighbourBonus: number;
  /** Extra value of a sentence that names another candidate's title (times that candidate's score). */
  linkBonus: number;
  /** Exponent on the normalised passage score; higher concentrates the budget on the best passages. */
  passagePower: number;
  /** Selection ranks units by value / tokens^costPower: 1 is plain density, lower favours long units. */
  costPower: number;
  /** Value factor per unit already taken from the same document (diminishing returns), 0 to 1. */
  docDecay: number;
  /** Sentences longer than this (characters) are cut at white space into several units. */
  maxSentenceChars: number;
}

export const DEFAULT_COMPRESS_CONFIG: Readonly<CompressConfig> = Object.freeze({
  k1: 1.2,
  b: 0.75,
  titleWeight: 2,
  titlePhraseBonus: 1.5,
  hopSeeds: 4,
  hopWeight: 0.8,
  pairCandidates: 30,
  pairWeight: 0.9,
  pairPower: 4,
  pairMinGain: 0.1,
  candidatePassages: 40,
  sentenceBase: 0.35,
  leadBonus: 0.5,
  neighbourBonus: 0.2,
  linkBonus: 0.6,
  passagePower: 2,
  costPower: 0.5,
  docDecay: 0.85,
  maxSentenceChars: 600,
});

/** Fills defaults and checks ranges; an out-of-range field is an InvalidRequestError naming it. */
export function resolveConfig(partial: Partial<CompressConfig> = {}): CompressConfig {
  const config = { ...DEFAULT_COMPRESS_CONFIG, ...partial };
  for (const [field, value] of Object.entries(config)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new FolioError("InvalidRequestError", `Compressor setting "${field}" must be a non-negative number.`, `Fix "${field}" in the compressor settings.`);
    }
  }
  if (config.b > 1) throw new FolioError("InvalidRequestError", 'Compressor setting "b" must be between 0 and 1.', 'Set "b" to a value from 0 to 1.');
  if (config.pairWeight > 1) throw new FolioError("InvalidRequestError", 'Compressor setting "pairWeight" must be between 0 and 1.', 'Set "pairWeight" to a value from 0 to 1.');
  if (config.maxSentenceChars < 40) throw new FolioError("InvalidRequestError", 'Compressor setting "maxSentenceChars" must be at least 40.', 'Raise "maxSentenceChars".');
  return config;
}
