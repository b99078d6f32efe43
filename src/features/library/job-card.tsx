// One file's ingestion card: progress while it runs, a named error with its hint, a password form.
import { useState } from "react";
import { documentHash } from "./deep-link";
import { formatBytes, isActive, jobFraction, jobProgressLabel } from "./format";
import { useLibrary } from "./use-library";

export function JobCard({ jobId }: { jobId: string }) {
  // Each card subscribes to its own job, so a page event re-renders one card, not the list.
  const job = useLibrary((state) => state.jobs[jobId]);
  const dismissJob = useLibrary((state) => state.dismissJob);
  if (!job) return null;
  const fraction = jobFraction(job);
  const active = isActive(job.status);

  return (
    <li className={`job-card status-${job.status}`} data-testid="job-card" data-status={job.status} data-file-name={job.fileName}>
      <div className="job-head">
        <span className="job-name" title={job.fileName}>
          {job.fileName}
        </span>
        <span className="job-size">{formatBytes(job.size)}</span>
        <button
          type="button"
          className="job-dismiss"
          data-testid="job-dismiss"
          aria-label={active ? `Cancel ${job.fileName}` : `Dismiss ${job.fileName}`}
          title={active ? "Cancel" : "Dismiss"}
          onClick={() => dismissJob(jobId)}
        >
          ×
        </button>
      </div>
      {active && (
        <div
          className={fraction === null ? "progress indeterminate" : "progress"}
          role="progressbar"
          aria-label={`Adding ${job.fileName}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        >
          <div className="progress-fill" style={fraction === null ? undefined : { width: `${fraction * 100}%` }} />
        </div>
      )}
      <p className="job-stage" data-testid="job-stage">
        {jobProgressLabel(job)}
        {job.status === "done" && (
          <>
            {" · "}
            <a href={documentHash(job.docId)}>Open</a>
          </>
        )}
      </p>
      {job.error && (
        <div className="job-error" data-testid="job-error" data-error-name={job.error.name} role="alert">
          <p className="error-name">{job.error.name}</p>
          <p className="error-message">{job.error.message}</p>
          {job.error.hint && <p className="error-hint">{job.error.hint}</p>}
        </div>
      )}
      {job.status === "needs-password" && <PasswordForm jobId={jobId} fileName={job.fileName} />}
    </li>
  );
}

function PasswordForm({ jobId, fileName }: { jobId: string; fileName: string }) {
  const submitPassword = useLibrary((state) => state.submitPassword);
  const [password, setPassword] = useState("");
  return (
    <form
      className="password-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (password.length > 0) submitPassword(jobId, password);
      }}
    >
      <input
        type="password"
        autoComplete="off"
        placeholder="Password"
        aria-label={`Password for ${fileName}`}
        data-testid="job-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        autoFocus
      />
      <button type="submit" className="primary" data-testid="job-password-submit" disabled={password.length === 0}>
        Open
      </button>
    </form>
  );
}
