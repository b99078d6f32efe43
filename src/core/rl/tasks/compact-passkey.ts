// A compact passkey task for the tiny character-level lab models: the registry tasks' instructions
// alone take about 280 characters, too long for 64-256-token contexts. Filler is short random
// words; one "code NNNN." needle; the question is a single short line; the answer line is "Answer: NNNN".
import { createRng, type Rng } from "../random";
import { fitToTokens } from "./filler";
import { validateTaskOptions, type TaskExample, type TaskOptions } from "./types";

const LETTERS = "abcdefghijklmnoprstuvwy";

function word(rng: Rng): string {
  let out = "";
  const length = 2 + rng.int(4);
  for (let i = 0; i < length; i++) out += LETTERS[rng.int(LETTERS.length)];
  return out;
}

function digits(rng: Rng, length: number): string {
  let out = String(1 + rng.int(9));
  while (out.length < length) out += String(rng.int(10));
  return out;
}

/**
 * difficulty d in [0, 1]: codes of 2 + round(4 d) digits, and round(3 d) distractor numbers
 * ("num NNNN.") of the same length elsewhere in the filler. Reward: exact match of the answer line.
 */
export function compactPasskeyTask(options: TaskOptions): TaskExample {
  validateTaskOptions(options);
  const { seed, difficulty, contextTokens, tokenizer } = options;
  const rng = createRng(seed);
  const codeLength = 2 + Math.round(4 * difficulty);
  const distractors = Math.round(3 * difficulty);
  const code = digits(rng, codeLength);
  const needles = [{ text: `code ${code}.`, depth: rng.next() }];
  for (let i = 0; i < distractors; i++) {
    let other: string;
    do other = digits(rng, codeLength);
    while (other === code);
    needles.push({ text: `num ${other}.`, depth: rng.next() });
  }
  const fit = fitToTokens({
    tokenizer,
    targetTokens: contextTokens,
    before: "",
    after: "\ncode?\n",
    separator: " ",
    needles,
    nextUnit: () => word(rng),
    field: "contextTokens",
  });
  return {
    prompt: fit.prompt,
    answer: code,
    reward: "exact",
    solution: `Answer: ${code}`,
    metadata: {
      // Reported as a passkey variant: TaskName is a closed union of the registry tasks.
      task: "passkey",
      seed,
      difficulty,
      targetTokens: contextTokens,
      promptTokens: fit.promptTokens,
      needleDepths: fit.needleDepths.slice(0, 1),
      needleCharOffsets: fit.needleCharOffsets.slice(0, 1),
      fillerUnits: fit.fillerUnits,
      details: { variant: "compact", codeLength, distractors },
    },
  };
}
