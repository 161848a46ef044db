import type { ReactNode } from 'react';
import { conversationsApi } from '../../api/endpoints.js';
import type { ConversationSummary } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { Badge } from '../../components/Badge.js';
import { Spinner } from '../../components/Feedback.js';
import { Icon } from '../../components/Icon.js';
import { Avatar, ChannelIcon } from '../../components/Visuals.js';
import { useI18n } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { customerName, STATUS_TONE } from '../../lib/labels.js';
import { Link } from '../../lib/router.js';

/** Who the customer is and what else they have told us — so nobody asks them twice. */
export function CustomerCard({ conv, dataActions }: { conv: ConversationSummary; dataActions?: ReactNode }) {
  const { t, locale } = useI18n();
  const others = useApi(
    () =>
      conversationsApi
        .list({ contactId: conv.contact.id, limit: 10 })
        .then((page) => page.items.filter((c) => c.id !== conv.id)),
    `${conv.contact.id}:${conv.id}`,
  );
  const name = customerName(conv.contact, t);
  return (
    <section className="aside-section" aria-label={t('customer.title')}>
      <div className="row" style={{ gap: 10 }}>
        <Avatar name={name} id={conv.contact.id} size="lg" />
        <div style={{ minWidth: 0 }}>
          <div className="ellipsis" style={{ fontWeight: 650 }}>
            {name}
          </div>
          {conv.contact.email ? (
            <a
              href={`mailto:${conv.contact.email}`}
              className="muted ellipsis"
              title={conv.contact.email}
              style={{ fontSize: 12.5, display: 'block' }}
            >
              {conv.contact.email}
            </a>
          ) : (
            <span className="faint" style={{ fontSize: 12.5 }}>
              {t('customer.noEmail')}
            </span>
          )}
        </div>
      </div>
      {dataActions}
      {conv.repeatContacts > 0 ? (
        <div className="alert alert-info" style={{ padding: '8px 10px', fontSize: 12.5 }}>
          <Icon name="repeat" size={15} />
          <span>{t('customer.repeat', { count: conv.repeatContacts })}</span>
        </div>
      ) : null}
      <h3 className="filter-group-title" style={{ marginTop: 4 }}>
        {t('customer.others')}
      </h3>
      {others.loading && !others.data ? (
        <Spinner small />
      ) : others.error ? (
        <span className="faint" style={{ fontSize: 12.5 }}>
          {t('customer.othersUnavailable')}
        </span>
      ) : others.data && others.data.length > 0 ? (
        <ul className="mini-list">
          {others.data.map((c) => (
            <li key={c.id}>
              <Link to={`/inbox/${encodeURIComponent(c.id)}`}>
                <ChannelIcon channel={c.channel} />
                <span className="title">{c.subject || c.preview}</span>
                <Badge tone={STATUS_TONE[c.status]}>{t(`status.${c.status}`)}</Badge>
              </Link>
              <div className="faint" style={{ fontSize: 11.5, paddingLeft: 36, marginTop: -4 }}>
                <span className="nowrap">{c.reference}</span> · {formatDate(c.createdAt, locale)}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <span className="faint" style={{ fontSize: 12.5 }}>
          {t('customer.noOthers')}
        </span>
      )}
    </section>
  );
}
