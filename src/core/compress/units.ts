// Candidate units for budgeted selection at each granularity, with their values (unitless,
// 0 to about 2): how much of the question's evidence each is expected to carry.
import type { CompressConfig } from "./config";
import type { QueryPlan } from "./analyse";
import { linkedSections } from "./hops";
import { contentTerms } from "./terms";
import type { Granularity, LibraryIndex } from "./types";

/** A contiguous piece of one document that can be selected whole. */
export interface Unit {
  passage: number;
  /** Sentence units covered, inclusive. */
  first: number;
  last: number;
  /** Character range in the document's text (narrower than the sentences for phrases). */
  start: number;
  end: number;
  value: number;
}

/**
 * Value of a sentence: its passage's weight (normalised score to the power `passagePower`) times
 * a base share plus its own normalised match, plus lead and neighbour bonuses.
 */
export function sentenceValue(passageWeight: number, ownMatch: number, isLead: boolean, isNeighbour: boolean, link: number, config: CompressConfig): number {
  const own = config.sentenceBase + (1 - config.sentenceBase) * ownMatch;
  return passageWeight * (own + (isLead ? config.leadBonus : 0) + (isNeighbour ? config.neighbourBonus : 0) + config.linkBonus * link);
}

/**
 * How strongly each sentence of a passage bridges to another candidate: the best (link factor x
 * normalised score of the named section's best candidate passage), 0 to 1, per sentence.
 */
export function sentenceLinks(index: LibraryIndex, passage: number, sectionScore: ReadonlyMap<number, number>): number[] {
  const doc = index.sectionDoc[index.passageSection[passage]!]!;
  const text = index.docs[doc]!.text;
  const out: number[] = [];
  for (let s = index.passageFirst[passage]!; s < index.passageFirst[passage + 1]!; s++) {
    let best = 0;
    for (const [section, factor] of linkedSections(index, text.slice(index.sentenceStart[s]!, index.sentenceEnd[s]!))) {
      if (index.sectionDoc[section] === doc) continue;
      best = Math.max(best, factor * (sectionScore.get(section) ?? 0));
    }
    out.push(best);
  }
  return out;
}

/** Prior for coverage questions: 1 for a section's first passage, falling as 1/(1 + position). */
export function positionPrior(positionInSection: number): number {
  return 1 / (1 + positionInSection);
}

/** Sentence units of one passage with their values. */
function sentenceUnits(index: LibraryIndex, passage: number, weight: number, sentenceScores: Float64Array, links: number[], config: CompressConfig): Unit[] {
  const first = index.passageFirst[passage]!;
  const last = index.passageFirst[passage + 1]! - 1;
  let best = first;
  let bestScore = 0;
  for (let s = first; s <= last; s++) {
    if (sentenceScores[s]! > bestScore) {
      bestScore = sentenceScores[s]!;
      best = s;
    }
  }
  const units: Unit[] = [];
  for (let s = first; s <= last; s++) {
    const own = bestScore > 0 ? sentenceScores[s]! / bestScore : 0;
    const value = sentenceValue(weight, own, s === first, bestScore > 0 && Math.abs(s - best) === 1, links[s - first] ?? 0, config);
    units.push({ passage, first: s, last: s, start: index.sentenceStart[s]!, end: index.sentenceEnd[s]!, value });
  }
  return units;
}

/** Clauses of a sentence (split after , ; : and dashes) valued by the question terms they hold. */
function phraseUnits(index: LibraryIndex, passage: number, weight: number, plan: QueryPlan): Unit[] {
  const idf = new Map(plan.terms.map((term) => [index.terms[term.id]!, term.idf]));
  const text = index.docs[index.sectionDoc[index.passageSection[passage]!]!]!.text;
  const units: Unit[] = [];
  for (let s = index.passageFirst[passage]!; s < index.passageFirst[passage + 1]!; s++) {
    const end = index.sentenceEnd[s]!;
    let from = index.sentenceStart[s]!;
    for (const match of text.slice(from, end).matchAll(/[,;:]\s+|\s[-–—]\s/g)) {
      const cut = index.sentenceStart[s]! + match.index + match[0].length;
      units.push(clause(from, cut));
      from = cut;
    }
    units.push(clause(from, end));
    function clause(start: number, stop: number): Unit {
      let match = 0;
      for (const term of new Set(contentTerms(text.slice(start, stop)))) match += idf.get(term) ?? 0;
      return { passage, first: s, last: s, start, end: stop, value: weight * match };
    }
  }
  return units.filter((unit) => unit.value > 0);
}

/** Candidate units for the chosen granularity from the best passages (`passageScores` best = 1). */
export function candidateUnits(
  index: LibraryIndex,
  plan: QueryPlan,
  granularity: Granularity,
  passages: readonly number[],
  passageScores: Float64Array,
  sentenceScores: Float64Array,
  config: CompressConfig,
): Unit[] {
  const units: Unit[] = [];
  const seenSections = new Set<number>();
  const sectionScore = new Map<number, number>();
  for (const passage of passages) {
    const section = index.passageSection[passage]!;
    sectionScore.set(section, Math.max(sectionScore.get(section) ?? 0, passageScores[passage]!));
  }
  for (const passage of passages) {
    const weight = passageScores[passage]! ** config.passagePower;
    const first = index.passageFirst[passage]!;
    const last = index.passageFirst[passage + 1]! - 1;
    if (granularity === "sentence") units.push(...sentenceUnits(index, passage, weight, sentenceScores, sentenceLinks(index, passage, sectionScore), config));
    else if (granularity === "phrase") units.push(...phraseUnits(index, passage, weight, plan));
    else if (granularity === "paragraph") {
      units.push({ passage, first, last, start: index.sentenceStart[first]!, end: index.sentenceEnd[last]!, value: weight * (1 + config.leadBonus) });
    } else {
      const section = index.passageSection[passage]!;
      if (seenSections.has(section)) continue;
      seenSections.add(section);
      let a = passage;
      while (a > 0 && index.passageSection[a - 1] === section) a--;
      let b = passage;
      while (b + 1 < index.passageSection.length && index.passageSection[b + 1] === section) b++;
      const s0 = index.passageFirst[a]!;
      const s1 = index.passageFirst[b + 1]! - 1;
      units.push({ passage: a, first: s0, last: s1, start: index.sentenceStart[s0]!, end: index.sentenceEnd[s1]!, value: weight * (1 + config.leadBonus) });
    }
  }
  return units;
}
