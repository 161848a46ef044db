import {
  SENTIMENTS,
  TOPICS,
  type ConversationDetail,
  type ConversationPatch,
  type CustomerPromise,
} from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { SelectField } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { formatDateTime, formatDuration, formatShortDateTime } from '../../lib/format.js';
import { topicLabel } from '../../lib/labels.js';

export function promiseState(p: CustomerPromise, now: number): 'open' | 'kept' | 'broken' {
  if (p.state) return p.state;
  if (p.kept || p.keptAt) return 'kept';
  return new Date(p.dueAt).getTime() < now ? 'broken' : 'open';
}

function Promises({
  conv,
  onKeep,
  onAdd,
  busy,
}: {
  conv: ConversationDetail;
  onKeep: (p: CustomerPromise) => void;
  onAdd: () => void;
  busy: boolean;
}) {
  const { t, locale } = useI18n();
  const now = Date.now();
  const promises = conv.promises ?? [];
  return (
    <section className="aside-section" aria-label={t('promise.list')}>
      <div className="row">
        <h3 className="filter-group-title">{t('promise.list')}</h3>
        <span className="spacer" />
        <Button size="sm" variant="ghost" icon="plus" disabled={busy} onClick={onAdd}>
          {t('promise.add')}
        </Button>
      </div>
      {promises.length === 0 ? (
        <span className="faint" style={{ fontSize: 12.5 }}>
          {t('promise.none')}
        </span>
      ) : (
        promises.map((p) => {
          const state = promiseState(p, now);
          return (
            <div key={p.id} className={`promise ${state === 'broken' ? 'is-broken' : ''}`}>
              <span>{p.description}</span>
              <div className="row-wrap" style={{ fontSize: 12 }}>
                <Badge tone={state === 'kept' ? 'success' : state === 'broken' ? 'danger' : 'info'}>
                  {t(`promise.${state}`)}
                </Badge>
                <span className="faint nowrap" title={formatDateTime(p.dueAt, locale)}>
                  {formatShortDateTime(p.dueAt, locale)}
                </span>
                <span className="spacer" />
                {state !== 'kept' ? (
                  <Button size="sm" variant="ghost" icon="check" disabled={busy} onClick={() => onKeep(p)}>
                    {t('promise.markKept')}
                  </Button>
                ) : null}
              </div>
            </div>
          );
        })
      )}
    </section>
  );
}

interface DetailsProps {
  conv: ConversationDetail;
  busy: boolean;
  onPatch: (patch: ConversationPatch) => void;
  onKeepPromise: (p: CustomerPromise) => void;
  onAddPromise: () => void;
}

/** Facts about the conversation, and the place to correct what the classifier got wrong. */
export function DetailsPanel({ conv, busy, onPatch, onKeepPromise, onAddPromise }: DetailsProps) {
  const { t, locale } = useI18n();
  const { departmentName } = useDirectory();
  const topics: string[] = TOPICS.includes(conv.topic.id as (typeof TOPICS)[number])
    ? [...TOPICS]
    : [...TOPICS, conv.topic.id];
  return (
    <>
      <section className="aside-section" aria-label={t('conv.classification')}>
        <h3 className="filter-group-title">{t('conv.classification')}</h3>
        <SelectField
          small
          label={t('conv.correctTopic')}
          value={conv.topic.id}
          disabled={busy}
          onChange={(topic) => onPatch({ topic })}
          options={topics.map((id) => ({ value: id, label: topicLabel(id, t) }))}
          hint={t('conv.confidence', { value: Math.round(conv.topic.confidence * 100) })}
        />
        <SelectField
          small
          label={t('conv.correctSentiment')}
          value={conv.sentiment.label}
          disabled={busy}
          onChange={(value) => onPatch({ sentiment: value as ConversationPatch['sentiment'] })}
          options={SENTIMENTS.map((s) => ({ value: s, label: t(`sentiment.${s}`) }))}
          hint={t('conv.learns')}
        />
      </section>
      <Promises conv={conv} onKeep={onKeepPromise} onAdd={onAddPromise} busy={busy} />
      <section className="aside-section" aria-label={t('conv.details')}>
        <h3 className="filter-group-title">{t('conv.details')}</h3>
        <dl className="kv">
          <dt>{t('field.department')}</dt>
          <dd>{departmentName(conv.departmentId) ?? '–'}</dd>
          <dt>{t('field.channel')}</dt>
          <dd>{t(`channel.${conv.channel}`)}</dd>
          <dt>{t('conv.language')}</dt>
          <dd>{conv.language.toUpperCase()}</dd>
          <dt>{t('conv.created')}</dt>
          <dd>{formatDateTime(conv.createdAt, locale)}</dd>
          <dt>{t('conv.firstResponseDue')}</dt>
          <dd>{formatDateTime(conv.firstResponseDueAt, locale)}</dd>
          <dt>{t('conv.firstResponse')}</dt>
          <dd>
            {conv.firstResponseAt
              ? formatDuration(
                  (new Date(conv.firstResponseAt).getTime() - new Date(conv.createdAt).getTime()) / 1000,
                  locale,
                )
              : t('conv.notYet')}
          </dd>
          {conv.externalUrl ? (
            <>
              <dt>{t('conv.source')}</dt>
              <dd>
                <a href={conv.externalUrl} target="_blank" rel="noreferrer noopener">
                  {t('conv.openSource')}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {conv.flags?.length ? (
          <div className="row-wrap">
            {conv.flags.map((f) => (
              <Badge key={f} tone="warning">
                {f}
              </Badge>
            ))}
          </div>
        ) : null}
      </section>
    </>
  );
}
