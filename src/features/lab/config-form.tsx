// The run settings form: task, model, curriculum phases, retrospective sampler, GRPO/DAPO options,
// SFT warm-up and optimiser settings, seed and device. A validation error marks the field it names.
import type { ReactNode } from "react";
import { LAB_MODELS, LAB_TASKS, type LabModelSize, type LabTaskName, type TrainDevice } from "../../adapters/nn/lab-spec";
import type { FormField, LabForm, LabPhase } from "./lab-form";
import { useLabStore } from "./lab-store";

function useFieldError(field: FormField): string | null {
  const error = useLabStore((s) => s.fieldError);
  return error?.field === field ? error.message : null;
}

function Field({ field, label, children }: { field: FormField; label: string; children: (invalid: boolean) => ReactNode }) {
  const error = useFieldError(field);
  return (
    <label className={error ? "lab-field invalid" : "lab-field"}>
      <span>{label}</span>
      {children(error !== null)}
      {error && (
        <span className="lab-field-error" role="alert" data-testid="field-error" data-field={field}>
          {error}
        </span>
      )}
    </label>
  );
}

function NumberField({ field, label, value, onChange, step = "any", disabled }: { field: FormField; label: string; value: number; onChange: (v: number) => void; step?: string; disabled: boolean }) {
  return (
    <Field field={field} label={label}>
      {(invalid) => (
        <input
          type="number"
          step={step}
          value={Number.isNaN(value) ? "" : value}
          aria-invalid={invalid}
          disabled={disabled}
          data-testid={`field-${field}`}
          onChange={(e) => onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

function Check({ field, label, checked, onChange, disabled }: { field: FormField; label: string; checked: boolean; onChange: (v: boolean) => void; disabled: boolean }) {
  return (
    <label className="lab-check">
      <input type="checkbox" checked={checked} disabled={disabled} data-testid={`field-${field}`} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function PhaseRows({ phases, disabled, onChange }: { phases: LabPhase[]; disabled: boolean; onChange: (phases: LabPhase[]) => void }) {
  const update = (i: number, patch: Partial<LabPhase>) => onChange(phases.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div className="lab-phases" data-testid="phases">
      {phases.map((phase, i) => (
        <div className="lab-phase" key={i}>
          <NumberField field={`phases[${i}].contextTokens`} label={`Phase ${i + 1} context`} step="1" value={phase.contextTokens} disabled={disabled} onChange={(v) => update(i, { contextTokens: v })} />
          <NumberField field={`phases[${i}].steps`} label="steps" step="1" value={phase.steps} disabled={disabled} onChange={(v) => update(i, { steps: v })} />
          <button type="button" disabled={disabled || phases.length === 1} onClick={() => onChange(phases.filter((_, j) => j !== i))} aria-label={`Remove phase ${i + 1}`}>
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={disabled}
        data-testid="add-phase"
        onClick={() => {
          const last = phases.at(-1) ?? { contextTokens: 32, steps: 20 };
          onChange([...phases, { contextTokens: last.contextTokens * 2, steps: last.steps }]);
        }}
      >
        Add phase
      </button>
    </div>
  );
}

export function ConfigForm({ disabled }: { disabled: boolean }) {
  const form = useLabStore((s) => s.form);
  const setForm = useLabStore((s) => s.setForm);
  const devices = useLabStore((s) => s.devices);
  const num = (key: keyof LabForm, label: string, step = "any") => (
    <NumberField field={key} label={label} step={step} value={form[key] as number} disabled={disabled} onChange={(v) => setForm({ [key]: v })} />
  );
  const check = (key: keyof LabForm, label: string) => (
    <Check field={key} label={label} checked={form[key] as boolean} disabled={disabled} onChange={(v) => setForm({ [key]: v })} />
  );
  return (
    <form className="lab-form" data-testid="lab-form" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Task and model</legend>
        <Field field="name" label="Run name">
          {(invalid) => <input value={form.name} aria-invalid={invalid} disabled={disabled} data-testid="field-name" onChange={(e) => setForm({ name: e.target.value })} />}
        </Field>
        <Field field="task" label="Task">
          {() => (
            <select value={form.task} disabled={disabled} data-testid="field-task" onChange={(e) => setForm({ task: e.target.value as LabTaskName })}>
              {Object.entries(LAB_TASKS).map(([id, t]) => <option key={id} value={id}>{t.label}</option>)}
            </select>
          )}
        </Field>
        <Field field="model" label="Model">
          {() => (
            <select value={form.model} disabled={disabled} data-testid="field-model" onChange={(e) => setForm({ model: e.target.value as LabModelSize })}>
              {Object.entries(LAB_MODELS).map(([id, m]) => <option key={id} value={id}>{m.label}</option>)}
            </select>
          )}
        </Field>
        {num("difficulty", "Difficulty (0-1)")}
        <Field field="device" label="Device">
          {() => (
            <select value={form.device} disabled={disabled} data-testid="field-device" onChange={(e) => setForm({ device: e.target.value as TrainDevice })}>
              <option value="wasm">wasm (CPU)</option>
              <option value="webgpu" disabled={devices !== null && !devices.available.includes("webgpu")}>
                WebGPU{devices?.adapter ? ` (${devices.adapter}${devices.software ? ", software: slow" : ""})` : ""}
              </option>
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>Curriculum</legend>
        {check("curriculumEnabled", "Grow the context in phases (off: one phase at the longest context)")}
        <PhaseRows phases={form.phases} disabled={disabled} onChange={(phases) => setForm({ phases })} />
        {check("retroEnabled", "Retrospective sampler")}
        {form.retroEnabled && num("retroFraction", "Retro fraction of each batch")}
      </fieldset>
      <fieldset>
        <legend>Algorithm</legend>
        <Field field="algorithm" label="Algorithm">
          {() => (
            <select
              value={form.algorithm}
              disabled={disabled}
              data-testid="field-algorithm"
              onChange={(e) => {
                const algorithm = e.target.value as LabForm["algorithm"];
                // Each algorithm's own default aggregation: GRPO per sequence, DAPO per token.
                setForm({ algorithm, tokenLevelLoss: algorithm === "dapo" });
              }}
            >
              <option value="grpo">GRPO</option>
              <option value="dapo">DAPO</option>
            </select>
          )}
        </Field>
        {form.algorithm === "grpo" ? num("clipEps", "Clip ε") : (
          <>
            {num("clipLow", "Clip low")}
            {num("clipHigh", "Clip high")}
          </>
        )}
        {num("klCoef", "KL coefficient")}
        {check("tokenLevelLoss", "Token-level loss")}
        {form.algorithm === "dapo" && (
          <>
            {check("dynamicSampling", "Dynamic sampling")}
            {check("overlongPenalty", "Overlong penalty")}
            {form.overlongPenalty && num("overlongCacheTokens", "Overlong soft zone (tokens)", "1")}
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>Training</legend>
        {num("sftSteps", "SFT warm-up steps (0 = off)", "1")}
        {num("sftBatchSize", "SFT batch", "1")}
        {num("sftLearningRate", "SFT learning rate")}
        {num("groupSize", "Group size", "1")}
        {num("promptsPerStep", "Prompts per step", "1")}
        {num("learningRate", "RL learning rate")}
        {num("maxResponseTokens", "Max answer tokens", "1")}
        {num("seed", "Seed", "1")}
      </fieldset>
    </form>
  );
}
