// The top bar's offline notice: says that the network is gone and what still works without it.
import { useOnline } from "./use-online";

export const OFFLINE_TEXT =
  "your library, the viewer, evidence-only answers and cached models work; downloading new models needs a connection.";

export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <p className="offline-banner" role="status" data-testid="offline-banner">
      <strong>Offline:</strong> {OFFLINE_TEXT}
    </p>
  );
}
