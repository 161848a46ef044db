import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { notificationsApi } from '../api/endpoints.js';
import type { AppNotification } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { Button } from '../components/Button.js';
import { ErrorMessage, LoadingState } from '../components/Feedback.js';
import { Icon } from '../components/Icon.js';
import { useI18n } from '../i18n/index.js';
import { formatAgo, formatDateTime } from '../lib/format.js';
import { useNow } from '../lib/hooks.js';
import { labelOr } from '../lib/labels.js';
import { navigate } from '../lib/router.js';

const RECENT_LIMIT = 10;

/** Where the arrow keys move focus among `count` notifications, from the one at `at` (-1: none). */
const STEPS: Record<string, (at: number, count: number) => number> = {
  ArrowDown: (at, count) => (at + 1) % count,
  ArrowUp: (at, count) => (at <= 0 ? count - 1 : at - 1),
  Home: () => 0,
  End: (_, count) => count - 1,
};

interface Props {
  /** What the bell counts as unread (may be more than the newest few shown here). */
  unreadIds: string[];
  markRead: (ids: string[]) => void;
  busy: boolean;
  onClose: () => void;
}

/** The newest notifications: opening one marks it read and shows its conversation. */
export function NotificationPanel({ unreadIds, markRead, busy, onClose }: Props) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const now = useNow();
  const recent = useApi(() => notificationsApi.list({ limit: RECENT_LIMIT }), 'recent');
  const items = recent.data ?? [];

  useEffect(() => ref.current?.focus(), []);

  const read = (ids: string[]) => {
    if (ids.length === 0) return;
    recent.setData((list) => (list ?? []).map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)));
    markRead(ids);
  };
  const open = (n: AppNotification) => {
    if (!n.read) read([n.id]);
    onClose();
    if (n.conversationId) navigate(`/inbox/${encodeURIComponent(n.conversationId)}`);
  };
  const allUnread = [...new Set([...unreadIds, ...items.filter((n) => !n.read).map((n) => n.id)])];

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('.notif-item') ?? [])];
    const step = STEPS[e.key];
    if (!step || buttons.length === 0) return;
    e.preventDefault();
    buttons[step(buttons.indexOf(document.activeElement as HTMLElement), buttons.length)].focus();
  };

  return (
    <div
      ref={ref}
      className="menu notif-panel"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="row">
        <h2 id={titleId} className="notif-title">
          {t('notif.title')}
        </h2>
        <span className="spacer" />
        <Button
          size="sm"
          variant="ghost"
          icon="check"
          busy={busy}
          disabled={allUnread.length === 0}
          onClick={() => read(allUnread)}
        >
          {t('notif.markAllRead')}
        </Button>
      </div>
      {recent.error ? <ErrorMessage error={recent.error} onRetry={() => void recent.reload()} /> : null}
      {recent.loading && !recent.data ? <LoadingState /> : null}
      {recent.data && items.length === 0 ? <p className="faint">{t('notif.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="notif-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.read ? 'notif-item' : 'notif-item is-unread'}
                onClick={() => open(n)}
              >
                <Icon name={n.type === 'promise_broken' ? 'promise' : 'alert'} size={16} />
                <span className="notif-body">
                  <span className="notif-meta">
                    {labelOr(`notif.type.${n.type}`, n.type, t)} ·{' '}
                    <time dateTime={n.createdAt} title={formatDateTime(n.createdAt, locale)}>
                      {formatAgo(n.createdAt, now, locale)}
                    </time>
                    {n.read ? null : <span className="sr-only"> · {t('notif.unread')}</span>}
                  </span>{' '}
                  <span className="notif-message">{n.message}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
