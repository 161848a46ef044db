import { useMemo, useState } from 'react';
import { analyticsApi } from '../../api/endpoints.js';
import { useApi } from '../../api/useApi.js';
import { Button } from '../../components/Button.js';
import { Segmented } from '../../components/Visuals.js';
import { useI18n } from '../../i18n/index.js';
import { Breakdown } from './Breakdown.js';
import { totals } from './analytics.js';
import { ResponseTimes } from './ResponseTimes.js';
import { ResponsibilityPanel, Stat } from './ResponsibilityPanel.js';
import { Trends } from './Trends.js';

type Range = '7' | '30' | '90';
const DAY_MS = 86_400_000;

/** The last `range` days up to the next full minute, so all charts on the page ask the same question. */
function windowOf(range: Range): { from: string; to: string } {
  const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  const from = new Date(to.getTime() - Number(range) * DAY_MS);
  return { from: from.toISOString(), to: to.toISOString() };
}

export function DashboardPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<Range>('30');
  const [version, setVersion] = useState(0);
  const key = `${range}:${version}`;
  // `version` is in the key on purpose: "Refresh" moves the window up to now.
  const { from, to } = useMemo(() => windowOf(range), [range, version]);

  const byChannel = useApi(() => analyticsApi.responseTimes('channel', from, to), key);
  const byDepartment = useApi(() => analyticsApi.responseTimes('department', from, to), key);
  const byAssignee = useApi(() => analyticsApi.responseTimes('assignee', from, to), key);
  const overview = useApi(() => analyticsApi.overview(from, to), key);
  const sum = byChannel.data ? totals(byChannel.data.rows) : null;
  const o = overview.data;
  const openNow = o ? (o.byStatus.new ?? 0) + (o.byStatus.open ?? 0) + (o.byStatus.pending ?? 0) : null;
  const negativeShare = o && o.total > 0 ? Math.round(((o.bySentiment.negative ?? 0) / o.total) * 100) : null;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('nav.dashboard')}</h1>
          <p>{t('dash.subtitle')}</p>
        </div>
        <span className="spacer" />
        <Segmented<Range>
          label={t('dash.range')}
          value={range}
          onChange={setRange}
          options={[
            { value: '7', label: t('dash.days', { count: 7 }) },
            { value: '30', label: t('dash.days', { count: 30 }) },
            { value: '90', label: t('dash.days', { count: 90 }) },
          ]}
        />
        <Button size="sm" icon="refresh" onClick={() => setVersion((v) => v + 1)}>
          {t('common.refresh')}
        </Button>
      </div>

      <div className="grid-4">
        <Stat
          icon="inbox"
          label={t('dash.conversations')}
          value={o ? o.total : '–'}
          sub={
            negativeShare !== null ? t('dash.negativeShare', { value: negativeShare }) : t('dash.inWindow')
          }
        />
        <Stat
          icon="clock"
          label={t('dash.openNow')}
          value={openNow ?? '–'}
          sub={t('dash.openNowSub')}
          to="/inbox?status=new,open,pending"
        />
        <Stat
          icon="check"
          label={t('dash.answeredShare')}
          value={sum && sum.conversations ? `${Math.round((sum.answered / sum.conversations) * 100)} %` : '–'}
          sub={sum ? t('dash.answeredOf', { answered: sum.answered, total: sum.conversations }) : undefined}
        />
        <Stat
          icon="alert"
          label={t('dash.slaBreached')}
          value={sum ? sum.slaBreached : '–'}
          alert={!!sum && sum.slaBreached > 0}
          sub={t('dash.slaSub')}
        />
      </div>

      <ResponsibilityPanel version={version} />

      <section className="section" aria-labelledby="response-title">
        <div className="section-title">
          <h2 id="response-title">{t('dash.responseTimes')}</h2>
        </div>
        <div className="grid-2">
          <ResponseTimes
            groupBy="channel"
            rows={byChannel.data?.rows}
            error={byChannel.error}
            onRetry={() => void byChannel.reload()}
          />
          <ResponseTimes
            groupBy="department"
            rows={byDepartment.data?.rows}
            error={byDepartment.error}
            onRetry={() => void byDepartment.reload()}
          />
        </div>
        <div style={{ marginTop: 16 }}>
          <ResponseTimes
            groupBy="assignee"
            rows={byAssignee.data?.rows}
            error={byAssignee.error}
            onRetry={() => void byAssignee.reload()}
          />
        </div>
      </section>

      <section className="section" aria-labelledby="trends-title">
        <div className="section-title">
          <h2 id="trends-title">{t('dash.trends')}</h2>
        </div>
        <Trends overview={o} error={overview.error} onRetry={() => void overview.reload()} />
        {o && o.total > 0 ? (
          <div style={{ marginTop: 16 }}>
            <Breakdown overview={o} />
          </div>
        ) : null}
      </section>
    </div>
  );
}
