/** A page's title, a line of context and optional actions. */
import type { ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly subtitle?: string | undefined;
  readonly actions?: ReactNode;
}

export function PageHeader({ title, subtitle, actions }: Props) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle !== undefined && <p className="muted">{subtitle}</p>}
      </div>
      {actions !== undefined && <div className="page-actions">{actions}</div>}
    </div>
  );
}
