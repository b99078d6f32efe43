// Multi-record comparison: many records with numeric fields, one question: which record has the
// largest value of a named field? Difficulty narrows the gap between the largest and the runner-up.
import { choice, type Rng } from "../random";
import { beginTask, fitHaystack, haystackExample, questionTail } from "./haystack-example";
import { workedSolution, type TaskExample, type TaskOptions } from "./types";

const FIELDS = ["staff", "revenue", "visitors", "rating"] as const;
const CITIES = ["Oslo", "Lima", "Porto", "Quito", "Riga", "Turin", "Hanoi", "Perth", "Accra", "Bergen"];
const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

/** Largest value a field takes, so every record's numbers look alike. */
const WINNER_MIN = 50_000;
const WINNER_SPAN = 40_000;

/**
 * A record-comparison example. difficulty d in [0, 1]: the runner-up's value is below the
 * winner's by max(1, round(20000 (1 - d)^2)); every other record is below the runner-up.
 */
export function recordCompareTask(options: TaskOptions): TaskExample {
  const { difficulty, rng } = beginTask(options);
  const field = choice(rng, FIELDS);
  const usedIds = new Set<string>();
  const newId = (): string => {
    let id: string;
    do id = `${LETTERS[rng.int(LETTERS.length)] as string}${LETTERS[rng.int(LETTERS.length)] as string}${1000 + rng.int(9000)}`;
    while (usedIds.has(id));
    usedIds.add(id);
    return id;
  };
  const record = (r: Rng, id: string, top: number | null): string => {
    const values = FIELDS.map((f) => `${f}=${f === field && top !== null ? top : 100 + r.int(WINNER_MIN + WINNER_SPAN)}`);
    return `Record ${id}: city=${choice(r, CITIES)}; ${values.join("; ")}.`;
  };
  const winnerValue = WINNER_MIN + rng.int(WINNER_SPAN);
  const gap = Math.max(1, Math.round(20_000 * (1 - difficulty) ** 2));
  const runnerUpValue = winnerValue - gap;
  const winnerId = newId();
  const runnerUpId = newId();
  const needles = [
    { text: record(rng, winnerId, winnerValue), depth: rng.next() },
    { text: record(rng, runnerUpId, runnerUpValue), depth: rng.next() },
  ];
  const nextUnit = (): string => record(rng, newId(), 100 + rng.int(Math.max(1, runnerUpValue - 100)));

  const fit = fitHaystack(options, {
    before: "Below are records of organisations, one per line.\n\n",
    after: questionTail(`Which record has the largest ${field}? Give its record id (like AB1234).`),
    separator: "\n",
    needles,
    nextUnit,
  });

  const reasoning =
    `I compare the ${field} of every record. The largest is ${winnerValue}, in record ${winnerId}; ` +
    `the next largest is ${runnerUpValue}, in record ${runnerUpId}.`;
  return haystackExample(options, fit, {
    task: "record-compare",
    answer: winnerId,
    reward: "exact",
    solution: workedSolution(reasoning, winnerId),
    details: { field, gap, winnerValue, runnerUpId, records: fit.fillerUnits + 2 },
  });
}
