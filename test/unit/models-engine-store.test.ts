// The Models panel's engine store follows the app's active engine: when Ask makes another engine
// active (the tiny checkpoint) the panel stops saying its model is loaded.
import { expect, it } from "vitest";
import { setActiveEngine } from "../../src/adapters/llm/active-engine";
import type { Engine, EngineCapabilities, LoadedModel } from "../../src/adapters/llm/engine";
import { useEngineStore } from "../../src/features/models/engine-store";

function fakeEngine(modelId: string): Engine {
  const capabilities: EngineCapabilities = { modelId, contextWindow: 512, family: "folio-tiny", templateFamily: null, supportsThinking: false, thinkingSwitch: false, tokenCounting: "exact" };
  return {
    state: "ready",
    capabilities,
    load: async () => ({ capabilities }) as LoadedModel,
    countTokens: async (text: string) => text.length,
    chat: async function* () {},
    stop: () => {},
    unload: async () => {},
  } as unknown as Engine;
}

it("a model loaded in Models is shown until another engine becomes active", async () => {
  const web = fakeEngine("Qwen3-0.6B-q4f32_1-MLC");
  await setActiveEngine(web);
  const loaded = { capabilities: web.capabilities, entry: { name: "Qwen3 0.6B" }, loadSeconds: 1 } as unknown as LoadedModel;
  useEngineStore.setState({ loadStatus: "ready", loaded, loadingModelId: "Qwen3-0.6B-q4f32_1-MLC" });

  await setActiveEngine(web); // same engine, same model: nothing changes
  expect(useEngineStore.getState().loadStatus).toBe("ready");

  await setActiveEngine(fakeEngine("passkey-tiny"));
  expect(useEngineStore.getState()).toMatchObject({ loadStatus: "idle", loaded: null });
});
