// Passkey retrieval shaped like what Ask's compressor hands over: a few kept sentences (the needle
// and some neighbours, sometimes split into blocks or joined by "..." elisions), then one question
// line. This is the training layout of the shipped tiny model (see src/adapters/llm/tiny-prompt.ts):
//
//   <context>\nQuestion: <question>\n     ->     Answer: 48213
//
// Needle phrasings, questions and filler vary so the model keys on the words "pass key", not on a
// fixed template. Everything is printable ASCII, as the character tokenizer wants.
import { choice, createRng, type Rng } from "../random";
import { RlConfigError } from "../errors";
import { fillerSentence } from "./filler";
import { validateTaskOptions, type TaskExample, type TaskGenerator, type TaskOptions } from "./types";

/** Passkey digits: the shipped model is trained and evaluated on 5-digit keys. */
export const PASSKEY_DIGITS = 5;

/** The label forms the needles use; the question names one of them. */
const LABELS = ["pass key", "passkey", "secret pass key", "pass key", "passkey"];

/** Needle phrasings: the key right after its label, or (as people also write) just before it. */
const NEEDLES: readonly ((label: string, key: string) => string)[] = [
  (l, k) => `The ${l} is ${k}. Remember it. ${k} is the ${l}.`,
  (l, k) => `Remember it. ${k} is the ${l}.`,
  (l, k) => `${k} is your ${l}.`,
  (l, k) => `The ${l} is ${k}.`,
  (l, k) => `Remember this ${l}: ${k}.`,
  (l, k) => `The ${l} is ${k}. Keep it safe.`,
  (l, k) => `Your ${l} is ${k}; do not forget it.`,
  (l, k) => `${capitalise(l)}: ${k}.`,
  (l, k) => `The ${l} you need is ${k}.`,
  (l, k) => `Note that the ${l} is ${k}, as agreed.`,
];

const QUESTIONS = [
  "What is the pass key?",
  "What is the passkey?",
  "What is the pass key mentioned in the text?",
  "What is the secret pass key?",
  "Which pass key is given?",
  "What pass key should I remember?",
  "what is the pass key",
  "Tell me the passkey.",
];

/** The classic passkey haystack (Mohtashami and Jaggi 2023), which generated test documents use. */
const CLASSIC = ["The grass is green.", "The sky is blue.", "The sun is yellow.", "Here we go.", "There and back again."];

const PLACES = ["harbour", "museum", "library", "station", "market", "school", "bridge", "garden"];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function digits(rng: Rng, length: number): string {
  let out = String(1 + rng.int(9));
  while (out.length < length) out += String(rng.int(10));
  return out;
}

/** A sentence with a number that is not the key: a year, a count or a reference number. */
function numberSentence(rng: Rng): string {
  const place = choice(rng, PLACES);
  switch (rng.int(4)) {
    case 0:
      return `The ${place} was built in ${1800 + rng.int(220)}.`;
    case 1:
      return `About ${2 + rng.int(400)} people visited the ${place} that week.`;
    case 2:
      return `The ${place} is on page ${1 + rng.int(300)} of the guide.`;
    default:
      return `The order number for the ${place} was ${digits(rng, 3 + rng.int(3))}.`;
  }
}

/** Joins sentences the way the compressor's output reads once mapped: spaces, elisions, block breaks. */
function separator(rng: Rng): string {
  const r = rng.next();
  return r < 0.75 ? " " : r < 0.9 ? " ... " : "\n";
}

/** The model's prompt layout: context, a newline, the question line, a newline. */
export function tinyPassageLayout(context: string, question: string): string {
  return `${context}\nQuestion: ${question}\n`;
}

/**
 * An evidence-passkey example fitted to at most contextTokens tokens (prompt included).
 * difficulty d in [0, 1]: each filler sentence is a number sentence (a distractor) with
 * probability 0.3 d, and a classic-haystack sentence otherwise with probability 0.5.
 */
export function evidencePasskeyTask(options: TaskOptions): TaskExample {
  validateTaskOptions(options);
  const { seed, difficulty, contextTokens, tokenizer } = options;
  const rng = createRng(seed);
  const key = digits(rng, PASSKEY_DIGITS);
  const label = choice(rng, LABELS);
  // At short lengths only the phrasings and questions that fit are drawn from.
  const needles = NEEDLES.map((make) => make(label, key));
  const cost = (needle: string, question: string): number => tokenizer.count(tinyPassageLayout("", question)) + tokenizer.count(needle);
  const shortestNeedle = needles.reduce((a, b) => (tokenizer.count(a) <= tokenizer.count(b) ? a : b));
  const questions = QUESTIONS.filter((q) => cost(shortestNeedle, q) <= contextTokens);
  if (questions.length === 0) {
    const least = Math.min(...QUESTIONS.map((q) => cost(shortestNeedle, q)));
    throw new RlConfigError(
      "contextTokens",
      `${contextTokens} tokens is too short for this task; the question and the needle alone take ${least}.`,
      "Raise the context length of the first curriculum phase.",
    );
  }
  const question = choice(rng, questions);
  const needle = choice(
    rng,
    needles.filter((n) => cost(n, question) <= contextTokens),
  );
  const shell = tokenizer.count(tinyPassageLayout("", question));
  const needleCost = tokenizer.count(needle);
  const classic = rng.next() < 0.5;
  const nextFiller = (): string => {
    if (rng.next() < 0.3 * difficulty) return numberSentence(rng);
    return classic ? choice(rng, CLASSIC) : fillerSentence(rng);
  };
  // Filler before and after the needle, grown alternately at random until the next one would not fit.
  const before: string[] = [];
  const after: string[] = [];
  const seps: string[] = [];
  let used = shell + needleCost;
  const depthBias = rng.next(); // where the needle tends to sit: 0 start, 1 end
  for (let tries = 0; tries < 4; ) {
    const sentence = nextFiller();
    const sep = separator(rng);
    const cost = tokenizer.count(sep + sentence);
    if (used + cost > contextTokens) {
      tries++;
      continue;
    }
    (rng.next() < depthBias ? before : after).push(sentence);
    seps.push(sep);
    used += cost;
  }
  const units = [...before, needle, ...after];
  let context = units[0] as string;
  for (let i = 1; i < units.length; i++) context += (seps[i - 1] as string) + (units[i] as string);
  const prompt = tinyPassageLayout(context, question);
  return {
    prompt,
    answer: key,
    reward: "exact",
    solution: `Answer: ${key}`,
    metadata: {
      task: "passkey",
      seed,
      difficulty,
      targetTokens: contextTokens,
      promptTokens: tokenizer.count(prompt),
      needleDepths: [units.length > 1 ? before.length / (units.length - 1) : 0],
      needleCharOffsets: [context.indexOf(needle)],
      fillerUnits: units.length - 1,
      details: { variant: "evidence", label, question },
    },
  };
}

/**
 * A generator whose examples vary in length: each is fitted to a length drawn uniformly from
 * [minFraction * contextTokens, contextTokens] (the compressor hands over contexts of many sizes).
 */
export function varyingLength(task: TaskGenerator, minFraction: number): TaskGenerator {
  if (!(minFraction > 0 && minFraction <= 1)) throw new RangeError(`minFraction must be in (0, 1], got ${minFraction}.`);
  return (options) => {
    const rng = createRng(options.seed ^ 0x5bd1e995);
    const low = Math.ceil(minFraction * options.contextTokens);
    const target = low + rng.int(options.contextTokens - low + 1);
    let example: TaskExample;
    try {
      example = task({ ...options, contextTokens: target });
    } catch (error) {
      // Too short for this example's question and needle: fall back to the full length.
      if (!(error instanceof RlConfigError)) throw error;
      example = task(options);
    }
    return { ...example, metadata: { ...example.metadata, targetTokens: options.contextTokens } };
  };
}
