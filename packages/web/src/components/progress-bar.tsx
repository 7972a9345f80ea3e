/** A progress bar: determinate with a share (0–1), indeterminate with null. */
interface Props {
  readonly value: number | null;
  readonly label: string;
  readonly testId: string;
}

export function ProgressBar({ value, label, testId }: Props) {
  const pct = value === null ? null : Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      className={`progress ${pct === null ? 'progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(pct === null ? {} : { 'aria-valuenow': pct })}
      data-testid={testId}
      data-value={pct ?? ''}
    >
      <div className="progress-fill" style={pct === null ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
