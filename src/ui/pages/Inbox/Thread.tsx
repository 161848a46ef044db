import { useEffect, useRef } from 'react';
import type { ConversationDetail, ConversationEvent, CustomerPromise, Message } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Icon } from '../../components/Icon.js';
import { Avatar } from '../../components/Visuals.js';
import { useI18n, type Translate } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { formatBytes, formatDateTime } from '../../lib/format.js';
import { customerName, topicLabel } from '../../lib/labels.js';
import { MessageBody } from './MessageBody.js';

function DeliveryInfo({
  message,
  conv,
  onRetry,
  retrying,
}: {
  message: Message;
  conv: ConversationDetail;
  onRetry: (m: Message) => void;
  retrying: boolean;
}) {
  const { t } = useI18n();
  switch (message.deliveryStatus) {
    case undefined:
    case null:
      return null;
    case 'queued':
      return <Badge tone="neutral">{t('delivery.queued')}</Badge>;
    case 'sent':
      return (
        <Badge tone="success">
          <Icon name="check" size={11} />
          {t('delivery.sent')}
        </Badge>
      );
    case 'failed':
      return (
        <>
          <Badge tone="danger">{t('delivery.failed')}</Badge>
          {message.deliveryError ? <span className="error-text">{message.deliveryError}</span> : null}
          <span className="spacer" />
          <Button size="sm" icon="refresh" busy={retrying} onClick={() => onRetry(message)}>
            {t('delivery.retry')}
          </Button>
        </>
      );
    case 'manual':
      if (conv.replyChannel === 'api') {
        return (
          <>
            <Badge tone="info">{t('delivery.stored')}</Badge>
            <span className="muted">{t('delivery.storedHint')}</span>
          </>
        );
      }
      return (
        <>
          <Badge tone="warning">{t('delivery.manual')}</Badge>
          <span className="muted">
            {message.deliveryError ??
              (conv.replyChannel === 'feed' ? t('delivery.manualHint') : t('delivery.manualMail'))}
          </span>
          {conv.externalUrl ? (
            <a
              href={conv.externalUrl}
              target="_blank"
              rel="noreferrer noopener"
              className="row"
              style={{ gap: 4 }}
            >
              {t('delivery.openPlatform')}
              <Icon name="external" size={13} />
            </a>
          ) : null}
        </>
      );
  }
}

function MessageItem({
  message,
  conv,
  onRetry,
  retryingId,
}: {
  message: Message;
  conv: ConversationDetail;
  onRetry: (m: Message) => void;
  retryingId: string | null;
}) {
  const { t, locale } = useI18n();
  const author =
    message.direction === 'inbound'
      ? message.authorName || customerName(conv.contact, t)
      : message.authorName || t('msg.team');
  // Labels avoid the word of the reply box ("Reply"), so the box stays the one thing labelled so.
  const label = t(
    message.direction === 'inbound'
      ? 'msg.inboundFrom'
      : message.direction === 'outbound'
        ? 'msg.outboundFrom'
        : 'msg.noteFrom',
    { name: author },
  );
  return (
    <article
      className={`msg msg-${message.direction}`}
      aria-label={label}
      data-message-id={message.id}
      data-direction={message.direction}
    >
      <header className="msg-head">
        <Avatar
          name={author}
          id={message.direction === 'inbound' ? conv.contact.id : (message.authorUserId ?? author)}
          size="sm"
        />
        <span className="msg-author">{author}</span>
        {message.direction === 'note' ? (
          <Badge tone="warning">
            <Icon name="lock" size={11} />
            {t('msg.note')}
          </Badge>
        ) : message.direction === 'outbound' ? (
          <Badge tone="accent">{t('msg.outbound')}</Badge>
        ) : null}
        <time className="msg-time" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt, locale)}
        </time>
      </header>
      <MessageBody message={message} />
      {message.attachments?.length ? (
        <ul className="attachments" aria-label={t('msg.attachments')}>
          {message.attachments.map((a, i) => (
            <li key={i} className="attachment">
              <Icon name="paperclip" size={14} />
              {a.url ? (
                <a href={a.url}>{a.filename ?? t('msg.unnamed')}</a>
              ) : (
                <span>{a.filename ?? t('msg.unnamed')}</span>
              )}
              <span className="faint">{formatBytes(a.size, locale)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {message.direction === 'outbound' && message.deliveryStatus ? (
        <footer className="msg-foot">
          <DeliveryInfo
            message={message}
            conv={conv}
            onRetry={onRetry}
            retrying={retryingId === message.id}
          />
        </footer>
      ) : null}
    </article>
  );
}

type Names = {
  userName: (id: string | null | undefined) => string | null;
  departmentName: (id: string | null | undefined) => string | null;
};

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** A change is either a plain value or `{from, to}`; this gives the new value. */
function changedTo(value: unknown): string | null {
  if (value && typeof value === 'object' && 'to' in value) return str((value as { to: unknown }).to);
  return str(value);
}

/** One line for a history entry ("Transferred to Logistics — „wrong department“ · Anna"). */
export function describeEvent(
  event: ConversationEvent,
  t: Translate,
  names: Names,
  promises: CustomerPromise[] = [],
): string {
  const d = event.data ?? {};
  const who = names.userName(event.actorUserId);
  const by = who ? ` · ${who}` : '';
  const reasonText = str(d.reason);
  const reason = reasonText ? ` — ${t('common.quote', { text: reasonText })}` : '';
  switch (event.type) {
    case 'status':
      return (
        t('event.status', { status: t(`status.${(changedTo(d.to) ?? 'open') as 'open'}`) }) + reason + by
      );
    case 'priority':
      return (
        t('event.priority', { priority: t(`priority.${(changedTo(d.to) ?? 'normal') as 'normal'}`) }) + by
      );
    case 'assign': {
      const to = str(d.to);
      return (
        (to ? t('event.assign', { name: names.userName(to) ?? t('event.someone') }) : t('event.unassign')) +
        by
      );
    }
    case 'transfer':
      return (
        t('event.transfer', { department: names.departmentName(str(d.to)) ?? t('event.otherDepartment') }) +
        reason +
        by
      );
    case 'escalation':
      return t('event.escalation');
    case 'correction': {
      const topic = changedTo(d.topic);
      const sentiment = changedTo(d.sentiment);
      const parts = [
        topic ? topicLabel(topic, t) : null,
        sentiment ? t(`sentiment.${sentiment as 'neutral'}`) : null,
      ].filter(Boolean);
      return t('event.correction', { what: parts.join(', ') || '–' }) + by;
    }
    case 'reopen':
      return t('event.reopen');
    case 'promise': {
      const what = promises.find((p) => p.id === str(d.promiseId))?.description ?? '';
      const state = str(d.state) ?? str(d.action);
      const key =
        state === 'kept' ? 'event.promiseKept' : state === 'broken' ? 'event.promiseBroken' : 'event.promise';
      return t(key, { what }) + by;
    }
    default:
      return event.type + by;
  }
}

interface ThreadProps {
  conv: ConversationDetail;
  onRetry: (m: Message) => void;
  retryingId: string | null;
}

export function Thread({ conv, onRetry, retryingId }: ThreadProps) {
  const { t, locale } = useI18n();
  const names = useDirectory();
  const ref = useRef<HTMLDivElement>(null);
  const entries = [
    ...conv.messages.map((m) => ({ at: m.createdAt, message: m, event: null })),
    ...(conv.events ?? []).map((e) => ({ at: e.createdAt, message: null, event: e })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const count = entries.length;

  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [conv.id, count]);

  return (
    <div className="thread" ref={ref} aria-label={t('conv.thread')} role="log" tabIndex={0}>
      {entries.map((entry) =>
        entry.message ? (
          <MessageItem
            key={entry.message.id}
            message={entry.message}
            conv={conv}
            onRetry={onRetry}
            retryingId={retryingId}
          />
        ) : entry.event ? (
          <div key={entry.event.id} className="thread-event">
            <Icon
              name={
                entry.event.type === 'transfer'
                  ? 'transfer'
                  : entry.event.type === 'escalation'
                    ? 'alert'
                    : 'clock'
              }
              size={12}
            />
            <span>{describeEvent(entry.event, t, names, conv.promises)}</span>
            <time className="faint" dateTime={entry.event.createdAt}>
              {formatDateTime(entry.event.createdAt, locale)}
            </time>
          </div>
        ) : null,
      )}
    </div>
  );
}
