// Start, pause, resume, stop, continue a loaded checkpoint, save a checkpoint; shows the run's state and errors.
import { useLabStore } from "./lab-store";

export function RunControls() {
  const status = useLabStore((s) => s.status);
  const hasModel = useLabStore((s) => s.hasModel);
  const current = useLabStore((s) => s.current);
  const error = useLabStore((s) => s.error);
  const notice = useLabStore((s) => s.notice);
  const fieldError = useLabStore((s) => s.fieldError);
  const { start, pause, resume, stop, continueRun, saveCheckpoint } = useLabStore.getState();
  const active = status === "starting" || status === "running" || status === "paused" || status === "stopping";
  return (
    <div className="lab-controls" data-testid="run-controls">
      <button className="primary" disabled={active} onClick={() => void start()} data-testid="start-run">
        Start new run
      </button>
      <button disabled={status !== "running"} onClick={() => void pause()} data-testid="pause-run">
        Pause
      </button>
      <button disabled={status !== "paused"} onClick={() => void resume()} data-testid="resume-run">
        Resume
      </button>
      <button disabled={!active || status === "stopping"} onClick={() => void stop()} data-testid="stop-run">
        Stop
      </button>
      <button disabled={active || !hasModel || status === "done"} onClick={() => void continueRun()} data-testid="continue-run">
        Continue
      </button>
      <button disabled={!hasModel || status === "starting" || status === "stopping"} onClick={() => void saveCheckpoint()} data-testid="save-checkpoint">
        Save checkpoint
      </button>
      <span className={`lab-status lab-status-${status}`} data-testid="run-status" data-status={status}>
        {current ? `${current.name}: ` : ""}
        {status}
        {status === "paused" && " (after the current step)"}
      </span>
      {fieldError && (
        <p className="lab-error" role="alert" data-testid="form-error" data-field={fieldError.field}>
          {fieldError.message}
        </p>
      )}
      {error && (
        <p className="lab-error" role="alert" data-testid="lab-error" data-error-name={error.name}>
          {error.message} {error.hint}
        </p>
      )}
      {notice && !error && (
        <p className="lab-notice" role="status" data-testid="lab-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
