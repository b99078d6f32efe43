// The context-length curriculum of QwenLong-L1: training runs in phases of growing input length,
// each for a set number of steps. Switched off, it is one phase at the maximum length.
import { requireIntegerInRange, RlConfigError } from "./errors";

/** One phase: prompts are built to `contextTokens` input tokens for `steps` optimiser steps. */
export interface CurriculumPhase {
  contextTokens: number;
  steps: number;
}

export interface CurriculumConfig {
  /** false: a single phase at maxContextTokens for the sum of the phases' steps. */
  enabled: boolean;
  /** Strictly growing context lengths, the last <= maxContextTokens. */
  phases: CurriculumPhase[];
  /** Upper bound on input tokens (the model's window minus room for the answer). */
  maxContextTokens: number;
}

/** Where a step falls in the schedule. Steps are 0-based optimiser steps. */
export interface PhaseAtStep {
  /** 0-based index of the phase. */
  phase: number;
  contextTokens: number;
  /** 0-based step within the phase. */
  stepInPhase: number;
  phaseSteps: number;
  /** True once step >= the total steps; the last phase is reported. */
  done: boolean;
}

const MAX_TOKENS = 1 << 24;
const MAX_STEPS = 1 << 24;

/** Throws an RlConfigError naming the first bad field (under `field`); returns the config unchanged. */
export function validateCurriculum(config: CurriculumConfig, field = "curriculum"): CurriculumConfig {
  if (typeof config.enabled !== "boolean") throw new RlConfigError(`${field}.enabled`, "expected true or false.");
  requireIntegerInRange(`${field}.maxContextTokens`, config.maxContextTokens, 1, MAX_TOKENS);
  if (!Array.isArray(config.phases) || config.phases.length === 0) {
    throw new RlConfigError(`${field}.phases`, "needs at least one phase.");
  }
  let previous = 0;
  config.phases.forEach((phase, i) => {
    const at = `${field}.phases[${i}]`;
    requireIntegerInRange(`${at}.steps`, phase.steps, 1, MAX_STEPS);
    requireIntegerInRange(`${at}.contextTokens`, phase.contextTokens, 1, config.maxContextTokens);
    if (phase.contextTokens <= previous) {
      throw new RlConfigError(
        `${at}.contextTokens`,
        `phases must grow in context length; ${phase.contextTokens} is not more than the previous ${previous}.`,
      );
    }
    previous = phase.contextTokens;
  });
  return config;
}

/** The phases actually run: the configured ones, or one phase at maxContextTokens when switched off. */
export function resolvePhases(config: CurriculumConfig): CurriculumPhase[] {
  if (config.enabled) return config.phases.map((p) => ({ ...p }));
  return [{ contextTokens: config.maxContextTokens, steps: totalSteps(config.phases) }];
}

/** Sum of the phases' steps. */
export function totalSteps(phases: readonly CurriculumPhase[]): number {
  return phases.reduce((sum, p) => sum + p.steps, 0);
}

/** The phase that step `step` (0-based) belongs to; past the end, the last phase with done = true. */
export function phaseAtStep(phases: readonly CurriculumPhase[], step: number): PhaseAtStep {
  if (phases.length === 0) throw new RangeError("phaseAtStep needs at least one phase.");
  if (!Number.isInteger(step) || step < 0) throw new RangeError(`step must be a non-negative integer, got ${step}.`);
  let start = 0;
  for (let i = 0; i < phases.length; i++) {
    const p = phases[i] as CurriculumPhase;
    if (step < start + p.steps) {
      return { phase: i, contextTokens: p.contextTokens, stepInPhase: step - start, phaseSteps: p.steps, done: false };
    }
    start += p.steps;
  }
  const last = phases[phases.length - 1] as CurriculumPhase;
  return { phase: phases.length - 1, contextTokens: last.contextTokens, stepInPhase: last.steps - 1, phaseSteps: last.steps, done: true };
}
