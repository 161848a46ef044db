import type { ConnectorKind } from '../../api/types.js';
import type { MessageKey } from '../../i18n/index.js';

export type FieldType =
  'text' | 'number' | 'secret' | 'checkbox' | 'url' | 'email' | 'lines' | 'department' | 'emailConnector';

export interface FieldSpec {
  /** Dotted path into `settings` ("imap.host"). */
  key: string;
  label: MessageKey;
  type: FieldType;
  required?: boolean;
  hint?: MessageKey;
  group?: MessageKey;
  placeholder?: string;
  defaultValue?: string | boolean;
}

/** What the server shows instead of a stored secret; sending it back keeps the secret. */
export const MASK = '********';

export const CONNECTOR_FIELDS: Record<ConnectorKind, FieldSpec[]> = {
  email: [
    {
      key: 'address',
      label: 'conn.address',
      type: 'email',
      required: true,
      hint: 'conn.addressHint',
      placeholder: 'service@example.com',
    },
    {
      key: 'imap.host',
      label: 'conn.host',
      type: 'text',
      required: true,
      group: 'conn.imap',
      placeholder: 'imap.example.com',
    },
    {
      key: 'imap.port',
      label: 'conn.port',
      type: 'number',
      required: true,
      group: 'conn.imap',
      defaultValue: '993',
    },
    { key: 'imap.user', label: 'conn.user', type: 'text', required: true, group: 'conn.imap' },
    { key: 'imap.password', label: 'conn.password', type: 'secret', required: true, group: 'conn.imap' },
    { key: 'imap.mailbox', label: 'conn.mailbox', type: 'text', group: 'conn.imap', placeholder: 'INBOX' },
    { key: 'imap.secure', label: 'conn.secure', type: 'checkbox', group: 'conn.imap', defaultValue: true },
    {
      key: 'smtp.host',
      label: 'conn.host',
      type: 'text',
      required: true,
      group: 'conn.smtp',
      placeholder: 'smtp.example.com',
    },
    {
      key: 'smtp.port',
      label: 'conn.port',
      type: 'number',
      required: true,
      group: 'conn.smtp',
      defaultValue: '465',
    },
    { key: 'smtp.user', label: 'conn.user', type: 'text', group: 'conn.smtp' },
    { key: 'smtp.password', label: 'conn.password', type: 'secret', group: 'conn.smtp' },
    { key: 'smtp.secure', label: 'conn.secure', type: 'checkbox', group: 'conn.smtp', defaultValue: true },
    {
      key: 'pollIntervalSeconds',
      label: 'conn.pollInterval',
      type: 'number',
      hint: 'conn.pollIntervalHint',
      placeholder: '60',
    },
  ],
  webform: [
    {
      key: 'allowedOrigins',
      label: 'conn.allowedOrigins',
      type: 'lines',
      hint: 'conn.allowedOriginsHint',
      placeholder: 'https://www.example.com',
    },
    {
      key: 'defaultDepartmentId',
      label: 'conn.defaultDepartment',
      type: 'department',
      hint: 'conn.defaultDepartmentHint',
    },
    {
      key: 'replyConnectorId',
      label: 'conn.replyConnector',
      type: 'emailConnector',
      hint: 'conn.replyConnectorHint',
    },
  ],
  feed: [
    {
      key: 'url',
      label: 'conn.feedUrl',
      type: 'url',
      required: true,
      placeholder: 'https://reviews.example.com/feed.xml',
    },
    {
      key: 'pollIntervalSeconds',
      label: 'conn.pollInterval',
      type: 'number',
      hint: 'conn.pollIntervalHint',
      placeholder: '900',
    },
    { key: 'replyWebhookUrl', label: 'conn.webhookUrl', type: 'url', hint: 'conn.webhookUrlHint' },
    {
      key: 'replyWebhookSecret',
      label: 'conn.webhookSecret',
      type: 'secret',
      hint: 'conn.webhookSecretHint',
    },
  ],
};

export type FormValues = Record<string, string | boolean>;

function getPath(source: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      source,
    );
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!node[part] || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** The form's starting values: stored settings, else the field defaults. */
export function settingsToForm(kind: ConnectorKind, settings: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const field of CONNECTOR_FIELDS[kind]) {
    const stored = getPath(settings, field.key);
    if (field.type === 'checkbox')
      values[field.key] = typeof stored === 'boolean' ? stored : field.defaultValue === true;
    else if (field.type === 'lines') values[field.key] = Array.isArray(stored) ? stored.join('\n') : '';
    else if (stored !== undefined && stored !== null) values[field.key] = String(stored);
    else values[field.key] = typeof field.defaultValue === 'string' ? field.defaultValue : '';
  }
  return values;
}

/**
 * Settings to send. Empty optional fields are left out; on edit an untouched secret (still the
 * mask, or blank) is left out too, so the stored one is kept.
 */
export function formToSettings(
  kind: ConnectorKind,
  values: FormValues,
  editing: boolean,
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of CONNECTOR_FIELDS[kind]) {
    const value = values[field.key];
    if (field.type === 'checkbox') {
      setPath(settings, field.key, value === true);
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (field.type === 'secret' && (text === MASK || (editing && text === ''))) continue;
    if (text === '') {
      if (editing && !field.required) setPath(settings, field.key, null);
      continue;
    }
    if (field.type === 'number') setPath(settings, field.key, Number(text));
    else if (field.type === 'lines')
      setPath(
        settings,
        field.key,
        text
          .split(/[\n,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    else setPath(settings, field.key, text);
  }
  return settings;
}

/** Required fields still empty (by key); secrets count as filled when a stored one exists. */
export function missingFields(kind: ConnectorKind, values: FormValues, editing: boolean): string[] {
  return CONNECTOR_FIELDS[kind]
    .filter((f) => f.required && f.type !== 'checkbox')
    .filter((f) => {
      const text = typeof values[f.key] === 'string' ? (values[f.key] as string).trim() : '';
      return text === '' && !(editing && f.type === 'secret');
    })
    .map((f) => f.key);
}

/** The connector's own name input, which server messages name as "name …". */
export const NAME_FIELD = 'name';

export interface ServerProblems {
  /** Messages per form field (by key), without the API path: "must be an integer of at least 10". */
  fields: Record<string, string>;
  /** Messages that name no field of the form, as the server said them. */
  general: string[];
}

/**
 * Places the server's validation messages ("settings.imap.port must be …") at the form fields they
 * name; a path below a field ("settings.allowedOrigins.2 …") belongs to that field.
 */
export function placeServerMessages(kind: ConnectorKind, messages: string[]): ServerProblems {
  const keys = [
    NAME_FIELD,
    ...CONNECTOR_FIELDS[kind].filter((f) => f.type !== 'checkbox').map((f) => `settings.${f.key}`),
  ];
  const problems: ServerProblems = { fields: {}, general: [] };
  for (const message of messages) {
    const [, path, rest] = /^([\w.]+)\s+(.+)$/s.exec(message) ?? [];
    const key = path && keys.find((k) => path === k || path.startsWith(`${k}.`));
    if (!key) {
      problems.general.push(message);
      continue;
    }
    const field = key.replace(/^settings\./, '');
    const text = rest.charAt(0).toUpperCase() + rest.slice(1);
    problems.fields[field] = problems.fields[field] ? `${problems.fields[field]} · ${text}` : text;
  }
  return problems;
}
