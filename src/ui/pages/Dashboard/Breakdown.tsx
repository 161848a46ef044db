import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Overview } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { topicLabel } from '../../lib/labels.js';
import { ChartCard } from './ChartCard.js';
import { useChartTheme } from './chartTheme.js';

/** Which topics customers talk about, and through which channels they come, in the window. */
export function Breakdown({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const theme = useChartTheme();
  const tick = { fill: theme.text, fontSize: 12 };
  const topics = Object.entries(overview.byTopic)
    .map(([id, count]) => ({ name: topicLabel(id, t), count }))
    .sort((a, b) => b.count - a.count);
  const channels = Object.entries(overview.byChannel)
    .filter(([, count]) => count > 0)
    .map(([id, count]) => ({ name: t(`channel.${id as 'email'}`), value: count }));

  return (
    <div className="grid-2">
      <ChartCard title={t('dash.topics')} height={Math.max(220, topics.length * 30 + 40)}>
        <BarChart data={topics} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
          <CartesianGrid stroke={theme.grid} horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={tick} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="name" width={150} tick={tick} tickLine={false} axisLine={false} />
          <Tooltip contentStyle={theme.tooltip} cursor={{ fill: theme.grid, opacity: 0.4 }} />
          <Bar
            isAnimationActive={false}
            dataKey="count"
            name={t('dash.conversations')}
            fill={theme.series[0]}
            radius={[0, 4, 4, 0]}
            maxBarSize={20}
          />
        </BarChart>
      </ChartCard>
      <ChartCard title={t('dash.channels')}>
        <PieChart>
          <Pie
            isAnimationActive={false}
            data={channels}
            dataKey="value"
            nameKey="name"
            innerRadius="55%"
            outerRadius="80%"
            paddingAngle={2}
            stroke="none"
          >
            {channels.map((c, i) => (
              <Cell key={c.name} fill={theme.series[i % theme.series.length]} />
            ))}
          </Pie>
          <Tooltip contentStyle={theme.tooltip} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        </PieChart>
      </ChartCard>
    </div>
  );
}
