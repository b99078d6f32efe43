// Draws the PWA manifest's PNG icons from the shapes of public/favicon.svg, with no image tooling:
// a supersampled rasteriser and a PNG encoder on node:zlib. Run: npx tsx scripts/make-icons.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

type Rgba = readonly [number, number, number, number];
const ACCENT: Rgba = [0x2f, 0x4f, 0x6f, 255];
const PAPER_LINE: Rgba = [0xf4, 0xef, 0xe6, 255];
const PAPER: Rgba = [0xf7, 0xf5, 0xf0, 255];

/** A shape in the favicon's 32x32 coordinates: does it cover point (x, y)? */
type Shape = { colour: Rgba; covers: (x: number, y: number) => boolean };

function roundedRect(x0: number, y0: number, w: number, h: number, r: number): (x: number, y: number) => boolean {
  return (x, y) => {
    if (x < x0 || y < y0 || x > x0 + w || y > y0 + h) return false;
    const cx = Math.min(Math.max(x, x0 + r), x0 + w - r);
    const cy = Math.min(Math.max(y, y0 + r), y0 + h - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

/** A horizontal stroke with round caps, as the SVG's stroke-linecap="round" draws it. */
function hStroke(x0: number, x1: number, y0: number, width: number): (x: number, y: number) => boolean {
  return (x, y) => {
    const cx = Math.min(Math.max(x, x0), x1);
    return (x - cx) ** 2 + (y - y0) ** 2 <= (width / 2) ** 2;
  };
}

// Same geometry as public/favicon.svg.
const GLYPH: Shape[] = [
  { colour: ACCENT, covers: roundedRect(5, 3, 22, 26, 3) },
  { colour: PAPER_LINE, covers: hStroke(10, 22, 10, 2) },
  { colour: PAPER_LINE, covers: hStroke(10, 22, 15, 2) },
  { colour: PAPER_LINE, covers: hStroke(10, 18, 20, 2) },
];

/**
 * Renders `size` x `size` RGBA pixels. The glyph's 32 units span `glyphFraction` of the icon,
 * centred; `background` fills the whole square (maskable icons must be full-bleed).
 */
function render(size: number, glyphFraction: number, background: Rgba | null): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4; // 4x4 supersampling per pixel for smooth edges
  const scale = 32 / (size * glyphFraction);
  const offset = (size * (1 - glyphFraction)) / 2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples - offset) * scale;
          const y = (py + (sy + 0.5) / samples - offset) * scale;
          let colour: Rgba | null = background;
          for (const shape of GLYPH) if (shape.covers(x, y)) colour = shape.colour;
          if (!colour) continue;
          // Premultiplied accumulation so transparent samples do not darken edges.
          const a = colour[3] / 255;
          sum[0]! += colour[0] * a;
          sum[1]! += colour[1] * a;
          sum[2]! += colour[2] * a;
          sum[3]! += colour[3];
        }
      }
      const n = samples * samples;
      const alpha = sum[3]! / n;
      const i = (py * size + px) * 4;
      const un = alpha > 0 ? 255 / alpha : 0;
      pixels[i] = Math.round((sum[0]! / n) * un);
      pixels[i + 1] = Math.round((sum[1]! / n) * un);
      pixels[i + 2] = Math.round((sum[2]! / n) * un);
      pixels[i + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha PNG, filter type 0 on every row. */
function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", new Uint8Array())]);
}

const outDir = new URL("../public/icons/", import.meta.url);
mkdirSync(outDir, { recursive: true });
const icons = [
  { name: "icon-192.png", size: 192, glyph: 1, background: null },
  { name: "icon-512.png", size: 512, glyph: 1, background: null },
  // Maskable: platforms crop to a circle of 80% diameter, so the glyph stays inside the middle 60%.
  { name: "icon-maskable-512.png", size: 512, glyph: 0.6, background: PAPER },
  { name: "apple-touch-icon-180.png", size: 180, glyph: 0.8, background: PAPER },
] as const;
for (const icon of icons) {
  writeFileSync(new URL(icon.name, outDir), encodePng(icon.size, render(icon.size, icon.glyph, icon.background)));
  console.log(`public/icons/${icon.name}`);
}
