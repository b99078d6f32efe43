// Passkey retrieval: one labelled secret code hidden in filler prose, found by its label.
// Difficulty adds distractor codes under other labels and lengthens the code.
import { shuffle } from "../random";
import { fillerSentence } from "./filler";
import { beginTask, fitHaystack, haystackExample, questionTail } from "./haystack-example";
import { digits } from "./random-strings";
import { workedSolution, type TaskExample, type TaskOptions } from "./types";

const COLOURS = ["red", "blue", "green", "amber", "violet", "silver", "black", "white"];
const THINGS = ["door", "gate", "chest", "vault", "locker", "cabinet"];

/**
 * A passkey example. difficulty d in [0, 1]: round(4 d) distractor codes for other labels, and
 * codes of 5 + round(3 d) digits. The asked code sits at a uniformly random depth.
 */
export function passkeyTask(options: TaskOptions): TaskExample {
  const { difficulty, rng } = beginTask(options);
  const distractors = Math.round(4 * difficulty);
  const codeLength = 5 + Math.round(3 * difficulty);
  const labels = shuffle(
    rng,
    COLOURS.flatMap((c) => THINGS.map((t) => `the ${c} ${t}`)),
  ).slice(0, distractors + 1);
  const codes = new Set<string>();
  while (codes.size < labels.length) codes.add(digits(rng, codeLength));
  const entries = labels.map((label, i) => ({ label, code: [...codes][i] as string }));
  const target = entries[0] as { label: string; code: string };
  const needles = entries.map((e) => ({
    text: `The secret code for ${e.label} is ${e.code}. Remember it: ${e.code}.`,
    depth: rng.next(),
  }));

  const question = `What is the secret code for ${target.label}?`;
  const fit = fitHaystack(options, {
    before: `Below is a long text. Somewhere in it is the secret code for ${target.label}.\n\n`,
    after: questionTail(question),
    separator: " ",
    needles,
    nextUnit: () => fillerSentence(rng),
  });

  const others = entries.slice(1).map((e) => e.label);
  const reasoning =
    `I need the secret code for ${target.label}. The text says: "${(needles[0] as { text: string }).text}"` +
    (others.length > 0 ? ` The other codes belong to ${others.join(", ")}, so they do not count.` : "") +
    ` The code is ${target.code}.`;
  return haystackExample(options, fit, {
    task: "passkey",
    answer: target.code,
    reward: "exact",
    solution: workedSolution(reasoning, target.code),
    details: { distractors, codeLength, label: target.label },
  });
}
