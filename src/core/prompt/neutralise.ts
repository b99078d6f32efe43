// Prompt-injection defence: makes text from documents (and the user) unable to forge the prompt's
// own structure — evidence delimiters, think tags, chat-template control tokens — or our citations.

/** Brackets a model may read as "<": ASCII, fullwidth, small form, angle quotes and angle brackets. */
const LESS_THAN_LOOKALIKES = "<\uFF1C\uFE64\u2039\u3008\u27E8\u02C2\u1438\u276E";

/** Tag names the prompt uses or the model obeys; a forged one could open or close a block. */
const TAG_NAMES = ["evidence", "think", "question", "system", "user", "assistant", "tool_call", "tool_response"];

/** "<evidence", "< /think", "＜ evidence" and friends: the bracket, optional "/" and spaces, a name. */
const FORGED_TAG = new RegExp(`[${LESS_THAN_LOOKALIKES}](\\s*/?\\s*)(${TAG_NAMES.join("|")})(?![a-z0-9_])`, "giu");

/** Chat-template control tokens such as <|im_start|>: the tokenizer turns the text into the token. */
const CONTROL_OPEN = /<\|/g;
const CONTROL_CLOSE = /\|>/g;

/** Invisible characters that could hide a tag name from the patterns above. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Bracketed numbers a document uses for its own references: "[12]", "[3, 4]", "[5-7]", "【2】". */
const DOCUMENT_CITATION = /[[\u3010](\s*\d+(?:\s*[-\u2013,;]\s*\d+)*\s*)[\]\u3011]/g;

/** Escapes anything that could act as a tag or control token; the visible text stays readable. */
export function neutraliseControlText(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(CONTROL_OPEN, "&lt;|")
    .replace(CONTROL_CLOSE, "|&gt;")
    .replace(FORGED_TAG, "&lt;$1$2");
}

/**
 * Makes quoted document text safe to fence as evidence: escapes forged delimiters and control
 * tokens, and rewrites the document's own bracketed reference numbers ("[3]" -> "(ref. 3)") so the
 * model cannot copy them out as if they were citations of our evidence.
 */
export function neutraliseEvidenceText(text: string): string {
  return neutraliseControlText(text).replace(DOCUMENT_CITATION, (_match, inner: string) => `(ref. ${inner.trim()})`);
}

/** One line of neutralised text, for titles and labels shown in an evidence header. */
export function neutraliseLabel(text: string): string {
  return neutraliseControlText(text).replace(/\s+/g, " ").trim();
}
