// HotpotQA haystacks for the compression bench: questions, a paragraph pool, seeded haystacks
// of a target size, and the gold checks (supporting sentences and answer survive the context).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalizeWhitespace } from "../src/core/text/segment";

export interface HotpotQuestion {
  id: string;
  question: string;
  answer: string;
  type: "bridge" | "comparison";
  supportingFacts: { title: string; sentId: number }[];
  paragraphs: Paragraph[];
}

export interface Paragraph {
  title: string;
  sentences: string[];
}

export interface HaystackDoc {
  id: string;
  title: string;
  text: string;
}

const DATA_DIR = fileURLToPath(new URL("../../shared/data/hotpotqa/", import.meta.url));

interface RawQuestion {
  id: string;
  question: string;
  answer: string;
  type: "bridge" | "comparison";
  supporting_facts: { title: string[]; sent_id: number[] };
  context: { title: string[]; sentences: string[][] };
}

export function loadSplit(split: "dev" | "train"): HotpotQuestion[] {
  const lines = readFileSync(`${DATA_DIR}${split}.jsonl`, "utf8").split("\n").filter((line) => line.trim() !== "");
  return lines.map((line) => {
    const raw = JSON.parse(line) as RawQuestion;
    return {
      id: raw.id,
      question: raw.question,
      answer: raw.answer,
      type: raw.type,
      supportingFacts: raw.supporting_facts.title.map((title, i) => ({ title, sentId: raw.supporting_facts.sent_id[i]! })),
      paragraphs: raw.context.title.map((title, i) => ({ title, sentences: raw.context.sentences[i]! })),
    };
  });
}

/** Words and punctuation marks, the unit haystack sizes are counted in. */
export function countWords(text: string): number {
  return text.match(/\w+|[^\w\s]/g)?.length ?? 0;
}

/** A paragraph as one document: its title, and its sentences joined. */
export function paragraphDoc(paragraph: Paragraph, id: string): HaystackDoc {
  return { id, title: paragraph.title, text: paragraph.sentences.join("").trim() };
}

/** Every paragraph of both splits once (first by title wins), for drawing distractors. */
export function paragraphPool(questions: readonly HotpotQuestion[]): Paragraph[] {
  const byTitle = new Map<string, Paragraph>();
  for (const question of questions) for (const paragraph of question.paragraphs) if (!byTitle.has(paragraph.title)) byTitle.set(paragraph.title, paragraph);
  return [...byTitle.values()];
}

/** Mulberry32: a small seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The question's own paragraphs plus pool paragraphs drawn without replacement (skipping the
 * question's titles) until the haystack holds `targetWords` words and marks; order shuffled.
 */
export function buildHaystack(question: HotpotQuestion, pool: readonly Paragraph[], poolWords: readonly number[], targetWords: number): HaystackDoc[] {
  const random = seededRandom(hashString(`${question.id}:${targetWords}`));
  const own = new Set(question.paragraphs.map((p) => p.title));
  const chosen: Paragraph[] = [...question.paragraphs];
  let words = question.paragraphs.reduce((sum, p) => sum + countWords(p.sentences.join("")), 0);
  const order = Array.from(pool.keys());
  for (let i = 0; i < order.length && words < targetWords; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
    const paragraph = pool[order[i]!]!;
    if (own.has(paragraph.title)) continue;
    chosen.push(paragraph);
    words += poolWords[order[i]!]!;
  }
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
  }
  return chosen.map((paragraph, i) => paragraphDoc(paragraph, `d${i}`));
}

export interface GoldCheck {
  /** Every supporting sentence appears whole (white space normalised) in the context. */
  allSupport: boolean;
  /** Share of supporting sentences that appear whole, 0 to 1. */
  supportShare: number;
  /** The answer string appears (case-insensitive); null for yes/no answers. */
  answer: boolean | null;
}

export function checkGold(question: HotpotQuestion, context: string): GoldCheck {
  const haystack = normalizeWhitespace(context);
  const lower = haystack.toLowerCase();
  let kept = 0;
  for (const fact of question.supportingFacts) {
    const sentence = question.paragraphs.find((p) => p.title === fact.title)?.sentences[fact.sentId];
    if (sentence === undefined || haystack.includes(normalizeWhitespace(sentence))) kept++;
  }
  const total = question.supportingFacts.length;
  const yesNo = /^(yes|no)$/i.test(question.answer.trim());
  return {
    allSupport: kept === total,
    supportShare: total > 0 ? kept / total : 1,
    answer: yesNo ? null : lower.includes(normalizeWhitespace(question.answer).toLowerCase()),
  };
}
