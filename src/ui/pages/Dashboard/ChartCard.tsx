import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { useT } from '../../i18n/index.js';

interface ChartCardProps {
  title: string;
  note?: string;
  /** Chart height in px (the default suits most charts). */
  height?: number;
  /** Shown instead of the chart while loading, on error or without data. */
  state?: ReactNode;
  /** Below the chart, e.g. the same figures as a table. */
  after?: ReactNode;
  children: ReactElement;
}

/** One dashboard card: title, the chart (named for screen readers), and what belongs under it. */
export function ChartCard({ title, note, height, state, after, children }: ChartCardProps) {
  const t = useT();
  return (
    <div className="card">
      <div className="card-header">
        <h3>{title}</h3>
        {note ? (
          <span className="faint" style={{ fontSize: 12.5 }}>
            {note}
          </span>
        ) : null}
      </div>
      {state ?? (
        <>
          <div
            className="chart-box"
            style={height ? { height } : undefined}
            role="img"
            aria-label={t('dash.chartLabel', { title })}
          >
            <ResponsiveContainer width="100%" height="100%">
              {children}
            </ResponsiveContainer>
          </div>
          {after}
        </>
      )}
    </div>
  );
}
