// Lab checkpoints as one binary blob: magic, version, a JSON header (config, step, metrics, tensor
// index) and 4-byte-aligned float32 tensor data. Decoding validates everything and throws a
// CheckpointError (a DamagedFileError) that says what is wrong.
import { FolioError } from "../../lib/errors";

export const CHECKPOINT_MAGIC = "FOLIOCKP";
export const CHECKPOINT_VERSION = 1;

/** A named float32 tensor on the host. */
export interface HostTensor {
  shape: number[];
  data: Float32Array<ArrayBuffer>;
}

/** Everything a run needs to resume; tensors by dotted name ("params.layers.0.wqkv", "opt.m.embed"...). */
export interface Checkpoint<Meta = unknown> {
  /** JSON-safe data: configs, step counters, metrics history, sampler snapshot. */
  meta: Meta;
  tensors: Record<string, HostTensor>;
}

export type CheckpointProblem = "too-short" | "bad-magic" | "unsupported-version" | "bad-header" | "bad-tensor" | "truncated";

export class CheckpointError extends FolioError {
  readonly problem: CheckpointProblem;
  constructor(problem: CheckpointProblem, message: string) {
    super("DamagedFileError", `Checkpoint ${problem}: ${message}`, "This checkpoint file is damaged or from another program; pick another checkpoint or start a new run.");
    this.problem = problem;
  }
}

interface TensorEntry {
  name: string;
  shape: number[];
  /** Float offset into the data section. */
  offset: number;
}

interface Header {
  meta: unknown;
  tensors: TensorEntry[];
  /** Total floats in the data section. */
  floats: number;
}

const PREFIX_BYTES = 16; // magic (8) + version (4) + header length (4)

/** Encodes a checkpoint; tensors' sizes must match their shapes. */
export function encodeCheckpoint(checkpoint: Checkpoint): ArrayBuffer {
  const entries: TensorEntry[] = [];
  let floats = 0;
  for (const [name, t] of Object.entries(checkpoint.tensors)) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (size !== t.data.length) throw new RangeError(`tensor ${name} has ${t.data.length} values for shape [${t.shape.join(", ")}].`);
    entries.push({ name, shape: t.shape.slice(), offset: floats });
    floats += size;
  }
  const header: Header = { meta: checkpoint.meta, tensors: entries, floats };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = Math.ceil(json.length / 4) * 4;
  const buffer = new ArrayBuffer(PREFIX_BYTES + headerBytes + floats * 4);
  const bytes = new Uint8Array(buffer);
  bytes.set(new TextEncoder().encode(CHECKPOINT_MAGIC), 0);
  const view = new DataView(buffer);
  view.setUint32(8, CHECKPOINT_VERSION, true);
  view.setUint32(12, json.length, true);
  bytes.set(json, PREFIX_BYTES);
  bytes.fill(0x20, PREFIX_BYTES + json.length, PREFIX_BYTES + headerBytes);
  const data = new Float32Array(buffer, PREFIX_BYTES + headerBytes, floats);
  for (const e of entries) data.set((checkpoint.tensors[e.name] as HostTensor).data, e.offset);
  return buffer;
}

function parseHeader(text: string): Header {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CheckpointError("bad-header", "the header is not valid JSON.");
  }
  const h = parsed as Partial<Header> | null;
  if (!h || typeof h !== "object" || !Array.isArray(h.tensors) || !Number.isInteger(h.floats) || !("meta" in h)) {
    throw new CheckpointError("bad-header", "the header lacks meta, tensors or floats.");
  }
  return h as Header;
}

/** Decodes and validates a checkpoint; throws CheckpointError naming the problem. */
export function decodeCheckpoint<Meta = unknown>(buffer: ArrayBuffer): Checkpoint<Meta> {
  if (buffer.byteLength < PREFIX_BYTES) throw new CheckpointError("too-short", `${buffer.byteLength} bytes is shorter than the ${PREFIX_BYTES}-byte prefix.`);
  const magic = new TextDecoder().decode(new Uint8Array(buffer, 0, 8));
  if (magic !== CHECKPOINT_MAGIC) throw new CheckpointError("bad-magic", "the file does not start with the Folio checkpoint signature.");
  const view = new DataView(buffer);
  const version = view.getUint32(8, true);
  if (version !== CHECKPOINT_VERSION) throw new CheckpointError("unsupported-version", `version ${version}; this build reads version ${CHECKPOINT_VERSION}.`);
  const jsonLength = view.getUint32(12, true);
  const headerBytes = Math.ceil(jsonLength / 4) * 4;
  if (PREFIX_BYTES + headerBytes > buffer.byteLength) throw new CheckpointError("truncated", "the file ends inside its header.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(buffer, PREFIX_BYTES, jsonLength));
  } catch {
    throw new CheckpointError("bad-header", "the header is not valid UTF-8.");
  }
  const header = parseHeader(text);
  const dataStart = PREFIX_BYTES + headerBytes;
  if (dataStart + header.floats * 4 !== buffer.byteLength) {
    throw new CheckpointError("truncated", `expected ${dataStart + header.floats * 4} bytes, found ${buffer.byteLength}.`);
  }
  const data = new Float32Array(buffer, dataStart, header.floats);
  const tensors: Record<string, HostTensor> = {};
  for (const e of header.tensors) {
    const ok =
      typeof e?.name === "string" &&
      Array.isArray(e.shape) &&
      e.shape.every((s) => Number.isInteger(s) && s >= 0) &&
      Number.isInteger(e.offset) &&
      e.offset >= 0;
    if (!ok) throw new CheckpointError("bad-tensor", `a tensor entry is malformed: ${JSON.stringify(e).slice(0, 80)}.`);
    const size = e.shape.reduce((a, b) => a * b, 1);
    if (e.offset + size > header.floats) throw new CheckpointError("bad-tensor", `tensor ${e.name} runs past the end of the data.`);
    const values = data.slice(e.offset, e.offset + size);
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i] as number)) throw new CheckpointError("bad-tensor", `tensor ${e.name} holds a non-finite value at ${i}.`);
    }
    tensors[e.name] = { shape: e.shape, data: values };
  }
  return { meta: header.meta as Meta, tensors };
}
