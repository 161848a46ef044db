import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { Overview } from '../../api/types.js';
import { EmptyState, ErrorMessage } from '../../components/Feedback.js';
import { useI18n } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { topicLabel } from '../../lib/labels.js';
import { byWeek, daysBetween, OTHER_SERIES, sentimentSeries, topicSeries } from './analytics.js';
import { ChartCard } from './ChartCard.js';
import { useChartTheme, type ChartTheme } from './chartTheme.js';

interface Props {
  overview: Overview | undefined;
  error: unknown;
  onRetry: () => void;
}

const WEEKLY_AFTER_DAYS = 45;

/** A stacked bar chart over days (or weeks), one series per key. */
function StackedOverTime({
  data,
  series,
  theme,
  locale,
  name,
}: {
  data: Record<string, unknown>[];
  series: { key: string; colour: string }[];
  theme: ChartTheme;
  locale: string;
  name: (key: string) => string;
}) {
  const tick = (day: unknown) => (typeof day === 'string' ? formatDate(day, locale) : '');
  const axis = { tick: { fill: theme.text, fontSize: 12 }, tickLine: false } as const;
  return (
    <BarChart data={data} margin={{ top: 16, right: 12, left: 0, bottom: 0 }}>
      <CartesianGrid stroke={theme.grid} vertical={false} />
      <XAxis dataKey="day" tickFormatter={tick} {...axis} axisLine={{ stroke: theme.grid }} minTickGap={24} />
      <YAxis allowDecimals={false} {...axis} axisLine={false} width={36} />
      <Tooltip
        labelFormatter={tick}
        formatter={(value, key) => [value, name(String(key))]}
        contentStyle={theme.tooltip}
        cursor={{ fill: theme.grid, opacity: 0.4 }}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value: string) => name(value)} />
      {series.map((s, i) => (
        <Bar
          isAnimationActive={false}
          key={s.key}
          dataKey={s.key}
          name={s.key}
          stackId="stack"
          fill={s.colour}
          radius={i === series.length - 1 ? [3, 3, 0, 0] : undefined}
        />
      ))}
    </BarChart>
  );
}

/** Volume per topic and the mood of customers over the chosen window. */
export function Trends({ overview, error, onRetry }: Props) {
  const { t, locale } = useI18n();
  const theme = useChartTheme();
  if (error) return <ErrorMessage error={error} onRetry={onRetry} />;
  if (!overview) {
    return (
      <div className="grid-2">
        <div className="card skeleton" style={{ height: 330 }} />
        <div className="card skeleton" style={{ height: 330 }} />
      </div>
    );
  }
  if (overview.total === 0) {
    return (
      <div className="card">
        <EmptyState icon="dashboard" title={t('dash.noData')}>
          {t('dash.noDataText')}
        </EmptyState>
      </div>
    );
  }
  const days = daysBetween(new Date(overview.from), new Date(overview.to));
  const weekly = days.length > WEEKLY_AFTER_DAYS;
  const topics = topicSeries(overview.trend, days);
  const topicData = weekly ? byWeek(topics.data as { day: string }[]) : topics.data;
  const sentiment = weekly
    ? byWeek(sentimentSeries(overview.trend, days))
    : sentimentSeries(overview.trend, days);
  const per = weekly ? t('dash.perWeek') : t('dash.perDay');
  const topicName = (key: string) => (key === OTHER_SERIES ? t('dash.otherTopics') : topicLabel(key, t));
  const sentimentName = (key: string) => t(`sentiment.${key as 'neutral'}`);

  return (
    <div className="grid-2">
      <ChartCard title={t('dash.topicVolume')} note={per}>
        <StackedOverTime
          data={topicData}
          series={topics.keys.map((key, i) => ({
            key,
            colour: key === OTHER_SERIES ? theme.neutral : theme.series[i % theme.series.length],
          }))}
          theme={theme}
          locale={locale}
          name={topicName}
        />
      </ChartCard>
      <ChartCard title={t('dash.sentimentTrend')} note={per}>
        <StackedOverTime
          data={sentiment}
          series={[
            { key: 'negative', colour: theme.negative },
            { key: 'neutral', colour: theme.neutral },
            { key: 'positive', colour: theme.positive },
          ]}
          theme={theme}
          locale={locale}
          name={sentimentName}
        />
      </ChartCard>
    </div>
  );
}
