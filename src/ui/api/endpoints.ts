import { http, type Query } from './client.js';
import type {
  AppNotification,
  AuditEntry,
  Connector,
  ConnectorInput,
  ConversationDetail,
  ConversationPatch,
  ConversationSummary,
  CustomerPromise,
  Department,
  ImportResult,
  Message,
  Overview,
  Page,
  ResponseTimeRow,
  Responsibility,
  RoutingRule,
  RoutingRuleInput,
  SlaPolicy,
  SlaPolicyInput,
  SyncResult,
  UploadedAttachment,
  User,
  UserAccount,
} from './types.js';

const id = encodeURIComponent;

/** Lists come as a bare array or as `{items}`; accept both so a server-side change doesn't blank a page. */
export function asList<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items)) {
    return (body as { items: T[] }).items;
  }
  return [];
}

export const authApi = {
  login: (email: string, password: string) =>
    http.post<{ user: User }>('/api/auth/login', { email, password }),
  me: () => http.get<User>('/api/auth/me'),
  logout: () => http.post<void>('/api/auth/logout'),
};

/** A reply or note: the text, and the uploaded files to go with it (at most 10). */
export interface Draft {
  body: string;
  attachmentIds?: string[];
}

export const conversationsApi = {
  list: (query: Query) => http.get<Page<ConversationSummary>>('/api/conversations', query),
  get: (conversationId: string) => http.get<ConversationDetail>(`/api/conversations/${id(conversationId)}`),
  patch: (conversationId: string, patch: ConversationPatch) =>
    http.patch<ConversationSummary>(`/api/conversations/${id(conversationId)}`, patch),
  reply: (conversationId: string, draft: Draft) =>
    http.post<Message>(`/api/conversations/${id(conversationId)}/replies`, draft),
  note: (conversationId: string, draft: Draft) =>
    http.post<Message>(`/api/conversations/${id(conversationId)}/notes`, draft),
  retry: (conversationId: string, messageId: string) =>
    http.post<Message>(`/api/conversations/${id(conversationId)}/messages/${id(messageId)}/retry`),
  addPromise: (conversationId: string, description: string, dueAt: string) =>
    http.post<CustomerPromise>(`/api/conversations/${id(conversationId)}/promises`, { description, dueAt }),
  keepPromise: (conversationId: string, promiseId: string) =>
    http.patch<CustomerPromise>(`/api/conversations/${id(conversationId)}/promises/${id(promiseId)}`, {
      kept: true,
    }),
};

export const attachmentsApi = {
  /** Uploads one file (at most 25 MB) to be sent with a reply or note by its id. */
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return http.post<UploadedAttachment>('/api/attachments', form);
  },
};

export const remarksApi = {
  import: (remarks: Record<string, unknown>[]) => http.post<ImportResult>('/api/remarks', { remarks }),
};

export const usersApi = {
  list: () => http.get<unknown>('/api/users').then((body) => asList<UserAccount>(body)),
  directory: () => http.get<unknown>('/api/users/directory').then((body) => asList<UserAccount>(body)),
  create: (body: Record<string, unknown>) => http.post<UserAccount>('/api/users', body),
  update: (userId: string, body: Record<string, unknown>) =>
    http.patch<UserAccount>(`/api/users/${id(userId)}`, body),
};

export const departmentsApi = {
  list: () => http.get<unknown>('/api/departments').then((body) => asList<Department>(body)),
  create: (body: Record<string, unknown>) => http.post<Department>('/api/departments', body),
  update: (deptId: string, body: Record<string, unknown>) =>
    http.patch<Department>(`/api/departments/${id(deptId)}`, body),
  remove: (deptId: string) => http.delete(`/api/departments/${id(deptId)}`),
};

export const connectorsApi = {
  list: () => http.get<unknown>('/api/connectors').then((body) => asList<Connector>(body)),
  get: (connectorId: string) => http.get<Connector>(`/api/connectors/${id(connectorId)}`),
  create: (body: ConnectorInput) => http.post<Connector>('/api/connectors', body),
  update: (connectorId: string, body: Partial<ConnectorInput>) =>
    http.patch<Connector>(`/api/connectors/${id(connectorId)}`, body),
  remove: (connectorId: string) => http.delete(`/api/connectors/${id(connectorId)}`),
  test: (connectorId: string) =>
    http.post<{ ok: boolean; detail: string }>(`/api/connectors/${id(connectorId)}/test`),
  sync: (connectorId: string) => http.post<SyncResult>(`/api/connectors/${id(connectorId)}/sync`),
};

export const routingApi = {
  list: () => http.get<unknown>('/api/routing-rules').then((body) => asList<RoutingRule>(body)),
  create: (body: RoutingRuleInput) => http.post<RoutingRule>('/api/routing-rules', body),
  update: (ruleId: string, body: Partial<RoutingRuleInput>) =>
    http.patch<RoutingRule>(`/api/routing-rules/${id(ruleId)}`, body),
  remove: (ruleId: string) => http.delete(`/api/routing-rules/${id(ruleId)}`),
};

export const slaApi = {
  list: () => http.get<unknown>('/api/sla-policies').then((body) => asList<SlaPolicy>(body)),
  create: (body: SlaPolicyInput) => http.post<SlaPolicy>('/api/sla-policies', body),
  update: (policyId: string, body: Partial<SlaPolicyInput>) =>
    http.patch<SlaPolicy>(`/api/sla-policies/${id(policyId)}`, body),
  remove: (policyId: string) => http.delete(`/api/sla-policies/${id(policyId)}`),
};

export const analyticsApi = {
  responseTimes: (groupBy: 'channel' | 'department' | 'assignee', from: string, to: string) =>
    http.get<{ rows: ResponseTimeRow[] }>('/api/analytics/response-times', { groupBy, from, to }),
  overview: (from: string, to: string) => http.get<Overview>('/api/analytics/overview', { from, to }),
  responsibility: () => http.get<Responsibility>('/api/analytics/responsibility'),
};

export const contactsApi = {
  exportData: (contactId: string) => http.get<unknown>(`/api/contacts/${id(contactId)}/export`),
  erase: (contactId: string) => http.delete(`/api/contacts/${id(contactId)}`),
};

export const notificationsApi = {
  /** The signed-in user's own notifications, newest first. */
  list: (query: { unread?: boolean; limit: number }) =>
    http.get<unknown>('/api/notifications', query).then((body) => asList<AppNotification>(body)),
  markRead: (notificationId: string) =>
    http.patch<AppNotification>(`/api/notifications/${id(notificationId)}`, { read: true }),
};

export const auditApi = {
  list: (query: { entityType?: string; limit: number }) =>
    http.get<unknown>('/api/audit-log', query).then((body) => asList<AuditEntry>(body)),
};
