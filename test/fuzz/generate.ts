// Seeded fuzz inputs for ingestion: mutated real files (byte flips, truncations, splices, repeated
// chunks, PDF-token overwrites) and random HTML, Markdown and text. Input i of seed s is always
// the same bytes, so any failure replays from (seed, index) alone.
import { createRng, deriveSeed, type Rng } from "../../src/core/rl/random";

export interface SeedFile {
  name: string;
  bytes: Uint8Array;
}

export interface FuzzInput {
  index: number;
  name: string;
  type: string;
  bytes: Uint8Array;
  /** How it was made, e.g. "mutate tracemonkey.pdf: flip x12, truncate". */
  recipe: string;
}

/** Inputs are capped so a "repeat" mutation cannot make the run about memory instead of parsing. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

const encoder = new TextEncoder();
/** UTF-8 bytes of generated text, cut at `max` bytes (nested repeats can grow past any cap). */
const clip = (text: string, max: number): Uint8Array => encoder.encode(text.length > max ? text.slice(0, max) : text).subarray(0, max);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)] as T;

/** Tokens that mean something to a PDF parser; overwriting with them reaches deeper code paths. */
const PDF_TOKENS = [
  "obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref", "%%EOF", "/Length 999999999", "/Length -1",
  "/Type /Page", "/Kids [", "/Count 2147483647", "/Filter /FlateDecode", "/Encrypt", "<<", ">>", "[", "]", "(", ")",
  "0 0 R", "1 0 R", "99999 0 R", "-1", "1e308", "NaN", "BT", "ET", "Tj", "TJ", "/Font", "/ToUnicode", "\\", "\u0000",
];
const TEXT_EXTENSIONS = ["txt", "md", "html", "htm", "markdown", "pdf", "docx", "bin", ""];
const MIME_TYPES = ["", "", "text/plain", "text/html", "text/markdown", "application/pdf", "application/octet-stream"];
const WORDS = ["harbour", "tide", "lantern", "the", "ship", "north", "ledger", "mill", "grain", "é", "ß", "中文", "😀", "\u200b", "\u202e", "\ufeff", "&amp;", "&#0;", "&#x110000;"];
const HTML_TAGS = ["p", "div", "h1", "h2", "h6", "script", "style", "svg", "math", "iframe", "template", "noscript", "table", "tr", "td", "li", "ul", "pre", "br", "img", "a", "b", "span", "title", "head", "body", "html", "foreignObject"];

function randomWords(rng: Rng, count: number): string {
  return Array.from({ length: count }, () => pick(rng, WORDS)).join(rng.next() < 0.8 ? " " : "");
}

/** Random unicode text, sometimes with lone surrogates, control characters and very long lines. */
function randomText(rng: Rng): string {
  const parts: string[] = [];
  const count = 1 + rng.int(60);
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    if (roll < 0.5) parts.push(`${randomWords(rng, 1 + rng.int(20))}.`);
    else if (roll < 0.6) parts.push("\n\n");
    else if (roll < 0.7) parts.push(String.fromCharCode(rng.int(0x10000)));
    else if (roll < 0.75) parts.push("\ud800");
    else if (roll < 0.8) parts.push(pick(rng, ["\r\n", "\r", "\u2028", "\u0085", "\t", "\f", "\v"]));
    else if (roll < 0.85) parts.push("x".repeat(rng.int(20_000)));
    else if (roll < 0.9) parts.push(". ".repeat(rng.int(2_000)));
    else parts.push(randomWords(rng, 3));
  }
  return parts.join(rng.next() < 0.5 ? " " : "");
}

function randomHtml(rng: Rng, depth = 0): string {
  let html = "";
  const count = 1 + rng.int(8);
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    const tag = pick(rng, HTML_TAGS);
    const attrs = rng.next() < 0.3 ? ` onload="x()" href="javascript:y" style='a:b'` : rng.next() < 0.1 ? ` a="unterminated` : "";
    if (roll < 0.35) html += randomWords(rng, 1 + rng.int(12));
    else if (roll < 0.75 && depth < 12) html += `<${tag}${attrs}>${randomHtml(rng, depth + 1)}${rng.next() < 0.8 ? `</${tag}>` : ""}`;
    else if (roll < 0.8) html += `<${tag}${attrs}/>`;
    else if (roll < 0.85) html += pick(rng, ["<!--", "-->", "<![CDATA[", "]]>", "<!doctype html>", "<?xml?>", "</", "<", ">", "&", "&#"]);
    else if (roll < 0.9) html += `<${tag}>`.repeat(rng.int(500));
    else html += `&${pick(rng, ["amp", "lt", "nbsp", "#65", "#x1F600", "#xD800", "bogus"])};`;
  }
  return html;
}

function randomMarkdown(rng: Rng): string {
  const lines: string[] = [];
  const count = 1 + rng.int(40);
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    if (roll < 0.15) lines.push(`${"#".repeat(1 + rng.int(7))} ${randomWords(rng, 1 + rng.int(5))}`);
    else if (roll < 0.3) lines.push(`${"  ".repeat(rng.int(6))}${pick(rng, ["-", "*", "1.", "+"])} ${randomWords(rng, 1 + rng.int(8))}`);
    else if (roll < 0.4) lines.push(`| ${randomWords(rng, 2)} | ${randomWords(rng, 2)} |`, "|---|---|", `| a | ${randomWords(rng, 1)} |`);
    else if (roll < 0.47) lines.push("```" + pick(rng, ["", "js", "html"]), randomWords(rng, 5), rng.next() < 0.7 ? "```" : "");
    else if (roll < 0.55) lines.push(randomHtml(rng));
    else if (roll < 0.6) lines.push(`[${randomWords(rng, 2)}](javascript:alert(1)) ![${randomWords(rng, 1)}](x "t") <${randomWords(rng, 1)}@x.y>`);
    // Deep nesting is where recursive parsers overflow their stacks.
    else if (roll < 0.65) lines.push(`${pick(rng, [">", "- ", "* ", "1. "]).repeat(1 + rng.int(3_000))}${randomWords(rng, 2)}`);
    else if (roll < 0.7) lines.push(`${pick(rng, ["*", "_", "[", "`", "~~", "**"]).repeat(1 + rng.int(3_000))}${randomWords(rng, 2)}`);
    else if (roll < 0.73) lines.push("---", "");
    else lines.push(randomWords(rng, 1 + rng.int(30)), "");
  }
  return lines.join("\n");
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** One random mutation of `bytes`; returns the new bytes and a short description. */
function mutateOnce(rng: Rng, bytes: Uint8Array, seeds: readonly SeedFile[]): [Uint8Array, string] {
  const length = bytes.length;
  const at = rng.int(Math.max(1, length));
  switch (rng.int(8)) {
    case 0: {
      const out = bytes.slice();
      const flips = 1 + rng.int(32);
      for (let i = 0; i < flips && length > 0; i++) out[rng.int(length)]! ^= 1 << rng.int(8);
      return [out, `flip x${flips}`];
    }
    case 1:
      return [bytes.slice(0, at), `truncate@${at}`];
    case 2: {
      const other = pick(rng, seeds);
      const from = rng.int(Math.max(1, other.bytes.length));
      return [concat([bytes.subarray(0, at), other.bytes.subarray(from, from + 1 + rng.int(65_536))]), `splice@${at}+${other.name}@${from}`];
    }
    case 3: {
      const size = 1 + rng.int(Math.min(4096, Math.max(1, length - at)));
      const times = 2 + rng.int(64);
      const chunk = bytes.subarray(at, at + size);
      return [concat([bytes.subarray(0, at), ...Array.from({ length: times }, () => chunk), bytes.subarray(at)]), `repeat@${at}x${size}x${times}`];
    }
    case 4: {
      const token = encoder.encode(pick(rng, PDF_TOKENS));
      const out = bytes.slice();
      out.set(token.subarray(0, Math.max(0, length - at)), at);
      return [out, `overwrite@${at}`];
    }
    case 5: {
      const junk = Uint8Array.from({ length: 1 + rng.int(256) }, () => rng.int(256));
      return [concat([bytes.subarray(0, at), junk, bytes.subarray(at)]), `insert@${at}+${junk.length}`];
    }
    case 6: {
      const size = rng.int(Math.max(1, Math.min(65_536, length - at)));
      return [concat([bytes.subarray(0, at), bytes.subarray(at + size)]), `delete@${at}-${size}`];
    }
    default: {
      // Interesting numbers in place of digits: lengths, offsets and counts go wild.
      const digits = encoder.encode(pick(rng, ["0", "4294967295", "2147483648", "-2147483649", "999999999999", "00000"]));
      const out = concat([bytes.subarray(0, at), digits, bytes.subarray(at + digits.length)]);
      return [out, `number@${at}`];
    }
  }
}

/** The `index`-th input of run `seed`, at most `maxBytes` long. */
export function generateInput(seed: number, index: number, seeds: readonly SeedFile[], maxBytes = MAX_INPUT_BYTES): FuzzInput {
  const utf8 = (text: string) => clip(text, maxBytes);
  const rng = createRng(deriveSeed(seed, "fuzz-input", index));
  const roll = rng.next();
  const extension = pick(rng, TEXT_EXTENSIONS);
  const type = pick(rng, MIME_TYPES);
  const named = (base: string) => (extension ? `${base}.${extension}` : base);
  if (roll < 0.12) return { index, name: named("random-text"), type, bytes: utf8(randomText(rng)), recipe: "random text" };
  if (roll < 0.24) return { index, name: "random.html", type: "text/html", bytes: utf8(randomHtml(rng)), recipe: "random html" };
  if (roll < 0.36) return { index, name: "random.md", type: "text/markdown", bytes: utf8(randomMarkdown(rng)), recipe: "random markdown" };
  if (roll < 0.39) {
    const tiny = pick(rng, ["", " ", "\n\n\n", "\u0000", "%PDF-", "%PDF-1.7\n%%EOF", "PK\u0003\u0004", "\ufeff", "\u00ff\u00fe"]);
    return { index, name: named("tiny"), type, bytes: utf8(tiny), recipe: `tiny ${JSON.stringify(tiny)}` };
  }
  if (seeds.length === 0) return { index, name: "random.txt", type: "", bytes: utf8(randomText(rng)), recipe: "random text (no seeds)" };
  const base = pick(rng, seeds);
  let bytes = base.bytes;
  const steps: string[] = [];
  const mutations = 1 + rng.int(4);
  for (let i = 0; i < mutations; i++) {
    const [next, step] = mutateOnce(rng, bytes, seeds);
    bytes = next.length > maxBytes ? next.subarray(0, maxBytes) : next;
    steps.push(step);
  }
  // Mostly keep the seed's name (so detection goes the same way); sometimes lie about it.
  const name = rng.next() < 0.85 ? base.name : named("renamed");
  return { index, name, type: rng.next() < 0.8 ? "" : type, bytes, recipe: `mutate ${base.name}: ${steps.join(", ")}` };
}
