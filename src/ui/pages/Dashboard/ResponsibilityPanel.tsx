import { analyticsApi } from '../../api/endpoints.js';
import { useApi } from '../../api/useApi.js';
import { ErrorMessage } from '../../components/Feedback.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { useI18n } from '../../i18n/index.js';
import { formatDuration } from '../../lib/format.js';
import { Link } from '../../lib/router.js';

interface StatProps {
  label: string;
  value: number | string;
  sub?: string;
  icon: IconName;
  alert?: boolean;
  to?: string;
}

export function Stat({ label, value, sub, icon, alert, to }: StatProps) {
  const body = (
    <>
      <span className="stat-label">
        <Icon name={icon} size={15} />
        {label}
      </span>
      <span className="stat-value">{value}</span>
      {sub ? <span className="stat-sub">{sub}</span> : null}
    </>
  );
  const className = `card stat ${alert ? 'is-alert' : ''}`;
  return to ? (
    <Link to={to} className={className}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}

/** Where ownership is slipping right now: the first thing a lead should look at. */
export function ResponsibilityPanel({ version }: { version: number }) {
  const { t, locale } = useI18n();
  const state = useApi(() => analyticsApi.responsibility(), String(version));
  const r = state.data;
  return (
    <section className="section" aria-labelledby="responsibility-title">
      <div className="section-title">
        <h2 id="responsibility-title">{t('dash.responsibility')}</h2>
        <span className="muted" style={{ fontSize: 13 }}>
          {t('dash.responsibilityHint')}
        </span>
      </div>
      {state.error ? <ErrorMessage error={state.error} onRetry={() => void state.reload()} /> : null}
      {!r && !state.error ? (
        <div className="grid-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="card skeleton" style={{ height: 96 }} />
          ))}
        </div>
      ) : null}
      {r ? (
        <div className="grid-4">
          <Stat
            icon="users"
            label={t('dash.unassigned')}
            value={r.unassigned}
            alert={r.unassigned > 0}
            sub={
              r.oldestUnassignedSeconds
                ? t('dash.oldestWaiting', { time: formatDuration(r.oldestUnassignedSeconds, locale) })
                : t('dash.nobodyWaiting')
            }
            to="/inbox?assigneeId=none"
          />
          <Stat
            icon="clock"
            label={t('dash.overdue')}
            value={r.overdue}
            alert={r.overdue > 0}
            sub={t('dash.overdueHint')}
          />
          <Stat
            icon="transfer"
            label={t('dash.pingPong')}
            value={r.transferredThreeTimesOrMore}
            alert={r.transferredThreeTimesOrMore > 0}
            sub={t('dash.pingPongHint')}
          />
          <Stat
            icon="promise"
            label={t('dash.brokenPromises')}
            value={r.promises.broken}
            alert={r.promises.broken > 0}
            sub={t('dash.promisesSub', { open: r.promises.open, kept: r.promises.kept })}
          />
        </div>
      ) : null}
      {r && r.resolvedWithoutReply > 0 ? (
        <p className="muted" style={{ marginTop: 10, fontSize: 13 }}>
          <Icon name="alert" size={13} /> {t('dash.resolvedWithoutReply', { count: r.resolvedWithoutReply })}
        </p>
      ) : null}
    </section>
  );
}
