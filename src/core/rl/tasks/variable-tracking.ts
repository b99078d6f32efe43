// Multi-hop variable tracking (RULER-style): "VAR A = 48213." then "VAR B = VAR A." and so on,
// scattered in order through filler prose; the question asks the value of the chain's last variable.
// Difficulty lengthens the chain and adds distractor chains.
import { createRng, type Rng } from "../random";
import { fitToTokens, fillerSentence, type Needle } from "./filler";
import { ANSWER_INSTRUCTION, validateTaskOptions, workedSolution, type TaskExample, type TaskOptions } from "./types";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function name(rng: Rng): string {
  let out = "";
  for (let i = 0; i < 5; i++) out += LETTERS[rng.int(26)];
  return out;
}

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
  validateTaskOptions(options);
  const { seed, difficulty, contextTokens, tokenizer } = options;
  const rng = createRng(seed);
  const hops = 1 + Math.round(7 * difficulty);
  const distractors = Math.round(3 * difficulty);
  const usedNames = new Set<string>();
  const usedValues = new Set<string>();
  const chains: Chain[] = [];
  for (let c = 0; c <= distractors; c++) {
    const names: string[] = [];
    while (names.length < hops + 1) {
      const n = name(rng);
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

  const fit = fitToTokens({
    tokenizer,
    targetTokens: contextTokens,
    before: "Below is a long text with some variable assignments hidden in it. Each VAR line assigns a value or copies another variable.\n\n",
    after: `\n\nQuestion: What is the value of VAR ${last}? ${ANSWER_INSTRUCTION}`,
    separator: " ",
    needles,
    nextUnit: () => fillerSentence(rng),
    field: "contextTokens",
  });

  const steps = main.names.map((n, i) =>
    i === 0
      ? `VAR ${n} = ${main.value}.`
      : `VAR ${n} = VAR ${main.names[i - 1] as string}, so VAR ${n} = ${main.value}.`,
  );
  const reasoning = `I follow the chain back from VAR ${last}. ${steps.join(" ")}`;
  return {
    prompt: fit.prompt,
    answer: main.value,
    reward: "numeric",
    solution: workedSolution(reasoning, main.value),
    metadata: {
      task: "variable-tracking",
      seed,
      difficulty,
      targetTokens: contextTokens,
      promptTokens: fit.promptTokens,
      // Only the asked chain's statements: the needles of distractor chains follow them.
      needleDepths: fit.needleDepths.slice(0, hops + 1),
      needleCharOffsets: fit.needleCharOffsets.slice(0, hops + 1),
      fillerUnits: fit.fillerUnits,
      details: { hops, distractors, variable: last },
    },
  };
}
