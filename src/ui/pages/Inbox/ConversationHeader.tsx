import { PRIORITIES, STATUSES, type ConversationDetail, type ConversationPatch } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Select } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { ChannelIcon, Stars } from '../../components/Visuals.js';
import { useI18n } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { useNow } from '../../lib/hooks.js';
import { STATUS_TONE } from '../../lib/labels.js';
import { useUser } from '../../lib/session.js';
import { DueBadge, PriorityBadge } from './ConversationItem.js';

interface HeaderProps {
  conv: ConversationDetail;
  busy: boolean;
  onPatch: (patch: ConversationPatch) => void;
  onResolve: () => void;
  onTransfer: () => void;
  onBack: () => void;
  onToggleAside: () => void;
}

export function ConversationHeader({
  conv,
  busy,
  onPatch,
  onResolve,
  onTransfer,
  onBack,
  onToggleAside,
}: HeaderProps) {
  const { t } = useI18n();
  const me = useUser();
  const { users, departmentName } = useDirectory();
  const now = useNow();
  const assignees = users.some((u) => u.id === me.id) ? users : [me, ...users];
  if (conv.assigneeId && !assignees.some((u) => u.id === conv.assigneeId)) {
    assignees.push({ id: conv.assigneeId, name: t('conv.someoneElse'), email: '', role: 'agent' });
  }

  return (
    <header className="conv-header">
      <div className="conv-title">
        <Button
          variant="ghost"
          size="sm"
          icon="chevronLeft"
          className="back-link"
          onClick={onBack}
          aria-label={t('conv.back')}
        />
        <ChannelIcon channel={conv.channel} />
        <h2>{conv.subject || conv.preview || t('conv.noSubject')}</h2>
        <span className="faint mono nowrap">{conv.reference}</span>
        <span className="spacer" />
        <Button
          variant="ghost"
          size="sm"
          icon="panel"
          className="aside-toggle"
          onClick={onToggleAside}
          aria-label={t('conv.details')}
        />
        {conv.status !== 'resolved' ? (
          <Button
            size="sm"
            variant="primary"
            icon="check"
            disabled={busy}
            onClick={onResolve}
            title={t('conv.resolveShortcut')}
          >
            {t('conv.resolve')}
          </Button>
        ) : null}
      </div>
      <div className="row-wrap" style={{ gap: 6 }}>
        <Badge tone={STATUS_TONE[conv.status]}>{t(`status.${conv.status}`)}</Badge>
        {conv.rating !== null ? <Stars rating={conv.rating} size={14} /> : null}
        <PriorityBadge priority={conv.priority} />
        <DueBadge conv={conv} now={now} />
        <span className="faint" style={{ fontSize: 12.5 }}>
          <Icon name="building" size={13} /> {departmentName(conv.departmentId) ?? t('conv.noDepartment')}
        </span>
        {conv.transfers > 0 ? (
          <Badge tone={conv.transfers >= 3 ? 'danger' : 'outline'} title={t('conv.transfersTitle')}>
            <Icon name="transfer" size={11} />
            {t('conv.transfers', { count: conv.transfers })}
          </Badge>
        ) : null}
        {conv.escalatedAt ? <Badge tone="danger">{t('conv.escalated')}</Badge> : null}
      </div>
      <div className="toolbar">
        <label className="sr-only" htmlFor="conv-assignee">
          {t('field.assignee')}
        </label>
        <Select
          id="conv-assignee"
          small
          value={conv.assigneeId ?? ''}
          disabled={busy}
          onChange={(value) => onPatch({ assigneeId: value || null })}
          placeholder={t('conv.unassigned')}
          options={assignees.map((u) => ({
            value: u.id,
            label: u.id === me.id ? t('inbox.me', { name: u.name }) : u.name,
          }))}
        />
        {conv.assigneeId !== me.id ? (
          <Button size="sm" icon="user" disabled={busy} onClick={() => onPatch({ assigneeId: me.id })}>
            {t('conv.takeIt')}
          </Button>
        ) : null}
        <label className="sr-only" htmlFor="conv-status">
          {t('field.status')}
        </label>
        <Select
          id="conv-status"
          small
          value={conv.status}
          disabled={busy}
          onChange={(value) =>
            value === 'resolved' ? onResolve() : onPatch({ status: value as ConversationPatch['status'] })
          }
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <label className="sr-only" htmlFor="conv-priority">
          {t('field.priority')}
        </label>
        <Select
          id="conv-priority"
          small
          value={conv.priority}
          disabled={busy}
          onChange={(value) => onPatch({ priority: value as ConversationPatch['priority'] })}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        />
        <Button size="sm" icon="transfer" disabled={busy} onClick={onTransfer}>
          {t('conv.transfer')}
        </Button>
      </div>
    </header>
  );
}
