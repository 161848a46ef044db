import { useCallback } from 'react';
import { notificationsApi } from '../api/endpoints.js';
import { useApi } from '../api/useApi.js';
import { Icon } from '../components/Icon.js';
import { useT } from '../i18n/index.js';
import { usePopover, useRefresh } from '../lib/hooks.js';
import { useMutation } from '../lib/useMutation.js';
import { NotificationPanel } from './NotificationPanel.js';

/** The server has no notification event on the live stream, so the count is polled. */
const REFRESH_MS = 60_000;
/** Enough to count; beyond it the badge says "99+". */
const UNREAD_LIMIT = 100;

/** The bell in the app frame: how many of my notifications are unread, and the newest in a panel. */
export function NotificationBell() {
  const t = useT();
  const popover = usePopover();
  const unread = useApi(() => notificationsApi.list({ unread: true, limit: UNREAD_LIMIT }), 'unread');
  const { reload, setData } = unread;
  useRefresh(reload, REFRESH_MS);
  const m = useMutation();
  const { run } = m;

  const markRead = useCallback(
    (ids: string[]) => {
      setData((list) => (list ?? []).filter((n) => !ids.includes(n.id)));
      void run(() => Promise.all(ids.map((id) => notificationsApi.markRead(id)))).then(() => reload());
    },
    [setData, run, reload],
  );

  const count = unread.data?.length ?? 0;
  const shown = count >= UNREAD_LIMIT ? `${UNREAD_LIMIT - 1}+` : String(count);
  return (
    <div ref={popover.ref} style={{ position: 'relative' }}>
      <button
        ref={popover.toggle}
        type="button"
        className="rail-button"
        aria-haspopup="dialog"
        aria-expanded={popover.open}
        aria-label={t('notif.button', { count: shown })}
        title={t('notif.title')}
        onClick={() => popover.setOpen((o) => !o)}
      >
        <Icon name="bell" size={21} />
        {count > 0 ? (
          <span className="rail-count" aria-hidden="true">
            {shown}
          </span>
        ) : null}
      </button>
      {popover.open ? (
        <NotificationPanel
          unreadIds={(unread.data ?? []).map((n) => n.id)}
          markRead={markRead}
          busy={m.busy}
          onClose={() => popover.setOpen(false)}
        />
      ) : null}
    </div>
  );
}
