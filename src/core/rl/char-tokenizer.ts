// The character tokenizer of the tiny lab models: one token per ASCII character, four special
// tokens in the unused control codes, vocabulary 128. Tasks for these models are measured in it.
import type { Tokenizer } from "../text/types";

/** Padding; never attended to and never scored. */
export const PAD_ID = 0;
/** Start of a sequence. */
export const BOS_ID = 1;
/** End of an answer: sampling stops here. */
export const EOS_ID = 2;
/** Any character outside printable ASCII, tab and newline. */
export const UNK_ID = 3;
/** Token ids are 0 .. CHAR_VOCAB_SIZE - 1. */
export const CHAR_VOCAB_SIZE = 128;

const SPECIAL_NAMES: Readonly<Record<number, string>> = { [PAD_ID]: "", [BOS_ID]: "", [EOS_ID]: "", [UNK_ID]: "\ufffd" };

/** Printable ASCII, tab and newline map to their own code; the rest is UNK. */
function charId(code: number): number {
  return (code >= 32 && code < 127) || code === 9 || code === 10 ? code : UNK_ID;
}

export interface CharTokenizer extends Tokenizer {
  readonly vocabSize: number;
  /** Text back from ids; special tokens vanish (UNK shows as U+FFFD). */
  decode(ids: ArrayLike<number>): string;
}

/** The character tokenizer (family "char-ascii"); ids never include BOS or EOS unless added by the caller. */
export function createCharTokenizer(): CharTokenizer {
  const encode = (text: string): number[] => {
    const ids = new Array<number>(text.length);
    for (let i = 0; i < text.length; i++) ids[i] = charId(text.charCodeAt(i));
    return ids;
  };
  const decode = (ids: ArrayLike<number>): string => {
    let out = "";
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      const special = SPECIAL_NAMES[id];
      out += special ?? (id >= 0 && id < CHAR_VOCAB_SIZE ? String.fromCharCode(id) : "\ufffd");
    }
    return out;
  };
  return { family: "char-ascii", vocabSize: CHAR_VOCAB_SIZE, encode, count: (text) => text.length, decode };
}
