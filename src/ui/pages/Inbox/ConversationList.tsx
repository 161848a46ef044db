import type { ConversationSummary } from '../../api/types.js';
import { Button } from '../../components/Button.js';
import { EmptyState, ErrorMessage } from '../../components/Feedback.js';
import { useI18n } from '../../i18n/index.js';
import { useNow } from '../../lib/hooks.js';
import { ConversationItem } from './ConversationItem.js';
import { conversationPath, type Filters } from './filters.js';

interface ListProps {
  items: ConversationSummary[] | undefined;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onRetry: () => void;
  openId: string | null;
  filters: Filters;
  filtered: boolean;
}

function ListSkeleton() {
  return (
    <div aria-hidden="true">
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <div key={i} className="conv-item" style={{ cursor: 'default' }}>
          <div className="skeleton" style={{ width: 28, height: 28 }} />
          <div className="stack" style={{ gap: 7 }}>
            <div className="skeleton" style={{ width: '55%', height: 12 }} />
            <div className="skeleton" style={{ width: '85%', height: 12 }} />
            <div className="skeleton" style={{ width: '40%', height: 10 }} />
          </div>
        </div>
      ))}
    </div>
  );
}

export function ConversationList({
  items,
  loading,
  error,
  hasMore,
  loadingMore,
  onLoadMore,
  onRetry,
  openId,
  filters,
  filtered,
}: ListProps) {
  const { t } = useI18n();
  const now = useNow();
  if (error && !items) {
    return (
      <div style={{ padding: 14 }}>
        <ErrorMessage error={error} onRetry={onRetry} />
      </div>
    );
  }
  if (!items) return loading ? <ListSkeleton /> : null;
  if (items.length === 0) {
    return (
      <EmptyState
        icon={filtered ? 'search' : 'inbox'}
        title={filtered ? t('inbox.emptyFilteredTitle') : t('inbox.emptyTitle')}
      >
        {filtered ? t('inbox.emptyFilteredText') : t('inbox.emptyText')}
      </EmptyState>
    );
  }
  return (
    <>
      {error ? (
        <div style={{ padding: '10px 14px 0' }}>
          <ErrorMessage error={error} onRetry={onRetry} />
        </div>
      ) : null}
      <ul className="conv-list" aria-label={t('inbox.listLabel')}>
        {items.map((conv) => (
          <ConversationItem
            key={conv.id}
            conv={conv}
            href={conversationPath(conv.id, filters)}
            selected={conv.id === openId}
            now={now}
          />
        ))}
      </ul>
      {hasMore ? (
        <div className="list-footer">
          <Button size="sm" busy={loadingMore} onClick={onLoadMore}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
