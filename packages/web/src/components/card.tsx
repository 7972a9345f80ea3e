/** A titled panel for a chart, table or form. */
import type { ReactNode } from 'react';

interface Props {
  readonly title?: string;
  readonly actions?: ReactNode;
  readonly testId?: string;
  readonly className?: string;
  readonly children: ReactNode;
}

export function Card({ title, actions, testId, className, children }: Props) {
  return (
    <section className={`card ${className ?? ''}`} {...(testId === undefined ? {} : { 'data-testid': testId })}>
      {(title !== undefined || actions !== undefined) && (
        <header className="card-head">
          {title !== undefined && <h2>{title}</h2>}
          {actions !== undefined && <div className="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}
