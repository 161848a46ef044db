import type { AuditEntry } from '../../api/types.js';
import type { Translate } from '../../i18n/index.js';
import { labelOr } from '../../lib/labels.js';

/** What the server writes audit entries about (the filter offers these). */
export const AUDIT_ENTITY_TYPES = ['connector', 'contact', 'department', 'user'] as const;

export const auditActionLabel = (action: string, t: Translate): string =>
  labelOr(`audit.action.${action}`, action, t);

export const entityTypeLabel = (type: string, t: Translate): string => labelOr(`audit.type.${type}`, type, t);

/** Names an id found under `key` in the data (e.g. departmentIds), or returns it as it is. */
export type NameOf = (key: string, value: string) => string;

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return !!value && typeof value === 'object' && 'from' in value && 'to' in value;
}

function text(value: unknown, name: (value: string) => string): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return name(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** An entry's `data` in one line: "changed: role, password; role agent → manager". */
export function describeAuditData(
  data: AuditEntry['data'],
  t: Translate,
  nameOf: NameOf = (_, value) => value,
): string {
  const parts = Object.entries(data ?? {}).map(([key, value]) => {
    const name = (v: string) => nameOf(key, v);
    if (isChange(value)) return `${key} ${text(value.from, name)} → ${text(value.to, name)}`;
    const label = key === 'changed' ? t('audit.changed') : key;
    if (!Array.isArray(value)) return `${label}: ${text(value, name)}`;
    return `${label}: ${value.length ? value.map((v) => text(v, name)).join(', ') : '–'}`;
  });
  return parts.join('; ') || '–';
}
