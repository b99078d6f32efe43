// What capabilities mean for web-llm models (src/core/models/requirements.ts).
import { describe, expect, test } from "vitest";
import { GIB, MIB } from "../../src/core/models/bytes";
import {
  assessModelSupport,
  checkLimit,
  explainUnavailable,
  WEB_LLM_LIMITS,
} from "../../src/core/models/requirements";
import { capabilities, swiftshaderAdapter } from "./models-fixtures";

const binding = WEB_LLM_LIMITS.find((r) => r.limit === "maxStorageBufferBindingSize")!;

describe("checkLimit", () => {
  test("fails below the minimum, is limited below the preferred figure, ok at or above it", () => {
    expect(checkLimit(binding, 64 * MIB).status).toBe("fail");
    expect(checkLimit(binding, 128 * MIB).status).toBe("limited");
    expect(checkLimit(binding, 512 * MIB).status).toBe("limited");
    expect(checkLimit(binding, GIB).status).toBe("ok");
  });
});

describe("assessModelSupport", () => {
  test("SwiftShader: limited (software adapter), q4f32 because shader-f16 is missing", () => {
    const support = assessModelSupport(capabilities());
    expect(support.verdict).toBe("limited");
    expect(support.quantization).toBe("q4f32");
    expect(support.checks.every((c) => c.status === "ok")).toBe(true);
    const text = support.notes.map((n) => n.text).join("\n");
    expect(text).toContain("shader-f16 missing: Folio will use q4f32 models");
    expect(text).toContain("software (fallback) adapter");
    expect(text).toContain("not persistent");
  });

  test("a hardware adapter with shader-f16 is ready and uses q4f16", () => {
    const adapter = swiftshaderAdapter({ isFallbackAdapter: false, shaderF16: true, features: ["shader-f16"] });
    const support = assessModelSupport(
      capabilities({ webgpu: { available: true, adapter }, storage: { supported: true, usage: 0, quota: 50 * GIB, persisted: true } }),
    );
    expect(support.verdict).toBe("ready");
    expect(support.quantization).toBe("q4f16");
    expect(support.notes.filter((n) => n.level !== "info")).toEqual([]);
  });

  test("a limit under web-llm's minimum makes models unsupported and names the limit", () => {
    const adapter = swiftshaderAdapter();
    adapter.limits.maxComputeWorkgroupStorageSize = 16 * 1024;
    const support = assessModelSupport(capabilities({ webgpu: { available: true, adapter } }));
    expect(support.verdict).toBe("unsupported");
    expect(support.quantization).toBeNull();
    const error = support.notes.find((n) => n.level === "error");
    expect(error?.text).toContain("maxComputeWorkgroupStorageSize is 16 KiB, web-llm needs 32 KiB");
  });

  test("a 128 MiB binding limit is limited, not unsupported", () => {
    const adapter = swiftshaderAdapter({ isFallbackAdapter: false });
    adapter.limits.maxStorageBufferBindingSize = 128 * MIB;
    const support = assessModelSupport(capabilities({ webgpu: { available: true, adapter } }));
    expect(support.verdict).toBe("limited");
    expect(support.notes.some((n) => n.level === "warn" && n.text.includes("-1k"))).toBe(true);
  });

  test("no WebGPU: unsupported, with the reason a user can act on", () => {
    const support = assessModelSupport(
      capabilities({ webgpu: { available: false, reason: "no-adapter", detail: "null" } }),
    );
    expect(support.verdict).toBe("unsupported");
    expect(support.checks).toEqual([]);
    expect(support.notes[0]).toEqual({ level: "error", text: explainUnavailable("no-adapter", true) });
  });

  test("little free storage and no cross-origin isolation are warned about", () => {
    const support = assessModelSupport(
      capabilities({
        crossOriginIsolated: false,
        storage: { supported: true, usage: 9.5 * GIB, quota: 10 * GIB, persisted: true },
      }),
    );
    const warnings = support.notes.filter((n) => n.level === "warn").map((n) => n.text);
    expect(warnings.some((t) => t.includes("512 MiB of storage is free"))).toBe(true);
    expect(warnings.some((t) => t.includes("not cross-origin isolated"))).toBe(true);
  });
});

describe("explainUnavailable", () => {
  test("an insecure page is told to use https rather than to change browser", () => {
    expect(explainUnavailable("no-navigator-gpu", false)).toContain("https");
    expect(explainUnavailable("no-navigator-gpu", true)).toContain("no WebGPU");
  });
});
