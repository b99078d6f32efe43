// Turns text into index terms: word tokens, case and accent folding, a light suffix stemmer and
// stop words. The same function runs at ingest and at question time so both sides agree.

/** A word token with its position in the source text (UTF-16 offsets, half-open). */
export interface WordToken {
  /** Lower-cased, accent-folded surface form (no stemming). */
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-cases and strips diacritics ("Beyoncé" -> "beyonce"); ASCII input takes the fast path. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize("NFD").replace(COMBINING_MARKS, "");
}

/** Every word token of `text` with offsets relative to `offset`. Apostrophe endings stay attached. */
export function wordTokens(text: string, offset = 0): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = offset + match.index;
    tokens.push({ word: foldWord(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

/**
 * A deliberately light English stemmer: possessives, plurals, -ing and -ed. Over-stemming merges
 * names ("Jones" and "Jone"), which costs less than missing "films"/"film" or "directed"/"director".
 */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, "").replace(/['’]/g, "");
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("er") && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}

const STOP_WORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
    "our ours out over own same she should so some such than that the their theirs them themselves then there these they " +
    "this those through to too under until up very was we were what when where which while who whom whose why will with " +
    "would you your yours yourself yourselves s t"
  ).split(" "),
);

/** True for words that carry no content in a question or a passage. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Index term of a folded word, or null for a stop word. */
export function termOf(word: string): string | null {
  if (isStopWord(word)) return null;
  return stem(word);
}

const termMemo = new Map<string, string | null>();
/** Entries kept before the memo is cleared, bounding its memory (~10 MB). */
const TERM_MEMO_LIMIT = 200_000;

/** Index term of a raw (unfolded) word, memoised: folding and stemming dominate indexing time. */
export function termOfRaw(raw: string): string | null {
  let term = termMemo.get(raw);
  if (term === undefined) {
    term = termOf(foldWord(raw));
    if (termMemo.size >= TERM_MEMO_LIMIT) termMemo.clear();
    termMemo.set(raw, term);
  }
  return term;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_NUMBER.test(text[i]!);
}

/**
 * Calls `visit` with each raw word of text[start, end) (same words as `wordTokens`, unfolded),
 * without allocating token objects: the indexing hot path.
 */
export function forEachWord(text: string, start: number, end: number, visit: (raw: string) => void): void {
  let i = start;
  while (i < end) {
    if (!isWordCode(text.charCodeAt(i), text, i)) {
      i++;
      continue;
    }
    const from = i;
    while (i < end && isWordCode(text.charCodeAt(i), text, i)) i++;
    const quote = text.charCodeAt(i);
    if ((quote === 39 || quote === 0x2019) && i + 1 < end && isWordCode(text.charCodeAt(i + 1), text, i + 1)) {
      i++;
      while (i < end && isWordCode(text.charCodeAt(i), text, i) && text.charCodeAt(i) > 57) i++;
    }
    visit(text.slice(from, i));
  }
}

/** Content terms of a text in order (stop words dropped, stems kept, duplicates kept). */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of wordTokens(text)) {
    const term = termOf(token.word);
    if (term) terms.push(term);
  }
  return terms;
}

/** Folded words of a title with any trailing "(disambiguation)" removed: the entity's name. */
export function titleWords(title: string): string[] {
  const bare = title.replace(/\s*\([^)]*\)\s*$/, "");
  return wordTokens(bare.length > 0 ? bare : title).map((token) => token.word);
}
