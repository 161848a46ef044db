import { useState, type DragEvent } from 'react';
import { connectorsApi, routingApi } from '../../api/endpoints.js';
import type { RoutingRule } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { AdminSection, RowActions, useConfirmDelete } from '../../components/AdminSection.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Icon } from '../../components/Icon.js';
import { useT, type Translate } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { topicLabel } from '../../lib/labels.js';
import { hasRole, useUser } from '../../lib/session.js';
import { useMutation } from '../../lib/useMutation.js';
import { moveItem, positionChanges } from './reorder.js';
import { RuleDialog } from './RuleDialog.js';

type Names = ReturnType<typeof useDirectory>;

/** "Email · topic Delivery · 'lawyer'" → "Logistics · high", in words. */
export function describeRule(
  rule: RoutingRule,
  t: Translate,
  names: Pick<Names, 'departmentName' | 'userName'>,
): { when: string; then: string } {
  const c = rule.conditions;
  const when = [
    c.channel ? t(`channel.${c.channel}`) : null,
    c.topic ? topicLabel(c.topic, t) : null,
    c.sentiment ? t(`sentiment.${c.sentiment}`) : null,
    c.language ? c.language.toUpperCase() : null,
    c.keywords?.length ? c.keywords.map((k) => t('common.quote', { text: k })).join(' / ') : null,
    c.maxRating !== undefined && c.maxRating !== null
      ? t('rules.ratingAtMost', { value: c.maxRating })
      : null,
    c.connectorId ? t('rules.fromConnector') : null,
  ].filter(Boolean);
  const a = rule.actions;
  const then = [
    a.departmentId ? (names.departmentName(a.departmentId) ?? t('event.otherDepartment')) : null,
    a.priority ? t(`priority.${a.priority}`) : null,
    a.assigneeId ? (names.userName(a.assigneeId) ?? t('event.someone')) : null,
  ].filter(Boolean);
  return { when: when.join(' · ') || t('rules.everything'), then: then.join(' · ') || '–' };
}

export function RoutingRules() {
  const t = useT();
  const names = useDirectory();
  const list = useApi(
    () => routingApi.list().then((rules) => [...rules].sort((a, b) => a.position - b.position)),
    'rules',
  );
  // Connectors are an admin's business (API.md): a manager's rules match any connector.
  const isAdmin = hasRole(useUser(), 'admin');
  const connectors = useApi(
    () => (isAdmin ? connectorsApi.list().catch(() => []) : Promise.resolve([])),
    `rule-connectors-${isAdmin}`,
  );
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);
  const m = useMutation();
  const removal = useConfirmDelete<RoutingRule>({
    title: t('rules.removeTitle'),
    text: (r) => t('rules.removeText', { name: r.name }),
    name: (r) => r.name,
    remove: (r) => routingApi.remove(r.id),
    onRemoved: () => void list.reload(),
  });

  const reorder = (rules: RoutingRule[], from: number, to: number) => {
    const ordered = moveItem(rules, from, to);
    const changes = positionChanges(ordered);
    list.setData(
      ordered.map((r) => ({ ...r, position: changes.find((c) => c.id === r.id)?.position ?? r.position })),
    );
    void m
      .run(async () => {
        for (const change of changes) await routingApi.update(change.id, { position: change.position });
      }, t('rules.reordered'))
      .then(() => list.reload());
  };
  const toggle = (rule: RoutingRule) =>
    void m.run(() => routingApi.update(rule.id, { enabled: !rule.enabled })).then(() => list.reload());

  const dragProps = (rules: RoutingRule[], index: number) => ({
    draggable: true,
    onDragStart: (e: DragEvent) => {
      setDragIndex(index);
      e.dataTransfer.effectAllowed = 'move';
    },
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setOverIndex(index);
    },
    onDragEnd: () => {
      setDragIndex(null);
      setOverIndex(null);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      if (dragIndex !== null && dragIndex !== index) reorder(rules, dragIndex, index);
      setDragIndex(null);
      setOverIndex(null);
    },
  });

  return (
    <>
      <AdminSection
        title={t('settings.routing')}
        subtitle={t('rules.subtitle')}
        newLabel={t('rules.new')}
        onNew={() => setEditing('new')}
        state={list}
        empty={{ icon: 'route', title: t('rules.emptyTitle'), text: t('rules.emptyText') }}
      >
        {(rules) => (
          <div className="card">
            <ol className="rule-list" aria-label={t('settings.routing')}>
              {rules.map((rule, index) => {
                const d = describeRule(rule, t, names);
                return (
                  <li
                    key={rule.id}
                    className={`rule ${dragIndex === index ? 'is-dragging' : ''} ${overIndex === index && dragIndex !== index ? 'is-over' : ''}`}
                    {...dragProps(rules, index)}
                  >
                    <span className="rule-handle" title={t('rules.drag')} aria-hidden="true">
                      <Icon name="grip" size={16} />
                    </span>
                    <span className="rule-pos" aria-label={t('rules.position', { n: index + 1 })}>
                      {index + 1}
                    </span>
                    <div style={{ minWidth: 0 }}>
                      <div className="row" style={{ gap: 8 }}>
                        <strong>{rule.name}</strong>
                        {rule.enabled ? null : <Badge>{t('rules.off')}</Badge>}
                      </div>
                      <div className="rule-desc">
                        <span>{t('rules.whenShort')}</span> {d.when} <Icon name="chevronRight" size={12} />{' '}
                        {d.then}
                      </div>
                    </div>
                    <RowActions
                      name={rule.name}
                      onEdit={() => setEditing(rule)}
                      onDelete={() => removal.ask(rule)}
                    >
                      <Button
                        size="sm"
                        variant="ghost"
                        icon="chevronUp"
                        disabled={index === 0 || m.busy}
                        onClick={() => reorder(rules, index, index - 1)}
                        aria-label={t('rules.moveUp', { name: rule.name })}
                      />
                      <Button
                        size="sm"
                        variant="ghost"
                        icon="chevronDown"
                        disabled={index === rules.length - 1 || m.busy}
                        onClick={() => reorder(rules, index, index + 1)}
                        aria-label={t('rules.moveDown', { name: rule.name })}
                      />
                      <Button size="sm" onClick={() => toggle(rule)} disabled={m.busy}>
                        {rule.enabled ? t('rules.disable') : t('rules.enable')}
                      </Button>
                    </RowActions>
                  </li>
                );
              })}
            </ol>
          </div>
        )}
      </AdminSection>
      <p className="faint" style={{ fontSize: 12.5, marginTop: 12 }}>
        {t('rules.fallback')}
      </p>
      {editing ? (
        <RuleDialog
          rule={editing === 'new' ? null : editing}
          connectors={connectors.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.reload();
          }}
        />
      ) : null}
      {removal.dialog}
    </>
  );
}
