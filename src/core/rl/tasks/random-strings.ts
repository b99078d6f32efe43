// Seeded random codes, keys and names for the task generators. Each draws exactly one rng.int per
// character (plus one for a drawn length), so an example replays the same from its seed.
import type { Rng } from "../random";

/** `length` characters drawn uniformly from `alphabet`. */
export function randomString(rng: Rng, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[rng.int(alphabet.length)] as string;
  return out;
}

/** A `length`-digit number as text, never with a leading zero (so it reads as one number). */
export function digits(rng: Rng, length: number): string {
  let out = String(1 + rng.int(9));
  while (out.length < length) out += String(rng.int(10));
  return out;
}
