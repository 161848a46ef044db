import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveEvents, type LiveEvent } from '../../api/events.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { useT } from '../../i18n/index.js';
import { useShortcuts } from '../../lib/hooks.js';
import { navigate, useLocation } from '../../lib/router.js';
import { ConversationList } from './ConversationList.js';
import { ConversationView, NoConversation } from './ConversationView.js';
import { FilterBar } from './FilterBar.js';
import {
  activeFilterCount,
  conversationPath,
  filtersToSearch,
  neighbourId,
  parseFilters,
  type Filters,
} from './filters.js';
import { useConversationList } from './useConversationList.js';

const FALLBACK_POLL_MS = 20_000;

function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  const rows: [string, string][] = [
    ['j / k', t('keys.move')],
    ['r', t('keys.reply')],
    ['e', t('keys.resolve')],
    ['/', t('keys.search')],
    ['Ctrl + Enter', t('keys.send')],
    ['?', t('keys.help')],
  ];
  return (
    <Dialog title={t('keys.title')} onClose={onClose}>
      <table className="table">
        <tbody>
          {rows.map(([key, what]) => (
            <tr key={key}>
              <td style={{ width: 130 }}>
                <kbd>{key}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

export function InboxPage({ openId }: { openId: string | null }) {
  const t = useT();
  const { params } = useLocation();
  const search = params.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(search)), [search]);
  const list = useConversationList(filters, filtersToSearch(filters));
  const [detailVersion, setDetailVersion] = useState(0);
  const [showFilters, setShowFilters] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const openRef = useRef(openId);
  openRef.current = openId;
  const { refresh } = list;

  const onEvent = useCallback(
    (event: LiveEvent) => {
      refresh();
      if (!event.conversationId || event.conversationId === openRef.current) setDetailVersion((v) => v + 1);
    },
    [refresh],
  );
  const live = useLiveEvents(onEvent);
  // Without the live stream (a proxy that buffers SSE, a reconnect in progress) poll now and then.
  useEffect(() => {
    if (live) return;
    const timer = window.setInterval(() => {
      refresh();
      setDetailVersion((v) => v + 1);
    }, FALLBACK_POLL_MS);
    return () => window.clearInterval(timer);
  }, [live, refresh]);

  const setFilters = (next: Filters) => navigate(conversationPath(openId, next));
  const ids = useMemo(() => (list.items ?? []).map((c) => c.id), [list.items]);
  const move = useCallback(
    (step: 1 | -1) => {
      const next = neighbourId(ids, openId, step);
      if (next && next !== openId) {
        navigate(conversationPath(next, filters));
        document
          .querySelector(`[data-conversation-id="${CSS.escape(next)}"]`)
          ?.scrollIntoView({ block: 'nearest' });
      }
    },
    [ids, openId, filters],
  );
  const shortcuts = useMemo(
    () => ({
      j: () => move(1),
      k: () => move(-1),
      '/': () => {
        setShowFilters(true);
        searchRef.current?.focus();
      },
      '?': () => setShowHelp(true),
    }),
    [move],
  );
  useShortcuts(shortcuts);

  const count = list.items?.length ?? 0;
  return (
    <div className={`inbox ${openId ? 'has-open' : ''} ${showFilters ? 'show-filters' : ''}`}>
      <FilterBar
        filters={filters}
        onChange={setFilters}
        searchRef={searchRef}
        onClose={showFilters ? () => setShowFilters(false) : undefined}
      />
      <section className="inbox-list" aria-label={t('inbox.listLabel')}>
        <div className="list-header">
          <Button
            variant="ghost"
            size="sm"
            icon="filter"
            className="filters-toggle"
            onClick={() => setShowFilters((s) => !s)}
            aria-label={t('inbox.filters')}
          />
          <h2>
            {list.items ? t('inbox.count', { count: count + (list.hasMore ? '+' : '') }) : t('nav.inbox')}
          </h2>
          {activeFilterCount(filters) > 0 || filters.q ? (
            <span className="badge badge-accent">{t('inbox.filtered')}</span>
          ) : null}
          <span className="spacer" />
          <span
            className={`live-pill ${live ? '' : 'off'}`}
            title={live ? t('inbox.liveOn') : t('inbox.liveOff')}
          >
            <span className="dot" aria-hidden="true" />
            {live ? t('inbox.live') : t('inbox.offline')}
          </span>
          <Button
            variant="ghost"
            size="sm"
            icon="keyboard"
            onClick={() => setShowHelp(true)}
            aria-label={t('keys.title')}
          />
        </div>
        <div className="list-scroll">
          <ConversationList
            items={list.items}
            loading={list.loading}
            error={list.error}
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            onLoadMore={list.loadMore}
            onRetry={refresh}
            openId={openId}
            filters={filters}
            filtered={activeFilterCount(filters) > 0 || !!filters.q}
          />
        </div>
      </section>
      {openId ? (
        <ConversationView
          key={openId}
          id={openId}
          version={detailVersion}
          onChanged={refresh}
          onBack={() => navigate(conversationPath(null, filters))}
        />
      ) : (
        <NoConversation />
      )}
      {showHelp ? <ShortcutHelp onClose={() => setShowHelp(false)} /> : null}
    </div>
  );
}
