// Records every network request a browser context makes (pages, their workers, and the service
// worker) so privacy tests can fail on any request that leaves the app's origin.
//
//   const record = recordRequests(browser().context);     // before opening pages
//   ...use the app...
//   expect(requestsOutside(record.requests, appOrigin(), MODEL_HOSTS)).toEqual([]);
//
// Playwright reports service-worker-originated requests on the context in Chromium (request.
// serviceWorker() tells them apart), and a dedicated worker's requests on its page, so one
// context listener sees them all. Requests answered from the service worker's cache still show.
import type { BrowserContext, Request } from "playwright-core";
import { appUrl } from "./browser";

export interface RecordedRequest {
  url: string;
  method: string;
  /** Playwright's resource type: document, script, fetch, other, ... */
  resourceType: string;
  /** Who asked: a page (or one of its dedicated workers) or the service worker. */
  from: "page" | "service-worker";
}

export interface RequestRecord {
  /** Every request so far, in order; it keeps growing until stop(). */
  readonly requests: readonly RecordedRequest[];
  /** Stops recording; `requests` keeps what it has. */
  stop(): void;
  /** Forgets what was recorded so far (e.g. after a setup phase), and keeps recording. */
  clear(): void;
}

export function recordRequests(context: BrowserContext): RequestRecord {
  const requests: RecordedRequest[] = [];
  const onRequest = (request: Request) => {
    requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      from: request.serviceWorker() ? "service-worker" : "page",
    });
  };
  context.on("request", onRequest);
  return {
    requests,
    stop: () => context.off("request", onRequest),
    clear: () => {
      requests.length = 0;
    },
  };
}

/** The served app's origin, e.g. "http://127.0.0.1:41234". */
export function appOrigin(): string {
  return new URL(appUrl()).origin;
}

/**
 * Whether `url` stays on the device or goes where it may: the app's origin, or a host matching
 * one of `allowedHosts` written as CSP host sources ("https://huggingface.co", "https://*.hf.co";
 * a "*." prefix matches subdomains only, as in CSP). data: and blob: URLs never touch the network.
 */
export function isAllowedUrl(url: string, origin: string, allowedHosts: readonly string[] = []): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === "data:" || parsed.protocol === "blob:") return true;
  if (parsed.origin === origin) return true;
  return allowedHosts.some((source) => {
    const match = /^(https?:)\/\/(\*\.)?([^/:]+)$/.exec(source);
    if (!match) throw new Error(`isAllowedUrl: "${source}" is not a scheme://host source`);
    const [, scheme, wildcard, host] = match;
    if (parsed.protocol !== scheme) return false;
    return wildcard ? parsed.hostname.endsWith(`.${host}`) : parsed.hostname === host;
  });
}

/** The recorded requests that went anywhere but the app's origin and `allowedHosts`. */
export function requestsOutside(
  requests: readonly RecordedRequest[],
  origin: string,
  allowedHosts: readonly string[] = [],
): RecordedRequest[] {
  return requests.filter((request) => !isAllowedUrl(request.url, origin, allowedHosts));
}
