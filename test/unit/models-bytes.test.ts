// Human-readable byte sizes (src/core/models/bytes.ts).
import { describe, expect, test } from "vitest";
import { formatBytes, GIB, KIB, MIB } from "../../src/core/models/bytes";

describe("formatBytes", () => {
  test.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1536, "1.5 KiB"],
    [32 * KIB, "32 KiB"],
    [128 * MIB, "128 MiB"],
    [GIB, "1 GiB"],
    [10 * GIB, "10 GiB"],
    [2.25 * GIB, "2.3 GiB"],
    [4096 * GIB, "4 TiB"],
  ])("%d bytes reads %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  test("unknown, negative and non-finite sizes read 'unknown'", () => {
    expect(formatBytes(null)).toBe("unknown");
    expect(formatBytes(undefined)).toBe("unknown");
    expect(formatBytes(-1)).toBe("unknown");
    expect(formatBytes(Number.NaN)).toBe("unknown");
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe("unknown");
  });
});
