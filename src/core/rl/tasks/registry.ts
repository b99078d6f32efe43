// The synthetic tasks by name, and a stable id for an example (what the retrospective sampler keys on).
import { lookupByName } from "../errors";
import { kvLookupTask } from "./kv-lookup";
import { passkeyTask } from "./passkey";
import { recordCompareTask } from "./record-compare";
import type { TaskExample, TaskGenerator, TaskName, TaskOptions } from "./types";
import { variableTrackingTask } from "./variable-tracking";

export const TASKS: { readonly [K in TaskName]: TaskGenerator } = {
  passkey: passkeyTask,
  "kv-lookup": kvLookupTask,
  "variable-tracking": variableTrackingTask,
  "record-compare": recordCompareTask,
};

export const TASK_NAMES = Object.keys(TASKS) as TaskName[];

/** The generator called `name`; an unknown name is an RlConfigError listing the valid ones. */
export function getTask(name: string, field = "task"): TaskGenerator {
  return lookupByName(field, TASKS, name);
}

/** Generates one example of the named task. */
export function generateTask(name: string, options: TaskOptions): TaskExample {
  return getTask(name)(options);
}

/** "task:seed:difficulty:targetTokens", unique per generated example. */
export function exampleId(example: TaskExample): string {
  const m = example.metadata;
  return `${m.task}:${m.seed}:${m.difficulty}:${m.targetTokens}`;
}

/** The reward each task's examples name (TaskExample.reward), known before generating any. */
export const TASK_REWARDS: { readonly [K in TaskName]: TaskExample["reward"] } = {
  passkey: "exact",
  "kv-lookup": "exact",
  "variable-tracking": "numeric",
  "record-compare": "exact",
};
