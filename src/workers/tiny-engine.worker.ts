// Tiny-engine worker: hosts the jax-js runtime of Folio's tiny character-level models off the main
// thread; the page drives it through TinyEngine (src/adapters/llm/tiny-engine.ts).
import type { TinyMethods } from "../adapters/llm/tiny-protocol";
import { TinyRuntime, tinyRuntimeHandlers } from "../adapters/llm/tiny-runtime";
import { serveRpc, type MessagePortLike } from "../lib/rpc";

// DOM's lib types `self` as a Window; in a worker it is the worker scope, a MessagePortLike.
serveRpc<TinyMethods>(self as unknown as MessagePortLike, tinyRuntimeHandlers(new TinyRuntime()));
