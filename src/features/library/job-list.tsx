// The ingestion cards for files being added (and recently added or failed).
import { useShallow } from "zustand/react/shallow";
import { JobCard } from "./job-card";
import { useLibrary } from "./use-library";

export function JobList() {
  const jobIds = useLibrary(useShallow((state) => state.jobOrder));
  const finished = useLibrary((state) => Object.values(state.jobs).filter((job) => job.status === "done").length);
  const clearFinishedJobs = useLibrary((state) => state.clearFinishedJobs);
  if (jobIds.length === 0) return null;
  return (
    <section className="jobs" aria-label="Files being added">
      <div className="section-head">
        <h2>Adding files</h2>
        {finished > 0 && (
          <button type="button" data-testid="clear-finished" onClick={clearFinishedJobs}>
            Clear finished
          </button>
        )}
      </div>
      <ul className="job-list">
        {jobIds.map((id) => (
          <JobCard key={id} jobId={id} />
        ))}
      </ul>
    </section>
  );
}
