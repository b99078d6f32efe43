// The values global-setup.ts hands to every end-to-end test file through vitest's provide/inject.
export {};

declare module "vitest" {
  export interface ProvidedContext {
    /** Where `vite preview` serves dist/, e.g. "http://127.0.0.1:41234" (no trailing slash). */
    folioBaseUrl: string;
    /** The Chromium binary the tests drive. */
    chromiumPath: string;
  }
}
