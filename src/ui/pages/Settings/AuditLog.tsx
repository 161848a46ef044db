import { useState } from 'react';
import { auditApi } from '../../api/endpoints.js';
import type { AuditEntry } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { AdminSection, DataTable } from '../../components/AdminSection.js';
import { Button } from '../../components/Button.js';
import { Select } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { formatDateTime } from '../../lib/format.js';
import { useMutation } from '../../lib/useMutation.js';
import {
  AUDIT_ENTITY_TYPES,
  auditActionLabel,
  describeAuditData,
  entityTypeLabel,
  type NameOf,
} from './auditText.js';

const PAGE = 50;
/** The most the server returns at once. */
const MAX = 200;

const short = (id: string | null) => (id ? id.slice(0, 8) : '–');

/** Who changed connectors, users and departments, and who exported or erased a customer's data. */
export function AuditLog() {
  const { t, locale } = useI18n();
  const directory = useDirectory();
  const [entityType, setEntityType] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const list = useApi(() => auditApi.list({ entityType, limit }), `audit:${entityType}`);
  const more = useMutation();

  const filter = (value: string) => {
    setLimit(PAGE);
    setEntityType(value);
  };
  // A bigger page replaces the list in place, so what is on screen stays while it loads.
  const loadMore = () => {
    const next = Math.min(limit + PAGE, MAX);
    void more
      .run(async () => list.setData(await auditApi.list({ entityType, limit: next })))
      .then((ok) => ok && setLimit(next));
  };

  const actor = (id: string | null) => (id ? (directory.userName(id) ?? short(id)) : t('audit.system'));
  const entityName = (e: AuditEntry) => {
    const known =
      e.entityType === 'user'
        ? directory.userName(e.entityId)
        : e.entityType === 'department'
          ? directory.departmentName(e.entityId)
          : null;
    return known ?? (typeof e.data?.name === 'string' ? e.data.name : short(e.entityId));
  };
  const nameOf: NameOf = (key, value) =>
    (key === 'departmentIds' ? directory.departmentName(value) : null) ?? value;

  return (
    <AdminSection
      title={t('settings.audit')}
      subtitle={t('audit.subtitle')}
      tools={
        <Select
          aria-label={t('audit.entity')}
          small
          value={entityType}
          onChange={filter}
          disabled={more.busy}
          placeholder={t('common.all')}
          options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(type, t) }))}
        />
      }
      state={list}
      empty={{ icon: 'shield', title: t('audit.emptyTitle'), text: t('audit.emptyText') }}
    >
      {(items) => (
        <>
          <DataTable
            actions={false}
            columns={[
              { label: t('audit.time') },
              { label: t('audit.actor') },
              { label: t('audit.action') },
              { label: t('audit.entity') },
              { label: t('audit.details') },
            ]}
          >
            {items.map((e) => (
              <tr key={e.id}>
                <td className="muted" style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, locale)}</time>
                </td>
                <td>{actor(e.actorUserId)}</td>
                <td style={{ fontWeight: 600 }}>{auditActionLabel(e.action, t)}</td>
                <td>
                  <div>{entityTypeLabel(e.entityType, t)}</div>
                  <div className="faint" style={{ fontSize: 12 }}>
                    {entityName(e)}
                  </div>
                </td>
                <td className="muted" style={{ fontSize: 13 }}>
                  {describeAuditData(e.data, t, nameOf)}
                </td>
              </tr>
            ))}
          </DataTable>
          {items.length >= limit && limit < MAX ? (
            <div className="list-footer">
              <Button size="sm" busy={more.busy} onClick={loadMore}>
                {t('common.loadMore')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </AdminSection>
  );
}
