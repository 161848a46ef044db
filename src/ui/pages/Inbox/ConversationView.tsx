import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { conversationsApi } from '../../api/endpoints.js';
import type { ConversationDetail, ConversationPatch, CustomerPromise, Message } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { EmptyState, ErrorMessage, LoadingState } from '../../components/Feedback.js';
import { useToast } from '../../components/Toasts.js';
import { useT } from '../../i18n/index.js';
import { describeError } from '../../lib/errors.js';
import { useShortcuts } from '../../lib/hooks.js';
import { useUser } from '../../lib/session.js';
import { ConversationHeader } from './ConversationHeader.js';
import { ContactDataActions } from './ContactDataActions.js';
import { CustomerCard } from './CustomerCard.js';
import { DetailsPanel } from './DetailsPanel.js';
import { PromiseDialog, ResolveReasonDialog, TransferDialog } from './dialogs.js';
import { REPLY_FIELD_ID, ReplyBox } from './ReplyBox.js';
import { Thread } from './Thread.js';

type DialogKind = 'transfer' | 'resolve' | 'promise' | null;

interface ViewProps {
  id: string;
  /** Bumped by the page when a live event concerns this conversation. */
  version: number;
  onChanged: () => void;
  onBack: () => void;
}

/** What the sender learns at once: "sent" only when it left; a queued one is still on its way. */
const REPLY_TOAST = {
  queued: 'reply.queued',
  sent: 'reply.sent',
  failed: 'reply.failed',
  manual: 'reply.manual',
} as const;

export function ConversationView({ id, version, onChanged, onBack }: ViewProps) {
  const user = useUser();
  const t = useT();
  const toast = useToast();
  const detail = useApi(() => conversationsApi.get(id), id);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [retryingId, setRetryingId] = useState<string | null>(null);
  const [showAside, setShowAside] = useState(false);
  const { reload } = detail;
  const conv = detail.data;

  const mountedVersion = useRef(version);
  useEffect(() => {
    if (version !== mountedVersion.current) void reload();
  }, [version, reload]);

  /** Runs one change, then refreshes this conversation and the list; failures are said in words. */
  const act = useCallback(
    async (work: () => Promise<unknown>, success?: string) => {
      setBusy(true);
      try {
        await work();
        setDialog(null);
        if (success) toast(success);
        onChanged();
        await reload();
      } catch (err) {
        toast(describeError(err, t), 'error');
      } finally {
        setBusy(false);
      }
    },
    [onChanged, reload, toast, t],
  );

  const patch = useCallback(
    (p: ConversationPatch, success?: string) =>
      void act(() => conversationsApi.patch(id, p), success ?? t('conv.saved')),
    [act, id, t],
  );
  const resolve = useCallback(() => {
    if (!conv || conv.status === 'resolved') return;
    if (!conv.firstResponseAt) setDialog('resolve');
    else patch({ status: 'resolved' }, t('conv.resolved'));
  }, [conv, patch, t]);

  const onSent = (message: Message, mode: 'reply' | 'note') => {
    detail.setData((current) =>
      current
        ? { ...current, messages: [...current.messages, message] }
        : (current as unknown as ConversationDetail),
    );
    toast(mode === 'reply' ? t(REPLY_TOAST[message.deliveryStatus ?? 'sent']) : t('reply.noteAdded'));
    onChanged();
    void reload();
  };

  const retry = (message: Message) => {
    setRetryingId(message.id);
    void act(() => conversationsApi.retry(id, message.id), t('delivery.retried')).finally(() =>
      setRetryingId(null),
    );
  };
  const keepPromise = (p: CustomerPromise) =>
    void act(() => conversationsApi.keepPromise(id, p.id), t('promise.keptDone'));

  const shortcuts = useMemo(
    () => ({
      r: () => document.getElementById(REPLY_FIELD_ID)?.focus(),
      e: resolve,
    }),
    [resolve],
  );
  useShortcuts(shortcuts, !!conv);

  if (!conv) {
    if (detail.error) {
      // A wrong or stale link: trying again will not help.
      const missing = detail.error instanceof ApiError && detail.error.status === 404;
      return (
        <div className="conv-view" style={{ padding: 24 }}>
          <ErrorMessage
            error={missing ? new Error(t('conv.notFound')) : detail.error}
            onRetry={missing ? undefined : () => void reload()}
          />
        </div>
      );
    }
    return (
      <div className="conv-view">
        <LoadingState />
      </div>
    );
  }
  if (conv.id !== id) return <div className="conv-view" />;

  return (
    <section className="conv-view" aria-label={t('conv.label', { reference: conv.reference })}>
      <ConversationHeader
        conv={conv}
        busy={busy}
        onPatch={(p) => patch(p)}
        onResolve={resolve}
        onTransfer={() => setDialog('transfer')}
        onBack={onBack}
        onToggleAside={() => setShowAside((s) => !s)}
      />
      <div className={`conv-body ${showAside ? 'show-aside' : ''}`}>
        <div className="thread-col">
          {detail.error ? (
            <div style={{ padding: '10px 18px 0' }}>
              <ErrorMessage error={detail.error} onRetry={() => void reload()} />
            </div>
          ) : null}
          <Thread conv={conv} onRetry={retry} retryingId={retryingId} />
          <ReplyBox key={conv.id} conv={conv} onSent={onSent} />
        </div>
        <aside className="conv-aside" aria-label={t('conv.details')}>
          <CustomerCard
            conv={conv}
            dataActions={
              user.role === 'admin' ? (
                <ContactDataActions
                  contactId={conv.contact.id}
                  onErased={() => {
                    onChanged();
                    void reload();
                  }}
                />
              ) : null
            }
          />
          <DetailsPanel
            conv={conv}
            busy={busy}
            onPatch={(p) => patch(p, p.topic || p.sentiment ? t('conv.corrected') : undefined)}
            onKeepPromise={keepPromise}
            onAddPromise={() => setDialog('promise')}
          />
        </aside>
      </div>
      {dialog === 'transfer' ? (
        <TransferDialog
          currentDepartmentId={conv.departmentId}
          busy={busy}
          onClose={() => setDialog(null)}
          onSubmit={(departmentId, reason) => patch({ departmentId, reason }, t('transfer.done'))}
        />
      ) : null}
      {dialog === 'resolve' ? (
        <ResolveReasonDialog
          busy={busy}
          onClose={() => setDialog(null)}
          onSubmit={(reason) => patch({ status: 'resolved', reason }, t('conv.resolved'))}
        />
      ) : null}
      {dialog === 'promise' ? (
        <PromiseDialog
          busy={busy}
          onClose={() => setDialog(null)}
          onSubmit={(description, dueAt) =>
            void act(() => conversationsApi.addPromise(id, description, dueAt), t('promise.added'))
          }
        />
      ) : null}
    </section>
  );
}

export function NoConversation() {
  const t = useT();
  return (
    <div className="conv-view">
      <EmptyState icon="inbox" title={t('inbox.pickTitle')}>
        {t('inbox.pickText')}
      </EmptyState>
    </div>
  );
}
