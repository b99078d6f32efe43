// How a chat request becomes the tiny model's prompt. The tiny models never saw a chat template:
// they were trained on one layout (src/core/rl/tasks/evidence-passkey.ts),
//
//   <context>\nQuestion: <question>\n        and they answer        Answer: <key>
//
// so this pure mapping pulls the evidence text and the question out of what Ask sends
// (src/core/prompt/assemble.ts: a system prompt, history, then one user message of
// <evidence id="N"> blocks and a "Question: ..." line) and rebuilds exactly that layout:
// - the system prompt and earlier turns are dropped (the model is single-turn and reads no rules);
// - each evidence block loses its "Source: ..." line and any "[Title, p. 3]" section headers, and
//   keeps its text; blocks are joined by "\n", white space runs inside a block become one space;
// - text is folded to printable ASCII (the character tokenizer's alphabet): "…" -> "...", curly
//   quotes and dashes -> ASCII, other characters dropped;
// - the question is the text after "Question:" up to Ask's closing reminder; a user message
//   without evidence blocks is split at its last "Question:" line, or is all question;
// - when the context does not fit maxPromptChars, whole sentences are kept by how many of the
//   question's words they contain (ties: earlier first), in document order, with " ... " where
//   sentences were left out. The model was trained with the same elision marks.
import { tinyPassageLayout } from "../../core/rl/tasks/evidence-passkey";
import { FolioError } from "../../lib/errors";
import type { ChatMessage } from "./engine";

export interface TinyPrompt {
  /** The exact prompt the model reads (without the BOS token the runtime adds). */
  prompt: string;
  context: string;
  question: string;
  /** Evidence blocks found in the user message. */
  evidenceBlocks: number;
  /** Whether sentences of the context were left out to fit. */
  truncated: boolean;
}

const EVIDENCE_BLOCK = /<evidence id="\d+">([\s\S]*?)<\/evidence>/g;
const SOURCE_LINE = /^\s*Source:.*$/m;
const SECTION_HEADER = /^\s*\[[^\]\n]*\]\s*$/gm;
/** Ask's sentence after the question (formatUserMessage); everything from it on is not the question. */
const ANSWER_REMINDER = /\n\s*Answer from the evidence above[\s\S]*$/;
const NO_EVIDENCE = "(No evidence was found in the documents for this question.)";
const ELISION = " ... ";
const STOPWORDS = new Set(["what", "which", "who", "whom", "whose", "the", "and", "for", "are", "was", "were", "is", "tell", "give", "does", "did", "this", "that", "with", "from", "text", "mentioned", "should"]);

const ASCII_FOLDS: readonly [RegExp, string][] = [
  [/\u2026/g, "..."],
  [/[\u2018\u2019\u201A\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " "],
];

/** Printable ASCII plus newlines: known look-alikes folded, accents stripped, the rest dropped. */
export function foldToAscii(text: string): string {
  let out = text;
  for (const [pattern, replacement] of ASCII_FOLDS) out = out.replace(pattern, replacement);
  return out
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[^\x20-\x7E\n]/g, "");
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Sentences of a context: split after . ! ? and at block breaks; elision marks split too. */
function sentences(context: string): string[] {
  return context
    .split(/\n|\s\.\.\.\s|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s !== "...");
}

function questionWords(question: string): Set<string> {
  const words = question.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => w.length >= 3 && !STOPWORDS.has(w)));
}

/** Sentences kept by overlap with the question within `budget` characters, in their order. */
function fitContext(context: string, question: string, budget: number): string {
  const all = sentences(context);
  const words = questionWords(question);
  const scored = all.map((text, index) => {
    const own = new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
    let score = 0;
    for (const w of words) if (own.has(w)) score++;
    return { text, index, score };
  });
  const order = scored.slice().sort((a, b) => b.score - a.score || a.index - b.index);
  const kept: typeof scored = [];
  const cost = (items: typeof scored): number => {
    const sorted = items.slice().sort((a, b) => a.index - b.index);
    return render(sorted).length;
  };
  for (const candidate of order) {
    if (cost([...kept, candidate]) <= budget) kept.push(candidate);
  }
  return render(kept.sort((a, b) => a.index - b.index));
}

function render(items: readonly { text: string; index: number }[]): string {
  let out = "";
  items.forEach((item, i) => {
    if (i > 0) out += item.index === (items[i - 1] as { index: number }).index + 1 ? " " : ELISION;
    out += item.text;
  });
  return out;
}

/** Evidence texts and the question out of one user message (Ask's layout or free text). */
export function splitUserMessage(content: string): { blocks: string[]; question: string } {
  const text = foldToAscii(content);
  const blocks: string[] = [];
  let lastEnd = -1;
  for (const match of text.matchAll(EVIDENCE_BLOCK)) {
    const body = (match[1] ?? "").replace(SOURCE_LINE, "").replace(SECTION_HEADER, "");
    const block = collapse(body);
    if (block) blocks.push(block);
    lastEnd = match.index + match[0].length;
  }
  const rest = (lastEnd >= 0 ? text.slice(lastEnd) : text).replace(ANSWER_REMINDER, "").replace(NO_EVIDENCE, "");
  const at = rest.lastIndexOf("Question:");
  if (at < 0) return { blocks, question: collapse(rest) };
  if (lastEnd < 0) {
    const before = collapse(rest.slice(0, at));
    if (before) blocks.push(before);
  }
  return { blocks, question: collapse(rest.slice(at + "Question:".length)) };
}

/**
 * The tiny model's prompt for a chat request, at most maxPromptChars characters. Throws
 * InvalidRequestError without a user message or question, ContextWindowExceededError when the
 * question alone does not fit.
 */
export function chatToTinyPrompt(messages: readonly ChatMessage[], maxPromptChars: number): TinyPrompt {
  const user = [...messages].reverse().find((m) => m.role === "user");
  if (!user) throw new FolioError("InvalidRequestError", "The request has no user message.", "Ask a question, then try again.");
  const { blocks, question } = splitUserMessage(user.content);
  if (!question) throw new FolioError("InvalidRequestError", "The question is empty.", "Type a question, then ask again.");
  const budget = maxPromptChars - tinyPassageLayout("", question).length;
  if (budget < 0) {
    throw new FolioError(
      "ContextWindowExceededError",
      `The question takes ${question.length} characters; this tiny model reads at most ${maxPromptChars} in all.`,
      "Ask a shorter question, or load a larger model.",
    );
  }
  const full = blocks.join("\n");
  const context = full.length <= budget ? full : fitContext(full, question, budget);
  return { prompt: tinyPassageLayout(context, question), context, question, evidenceBlocks: blocks.length, truncated: context !== full };
}
