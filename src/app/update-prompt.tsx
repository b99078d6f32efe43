// The "new version" toast. It only offers the reload; while an answer or a run is in progress
// (src/lib/busy.ts) it asks the user to finish that first and keeps the button off.
import { useState } from "react";
import { applyUpdate, useServiceWorker } from "./service-worker";
import { useBusyReason } from "./use-busy";

export function UpdatePrompt() {
  const update = useServiceWorker((state) => state.update);
  const busy = useBusyReason();
  const [dismissed, setDismissed] = useState(false);
  if (update === "none" || dismissed) return null;
  return (
    <div className="update-prompt" role="alert" data-testid="update-prompt" data-busy={busy !== null}>
      <span>A new version of Folio is ready.</span>
      {busy !== null && (
        <span className="update-busy" data-testid="update-busy">
          Finish the current answer first ({busy}).
        </span>
      )}
      <button type="button" className="primary" disabled={busy !== null} onClick={() => applyUpdate()}>
        Reload
      </button>
      <button type="button" aria-label="Later" title="Later" onClick={() => setDismissed(true)}>
        ×
      </button>
    </div>
  );
}
