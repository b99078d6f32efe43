// Key-value lookup: a long list of "key: value" lines of random hex, one key asked for.
// Difficulty makes distractor keys share a longer prefix with the asked key.
import { beginTask, fitHaystack, haystackExample, questionTail } from "./haystack-example";
import { randomString } from "./random-strings";
import { workedSolution, type TaskExample, type TaskOptions } from "./types";

const HEX = "0123456789abcdef";
const KEY_LENGTH = 8;

/**
 * A key-value lookup example. difficulty d in [0, 1]: a fraction d of distractor keys share a
 * prefix of round(6 d) characters with the asked key. The asked pair sits at a random depth.
 */
export function kvLookupTask(options: TaskOptions): TaskExample {
  const { difficulty, rng } = beginTask(options);
  const hex = (length: number): string => randomString(rng, HEX, length);
  const key = hex(KEY_LENGTH);
  const value = hex(KEY_LENGTH);
  const sharedPrefix = Math.round(6 * difficulty);
  const used = new Set([key]);
  const nextUnit = (): string => {
    let k: string;
    let attempt = 0;
    do {
      // After a few collisions the prefixed key space is used up: fall back to fresh keys.
      const prefix = attempt++ < 4 && rng.next() < difficulty ? key.slice(0, sharedPrefix) : "";
      k = prefix + hex(KEY_LENGTH - prefix.length);
    } while (used.has(k));
    used.add(k);
    return `${k}: ${hex(KEY_LENGTH)}`;
  };
  const needle = { text: `${key}: ${value}`, depth: rng.next() };

  const fit = fitHaystack(options, {
    before: "Below is a list of key-value pairs, one per line, written as key: value.\n\n",
    after: questionTail(`What is the value for the key ${key}?`),
    separator: "\n",
    needles: [needle],
    nextUnit,
  });

  const reasoning = `I look for the line whose key is exactly ${key}. It is "${needle.text}", so the value is ${value}.`;
  return haystackExample(options, fit, {
    task: "kv-lookup",
    answer: value,
    reward: "exact",
    solution: workedSolution(reasoning, value),
    details: { key, sharedPrefix },
  });
}
