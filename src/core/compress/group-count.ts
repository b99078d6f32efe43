// Exact token counts of a context made of section groups, recounting only groups that changed.
//
// Why counting group by group is exact: the context is groups joined by "\n\n", and every group
// starts with "[". Qwen-family pre-tokenizers end a pre-token at a run of line breaks (a mark
// followed by line breaks takes them; white space before a line break goes with it) and start the
// next at "[", so no pre-token, hence no BPE merge, crosses from one group into the next. The
// count of the whole is then the sum of count(group + "\n\n") over all groups but the last, plus
// count(last group). test/unit/compress-fit.test.ts pins this against the real tokenizer.
import type { Tokenizer } from "../text/types";
import { GROUP_SEPARATOR } from "./render";

/** Counts contexts given as groups, caching each group's count for the life of one query. */
export function groupCounter(tokenizer: Tokenizer): (groups: readonly string[]) => number {
  const cache = new Map<string, number>();
  return (groups) => {
    let total = 0;
    groups.forEach((group, i) => {
      const piece = i < groups.length - 1 ? group + GROUP_SEPARATOR : group;
      let n = cache.get(piece);
      if (n === undefined) {
        n = tokenizer.count(piece);
        cache.set(piece, n);
      }
      total += n;
    });
    return total;
  };
}
