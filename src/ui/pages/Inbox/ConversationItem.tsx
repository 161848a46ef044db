import type { ConversationSummary } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { Icon } from '../../components/Icon.js';
import { ChannelIcon, Stars } from '../../components/Visuals.js';
import { useI18n } from '../../i18n/index.js';
import { dueState, formatAgo, formatDuration } from '../../lib/format.js';
import { customerName, PRIORITY_TONE, SENTIMENT_TONE, topicLabel } from '../../lib/labels.js';
import { Link } from '../../lib/router.js';

export function DueBadge({ conv, now }: { conv: ConversationSummary; now: number }) {
  const { t, locale } = useI18n();
  const due = dueState(conv, now);
  if (due.state === 'none') return null;
  const text =
    due.state === 'overdue'
      ? t('due.overdue', { time: formatDuration(due.seconds, locale) })
      : t('due.in', { time: formatDuration(due.seconds, locale) });
  return (
    <span className={`due due-${due.state}`} title={t('due.title')}>
      <Icon name={due.state === 'overdue' ? 'alert' : 'clock'} size={12} />
      {text}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: ConversationSummary['priority'] }) {
  const { t } = useI18n();
  if (priority === 'normal') return null;
  return (
    <Badge tone={PRIORITY_TONE[priority]} title={t('field.priority')}>
      {priority === 'urgent' || priority === 'high' ? <Icon name="arrowUp" size={11} /> : null}
      {t(`priority.${priority}`)}
    </Badge>
  );
}

interface ItemProps {
  conv: ConversationSummary;
  href: string;
  selected: boolean;
  now: number;
}

export function ConversationItem({ conv, href, selected, now }: ItemProps) {
  const { t, locale } = useI18n();
  return (
    <li>
      <Link
        to={href}
        className={`conv-item ${conv.status === 'new' ? 'is-unread' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-conversation-id={conv.id}
      >
        <ChannelIcon channel={conv.channel} />
        <div style={{ minWidth: 0 }}>
          <div className="conv-top">
            <span className="conv-customer">{customerName(conv.contact, t)}</span>
            {conv.rating !== null ? <Stars rating={conv.rating} size={11} /> : null}
            <time className="conv-age" dateTime={conv.lastMessageAt}>
              {formatAgo(conv.lastMessageAt, now, locale)}
            </time>
          </div>
          {conv.subject ? <div className="conv-subject">{conv.subject}</div> : null}
          <div className={conv.subject ? 'conv-preview' : 'conv-preview is-lead'}>
            {conv.preview || t('conv.noSubject')}
          </div>
          <div className="conv-meta">
            <PriorityBadge priority={conv.priority} />
            <Badge tone={SENTIMENT_TONE[conv.sentiment.label]} dot>
              {t(`sentiment.${conv.sentiment.label}`)}
            </Badge>
            <Badge tone="outline">{topicLabel(conv.topic.id, t)}</Badge>
            {conv.repeatContacts > 0 ? (
              <Badge tone="violet" title={t('conv.repeatTitle')}>
                <Icon name="repeat" size={11} />
                {conv.repeatContacts}
              </Badge>
            ) : null}
            <DueBadge conv={conv} now={now} />
            {conv.status === 'resolved' || conv.status === 'pending' ? (
              <Badge tone={conv.status === 'resolved' ? 'success' : 'warning'}>
                {t(`status.${conv.status}`)}
              </Badge>
            ) : null}
          </div>
        </div>
      </Link>
    </li>
  );
}
