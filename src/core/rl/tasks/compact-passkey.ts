// A compact passkey task for the tiny character-level lab models: the registry tasks' instructions
// alone take about 280 characters, too long for 64-256-token contexts. Filler is short random
// words; one "code NNNN." needle; the question is a single short line; the answer line is "Answer: NNNN".
import type { Rng } from "../random";
import { beginTask, fitHaystack, haystackExample } from "./haystack-example";
import { digits, randomString } from "./random-strings";
import type { TaskExample, TaskOptions } from "./types";

const LETTERS = "abcdefghijklmnoprstuvwy";

function word(rng: Rng): string {
  return randomString(rng, LETTERS, 2 + rng.int(4));
}

/**
 * difficulty d in [0, 1]: codes of 2 + round(4 d) digits, and round(3 d) distractor numbers
 * ("num NNNN.") of the same length elsewhere in the filler. Reward: exact match of the answer line.
 */
export function compactPasskeyTask(options: TaskOptions): TaskExample {
  const { difficulty, rng } = beginTask(options);
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
  const fit = fitHaystack(options, { before: "", after: "\ncode?\n", separator: " ", needles, nextUnit: () => word(rng) });
  return haystackExample(options, fit, {
    // Reported as a passkey variant: TaskName is a closed union of the registry tasks.
    task: "passkey",
    answer: code,
    reward: "exact",
    solution: `Answer: ${code}`,
    details: { variant: "compact", codeLength, distractors },
    // Only the code's needle: the distractor numbers are not asked for.
    askedNeedles: 1,
  });
}
