// Fitting the budget exactly: select on estimated tokens, count the rendered context with the
// real tokenizer, then trim or top up with estimates rescaled by what the count showed.
import type { Tokenizer } from "../text/types";
import { groupCounter } from "./group-count";
import { GROUP_SEPARATOR } from "./render";
import { emptySelection, greedySelect, type SelectionCosts, type SelectionState } from "./select";
import type { Unit } from "./units";

/** Rounds of render, count exactly, then trim or top up. */
const MAX_FIT_ROUNDS = 5;

export interface FitResult {
  text: string;
  tokens: number;
  taken: Unit[];
}

/** Slack (tokens) not worth another exact count: 1.5% of the budget, at least 8. */
export function minTopUp(budget: number): number {
  return Math.max(8, Math.round(budget * 0.015));
}

/** Ratio of exact to estimated tokens, kept within [0.8, 1.25] so one odd count cannot derail the fit. */
export function calibration(exact: number, estimated: number): number {
  if (estimated <= 0) return 1;
  return Math.min(1.25, Math.max(0.8, exact / estimated));
}

function copyState(state: SelectionState): SelectionState {
  return { taken: [...state.taken], openSections: new Set(state.openSections), perDoc: new Map(state.perDoc), tokens: state.tokens };
}

/** Rebuilds a selection without `drop`, recomputing its estimated tokens. */
function without(state: SelectionState, drop: Set<Unit>, costs: SelectionCosts): SelectionState {
  const next = emptySelection();
  for (const unit of state.taken) {
    if (drop.has(unit)) continue;
    const section = costs.sectionOf(unit);
    next.tokens += costs.unit(unit) + (next.openSections.has(section) ? 0 : costs.header(section));
    next.openSections.add(section);
    next.taken.push(unit);
    const doc = costs.docOf(unit);
    next.perDoc.set(doc, (next.perDoc.get(doc) ?? 0) + 1);
  }
  return next;
}

/** Drops the units of least value per token until about `excess` estimated tokens are gone. */
export function trimSelection(state: SelectionState, excess: number, costs: SelectionCosts, costPower = 1): SelectionState {
  const density = (unit: Unit): number => unit.value / costs.unit(unit) ** costPower;
  const ranked = [...state.taken].sort((a, b) => density(a) - density(b));
  const drop = new Set<Unit>();
  let removed = 0;
  for (const unit of ranked) {
    if (removed >= excess) break;
    drop.add(unit);
    removed += costs.unit(unit);
  }
  return without(state, drop, costs);
}

/**
 * Chooses units for `budget` exact tokens. `render` turns units into the context's section groups;
 * the best rendering that fits is returned (empty text if nothing fits).
 */
export function fitBudget(
  units: readonly Unit[],
  budget: number,
  costs: SelectionCosts,
  decay: number,
  costPower: number,
  tokenizer: Tokenizer,
  render: (taken: readonly Unit[]) => string[],
): FitResult {
  const count = groupCounter(tokenizer);
  let best: FitResult = { text: "", tokens: 0, taken: [] };
  let state = greedySelect(units, budget, costs, decay, costPower);
  for (let round = 0; round < MAX_FIT_ROUNDS && state.taken.length > 0; round++) {
    const groups = render(state.taken);
    const tokens = count(groups);
    const scale = calibration(tokens, state.tokens);
    if (tokens <= budget) {
      if (tokens >= best.tokens) best = { text: groups.join(GROUP_SEPARATOR), tokens, taken: [...state.taken] };
      const slack = budget - tokens;
      if (slack < minTopUp(budget)) break;
      const before = state.taken.length;
      const grown = greedySelect(units, state.tokens + slack / scale, costs, decay, costPower, copyState(state));
      if (grown.taken.length === before) break;
      state = grown;
    } else {
      // Trim a little more than the overshoot so the next count is likely to fit.
      state = trimSelection(state, (tokens - budget) / scale + minTopUp(budget) / 2, costs, costPower);
    }
  }
  return best;
}
