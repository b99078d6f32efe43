// Multi-hop variable tracking (RULER-style): "VAR A = 48213." then "VAR B = VAR A." and so on,
// scattered in order through filler prose; the question asks the value of the chain's last variable.
// Difficulty lengthens the chain and adds distractor chains.
import type { Rng } from "../random";
import { fillerSentence, type Needle } from "./filler";
import { beginTask, fitHaystack, haystackExample, questionTail } from "./haystack-example";
import { randomString } from "./random-strings";
import { workedSolution, type TaskExample, type TaskOptions } from "./types";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

interface Chain {
  names: string[];
  value: string;
}

/** Statements of a chain, at increasing random depths so each assignment follows the one it copies. */
function chainNeedles(rng: Rng, chain: Chain): Needle[] {
  const depths = chain.names.map(() => rng.next()).sort((a, b) => a - b);
  return chain.names.map((n, i) => ({
    text: i === 0 ? `VAR ${n} = ${chain.value}.` : `VAR ${n} = VAR ${chain.names[i - 1] as string}.`,
    depth: depths[i] as number,
  }));
}

/**
 * A variable-tracking example. difficulty d in [0, 1]: 1 + round(7 d) hops (copies) after the
 * first assignment, and round(3 d) distractor chains of the same length with other values.
 */
export function variableTrackingTask(options: TaskOptions): TaskExample {
  const { difficulty, rng } = beginTask(options);
  const hops = 1 + Math.round(7 * difficulty);
  const distractors = Math.round(3 * difficulty);
  const usedNames = new Set<string>();
  const usedValues = new Set<string>();
  const chains: Chain[] = [];
  for (let c = 0; c <= distractors; c++) {
    const names: string[] = [];
    while (names.length < hops + 1) {
      const n = randomString(rng, LETTERS, 5);
      if (!usedNames.has(n)) {
        usedNames.add(n);
        names.push(n);
      }
    }
    let value: string;
    do value = String(10000 + rng.int(90000));
    while (usedValues.has(value));
    usedValues.add(value);
    chains.push({ names, value });
  }
  const main = chains[0] as Chain;
  const needles = chains.flatMap((chain) => chainNeedles(rng, chain));
  const last = main.names[main.names.length - 1] as string;

  const fit = fitHaystack(options, {
    before: "Below is a long text with some variable assignments hidden in it. Each VAR line assigns a value or copies another variable.\n\n",
    after: questionTail(`What is the value of VAR ${last}?`),
    separator: " ",
    needles,
    nextUnit: () => fillerSentence(rng),
  });

  const steps = main.names.map((n, i) =>
    i === 0
      ? `VAR ${n} = ${main.value}.`
      : `VAR ${n} = VAR ${main.names[i - 1] as string}, so VAR ${n} = ${main.value}.`,
  );
  const reasoning = `I follow the chain back from VAR ${last}. ${steps.join(" ")}`;
  return haystackExample(options, fit, {
    task: "variable-tracking",
    answer: main.value,
    reward: "numeric",
    solution: workedSolution(reasoning, main.value),
    details: { hops, distractors, variable: last },
    // Only the asked chain's statements: the needles of distractor chains follow them.
    askedNeedles: hops + 1,
  });
}
