// Registers the offline service worker (vite-plugin-pwa / Workbox) and keeps the state the update
// prompt shows. A new version is only ever offered: it is applied when the user asks and nothing
// is busy (see src/lib/busy.ts), never by itself.
/// <reference types="vite-plugin-pwa/vanillajs" />
import { create } from "zustand";
import { registerSW } from "virtual:pwa-register";
import { busyReason } from "../lib/busy";

/**
 * none: this is the newest version. waiting: a new version is installed and waits for "Reload".
 * activated: another tab applied the new version; this page still runs the old code.
 */
export type UpdateStatus = "none" | "waiting" | "activated";

export interface ServiceWorkerState {
  update: UpdateStatus;
  /** Everything the app needs is cached: it will open offline from now on. */
  offlineReady: boolean;
  /** Why registration failed (e.g. a private window without storage); the app still works online. */
  registerError: string | null;
}

export const useServiceWorker = create<ServiceWorkerState>(() => ({
  update: "none",
  offlineReady: false,
  registerError: null,
}));

/** How often an open tab asks the server whether a new version exists. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let skipWaiting: (() => Promise<void>) | null = null;
let userAskedToReload = false;

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  skipWaiting = registerSW({
    immediate: true,
    onNeedRefresh: () => useServiceWorker.setState({ update: "waiting" }),
    onOfflineReady: () => useServiceWorker.setState({ offlineReady: true }),
    // The new version took control of this page. Reload only when the user asked for it here; if
    // another tab applied it, offer the reload instead of pulling the page away mid-answer.
    onNeedReload: () => {
      if (userAskedToReload) window.location.reload();
      else useServiceWorker.setState({ update: "activated" });
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined); // offline or server down: try later
      }, UPDATE_CHECK_MS);
    },
    onRegisterError: (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      useServiceWorker.setState({ registerError: message });
      console.warn(`Folio could not register its offline service worker: ${message}`);
    },
  });
}

/**
 * Switches to the new version and reloads, unless something is busy: then it does nothing and
 * returns false (the prompt says why). Returns true when the reload is under way.
 */
export function applyUpdate(): boolean {
  if (busyReason() !== null) return false;
  const { update } = useServiceWorker.getState();
  if (update === "activated" || skipWaiting === null) {
    window.location.reload();
    return true;
  }
  userAskedToReload = true;
  // Tells the waiting worker to activate; its "controlling" event lands in onNeedReload above.
  void skipWaiting();
  return true;
}
