// Budgeted selection: lazy greedy by value per token, with diminishing returns per document and
// the cost of opening a new section (its header) charged to the first unit taken from it.
import type { Unit } from "./units";

export interface SelectionCosts {
  /** Tokens of a unit's own text plus its separator (exact or a safe estimate). */
  unit(unit: Unit): number;
  /** Tokens of the header that opens a section in the context. */
  header(section: number): number;
  /** Section and document a unit belongs to. */
  sectionOf(unit: Unit): number;
  docOf(unit: Unit): number;
}

/** Selection state carried between rounds of fitting: what is taken and what it opened. */
export interface SelectionState {
  taken: Unit[];
  openSections: Set<number>;
  perDoc: Map<number, number>;
  /** Estimated tokens of the taken units, headers included. */
  tokens: number;
}

export function emptySelection(): SelectionState {
  return { taken: [], openSections: new Set(), perDoc: new Map(), tokens: 0 };
}

/** A unit's value after `alreadyTaken` units of its document: value * decay^alreadyTaken. */
export function decayedValue(value: number, alreadyTaken: number, decay: number): number {
  return value * decay ** alreadyTaken;
}

interface Entry {
  unit: Unit;
  density: number;
}

/** Max-heap on density. */
class Heap {
  private items: Entry[] = [];
  get size(): number {
    return this.items.length;
  }
  push(entry: Entry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.density >= entry.density) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = entry;
  }
  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && items[right]!.density > items[left]!.density ? right : left;
      if (items[child]!.density <= last.density) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
  peek(): Entry | undefined {
    return this.items[0];
  }
}

/**
 * Adds units to `state` greedily by current value per token^costPower (1: plain density; lower
 * favours long units) until nothing more fits in `budget`
 * tokens. Lazy: a popped unit whose density has fallen is pushed back with its new density.
 * Mutates and returns `state`; units already taken are skipped.
 */
export function greedySelect(units: readonly Unit[], budget: number, costs: SelectionCosts, decay: number, costPower = 1, state = emptySelection()): SelectionState {
  const taken = new Set(state.taken);
  const density = (unit: Unit): { density: number; cost: number } => {
    const section = costs.sectionOf(unit);
    const cost = costs.unit(unit) + (state.openSections.has(section) ? 0 : costs.header(section));
    const value = decayedValue(unit.value, state.perDoc.get(costs.docOf(unit)) ?? 0, decay);
    return { density: value / Math.max(cost, 1) ** costPower, cost };
  };
  const heap = new Heap();
  // The first key leaves out header cost and decay, so lazy re-evaluation only ever lowers it.
  for (const unit of units) {
    if (!taken.has(unit) && unit.value > 0) heap.push({ unit, density: unit.value / Math.max(costs.unit(unit), 1) ** costPower });
  }
  while (heap.size > 0) {
    const entry = heap.pop()!;
    const now = density(entry.unit);
    const next = heap.peek();
    if (next && now.density < next.density) {
      heap.push({ unit: entry.unit, density: now.density });
      continue;
    }
    if (state.tokens + now.cost > budget) continue;
    state.taken.push(entry.unit);
    state.tokens += now.cost;
    state.openSections.add(costs.sectionOf(entry.unit));
    const doc = costs.docOf(entry.unit);
    state.perDoc.set(doc, (state.perDoc.get(doc) ?? 0) + 1);
  }
  return state;
}
