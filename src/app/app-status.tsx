// The shell's status corner: the offline notice in the top bar and the update toast.
import { OfflineBanner } from "./offline-banner";
import { UpdatePrompt } from "./update-prompt";
import "./app-status.css";

export function AppStatus() {
  return (
    <>
      <OfflineBanner />
      <UpdatePrompt />
    </>
  );
}
