// Entry point: mounts the app and, in a production build, registers the offline service worker.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { registerServiceWorker } from "./app/service-worker";
import "./app/app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The dev server has no service worker: it would serve stale modules over hot reloads.
if (import.meta.env.PROD) registerServiceWorker();
