import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ResponseTimeRow } from '../../api/types.js';
import { DataTable } from '../../components/AdminSection.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState, ErrorMessage } from '../../components/Feedback.js';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { formatDuration } from '../../lib/format.js';
import { responseBars } from './analytics.js';
import { ChartCard } from './ChartCard.js';
import { useChartTheme } from './chartTheme.js';

export type GroupBy = 'channel' | 'department' | 'assignee';

const TEXT: Record<GroupBy, { title: MessageKey; column: MessageKey }> = {
  channel: { title: 'dash.byChannel', column: 'field.channel' },
  department: { title: 'dash.byDepartment', column: 'field.department' },
  assignee: { title: 'dash.byAssignee', column: 'field.assignee' },
};

type Label = (row: ResponseTimeRow) => string;

function rowLabel(
  row: ResponseTimeRow,
  groupBy: GroupBy,
  t: Translate,
  userName: (id: string) => string | null,
): string {
  switch (groupBy) {
    case 'channel':
      return row.key ? t(`channel.${row.key as 'email'}`) : '–';
    case 'department':
      return row.label ?? (row.key ? row.key.slice(0, 8) : t('dash.noDepartment'));
    case 'assignee':
      return row.key ? (userName(row.key) ?? row.label ?? row.key.slice(0, 8)) : t('dash.unassigned');
  }
}

interface Props {
  groupBy: GroupBy;
  rows: ResponseTimeRow[] | undefined;
  error: unknown;
  onRetry: () => void;
}

function Table({ rows, column, label }: { rows: ResponseTimeRow[]; column: string; label: Label }) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      compact
      bare
      actions={false}
      columns={[
        { label: column },
        { label: t('dash.answered'), numeric: true },
        { label: t('dash.median'), numeric: true },
        { label: 'P90', numeric: true, title: t('dash.p90') },
        { label: t('dash.resolutionShort'), numeric: true, title: t('dash.resolutionMedian') },
        { label: 'SLA', numeric: true, title: t('dash.slaBreached') },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.key ?? 'none'}>
          <td>{label(row)}</td>
          <td className="num">
            {row.answered} <span className="faint">/ {row.conversations}</span>
          </td>
          <td className="num">{formatDuration(row.firstResponseMedianSeconds, locale)}</td>
          <td className="num">{formatDuration(row.firstResponseP90Seconds, locale)}</td>
          <td className="num">{formatDuration(row.resolutionMedianSeconds, locale)}</td>
          <td className="num">
            {row.slaBreached > 0 ? (
              <Badge tone="danger">{row.slaBreached}</Badge>
            ) : (
              <span className="faint">0</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** First-response median and p90 per channel, department or agent, as a chart and the same as a table. */
export function ResponseTimes({ groupBy, rows, error, onRetry }: Props) {
  const { t, locale } = useI18n();
  const { userName } = useDirectory();
  const theme = useChartTheme();
  const title = t(TEXT[groupBy].title);
  const label: Label = (row) => rowLabel(row, groupBy, t, userName);
  const bars = rows ? responseBars(rows, label) : [];
  // Department and people's names are long: bars lie down so the names stay readable.
  const horizontal = groupBy !== 'channel';
  const tick = { fill: theme.text, fontSize: 12 };
  const hours = (v: unknown) => (typeof v === 'number' ? formatDuration(v * 3600, locale) : '–');
  const radius: [number, number, number, number] = horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0];
  const state = error ? (
    <div className="card-body">
      <ErrorMessage error={error} onRetry={onRetry} />
    </div>
  ) : !rows ? (
    <div className="card-body">
      <div className="skeleton" style={{ height: 240 }} />
    </div>
  ) : rows.length === 0 ? (
    <EmptyState icon="dashboard" title={t('dash.noData')}>
      {t('dash.noDataText')}
    </EmptyState>
  ) : undefined;

  return (
    <ChartCard
      title={title}
      note={t('dash.firstResponseHours')}
      height={horizontal ? Math.max(220, bars.length * 46 + 60) : undefined}
      state={state}
      after={rows ? <Table rows={rows} column={t(TEXT[groupBy].column)} label={label} /> : null}
    >
      <BarChart
        data={bars}
        layout={horizontal ? 'vertical' : 'horizontal'}
        margin={{ top: 12, right: 16, left: horizontal ? 8 : 0, bottom: 0 }}
      >
        <CartesianGrid stroke={theme.grid} vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <XAxis type="number" tick={tick} tickLine={false} axisLine={false} unit=" h" />
        ) : (
          <XAxis dataKey="name" tick={tick} tickLine={false} axisLine={{ stroke: theme.grid }} interval={0} />
        )}
        {horizontal ? (
          <YAxis type="category" dataKey="name" width={130} tick={tick} tickLine={false} axisLine={false} />
        ) : (
          <YAxis tick={tick} tickLine={false} axisLine={false} unit=" h" width={52} />
        )}
        <Tooltip formatter={hours} contentStyle={theme.tooltip} cursor={{ fill: theme.grid, opacity: 0.4 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar
          isAnimationActive={false}
          dataKey="median"
          name={t('dash.median')}
          fill={theme.series[0]}
          radius={radius}
          maxBarSize={horizontal ? 14 : 36}
        />
        <Bar
          isAnimationActive={false}
          dataKey="p90"
          name={t('dash.p90')}
          fill={theme.series[2]}
          radius={radius}
          maxBarSize={horizontal ? 14 : 36}
        />
      </BarChart>
    </ChartCard>
  );
}
