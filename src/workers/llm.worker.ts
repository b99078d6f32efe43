// LLM worker: hosts web-llm's MLCEngine off the main thread; the page drives it through
// CreateWebWorkerMLCEngine / WebWorkerMLCEngine (src/adapters/llm/web-llm-engine.ts).
import { WebWorkerMLCEngineHandler } from "@mlc-ai/web-llm";

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (event: MessageEvent) => handler.onmessage(event);
