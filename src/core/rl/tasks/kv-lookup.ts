// Key-value lookup: a long list of "key: value" lines of random hex, one key asked for.
// Difficulty makes distractor keys share a longer prefix with the asked key.
import { createRng, type Rng } from "../random";
import { fitToTokens } from "./filler";
import { ANSWER_INSTRUCTION, validateTaskOptions, workedSolution, type TaskExample, type TaskOptions } from "./types";

const HEX = "0123456789abcdef";
const KEY_LENGTH = 8;

function hex(rng: Rng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += HEX[rng.int(16)];
  return out;
}

/**
 * A key-value lookup example. difficulty d in [0, 1]: a fraction d of distractor keys share a
 * prefix of round(6 d) characters with the asked key. The asked pair sits at a random depth.
 */
export function kvLookupTask(options: TaskOptions): TaskExample {
  validateTaskOptions(options);
  const { seed, difficulty, contextTokens, tokenizer } = options;
  const rng = createRng(seed);
  const key = hex(rng, KEY_LENGTH);
  const value = hex(rng, KEY_LENGTH);
  const sharedPrefix = Math.round(6 * difficulty);
  const used = new Set([key]);
  const nextUnit = (): string => {
    let k: string;
    let attempt = 0;
    do {
      // After a few collisions the prefixed key space is used up: fall back to fresh keys.
      const prefix = attempt++ < 4 && rng.next() < difficulty ? key.slice(0, sharedPrefix) : "";
      k = prefix + hex(rng, KEY_LENGTH - prefix.length);
    } while (used.has(k));
    used.add(k);
    return `${k}: ${hex(rng, KEY_LENGTH)}`;
  };
  const needle = { text: `${key}: ${value}`, depth: rng.next() };

  const fit = fitToTokens({
    tokenizer,
    targetTokens: contextTokens,
    before: "Below is a list of key-value pairs, one per line, written as key: value.\n\n",
    after: `\n\nQuestion: What is the value for the key ${key}? ${ANSWER_INSTRUCTION}`,
    separator: "\n",
    needles: [needle],
    nextUnit,
    field: "contextTokens",
  });

  const reasoning = `I look for the line whose key is exactly ${key}. It is "${needle.text}", so the value is ${value}.`;
  return {
    prompt: fit.prompt,
    answer: value,
    reward: "exact",
    solution: workedSolution(reasoning, value),
    metadata: {
      task: "kv-lookup",
      seed,
      difficulty,
      targetTokens: contextTokens,
      promptTokens: fit.promptTokens,
      needleDepths: fit.needleDepths,
      needleCharOffsets: fit.needleCharOffsets,
      fillerUnits: fit.fillerUnits,
      details: { key, sharedPrefix },
    },
  };
}
