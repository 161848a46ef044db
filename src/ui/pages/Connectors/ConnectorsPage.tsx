import { useState } from 'react';
import { connectorsApi } from '../../api/endpoints.js';
import type { Connector, ConnectorKind } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { DataTable, RowActions, useConfirmDelete } from '../../components/AdminSection.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { EmptyState, ErrorMessage, LoadingState } from '../../components/Feedback.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { useToast } from '../../components/Toasts.js';
import { useI18n } from '../../i18n/index.js';
import { describeError } from '../../lib/errors.js';
import { formatAgo } from '../../lib/format.js';
import { ConnectorDialog } from './ConnectorDialog.js';
import { Snippet } from './Snippet.js';

const KINDS: { kind: ConnectorKind; icon: IconName }[] = [
  { kind: 'email', icon: 'mail' },
  { kind: 'webform', icon: 'form' },
  { kind: 'feed', icon: 'star' },
];
const KIND_ICON: Record<ConnectorKind, IconName> = { email: 'mail', webform: 'form', feed: 'star' };
const KIND_CHANNEL: Record<ConnectorKind, string> = { email: 'email', webform: 'webform', feed: 'feed' };

type Editing = { kind: ConnectorKind; connector: Connector | null } | null;

function KindChooser({ onPick, onClose }: { onPick: (kind: ConnectorKind) => void; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('conn.chooseKind')} onClose={onClose}>
      <div className="stack" style={{ gap: 8 }}>
        {KINDS.map(({ kind, icon }) => (
          <button
            key={kind}
            type="button"
            className="card row"
            style={{ padding: 14, textAlign: 'left', cursor: 'pointer', gap: 14 }}
            onClick={() => onPick(kind)}
          >
            <span className={`channel-icon channel-${KIND_CHANNEL[kind]}`} style={{ width: 40, height: 40 }}>
              <Icon name={icon} size={20} />
            </span>
            <span>
              <strong>{t(`connKind.${kind}`)}</strong>
              <br />
              <span className="muted" style={{ fontSize: 13 }}>
                {t(`connKind.${kind}Text`)}
              </span>
            </span>
          </button>
        ))}
      </div>
    </Dialog>
  );
}

function StateBadge({ connector }: { connector: Connector }) {
  const { t } = useI18n();
  if (!connector.enabled) return <Badge tone="neutral">{t('conn.disabled')}</Badge>;
  const tone =
    connector.status.state === 'ok' ? 'success' : connector.status.state === 'error' ? 'danger' : 'neutral';
  // A web form is not pulled: until the first post arrives it is simply ready.
  if (connector.kind === 'webform' && connector.status.state === 'idle') {
    return (
      <Badge tone="success" dot>
        {t('connState.ready')}
      </Badge>
    );
  }
  return (
    <Badge tone={tone} dot>
      {t(`connState.${connector.status.state}`)}
    </Badge>
  );
}

/** When the connector last pulled, and whether that pull failed (the error as its description). */
function LastSync({ status, now }: { status: Connector['status']; now: number }) {
  const { t, locale } = useI18n();
  if (!status.lastSyncAt) return <span className="faint">{t('conn.never')}</span>;
  const ago = formatAgo(status.lastSyncAt, now, locale);
  if (status.state !== 'error') return <>{ago}</>;
  return (
    <span className="error-text" title={status.lastError ?? undefined}>
      {t('conn.syncFailedAgo', { ago })}
    </span>
  );
}

export function ConnectorsPage() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const list = useApi(() => connectorsApi.list(), 'connectors');
  const [choosing, setChoosing] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [snippetOf, setSnippetOf] = useState<Connector | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const connectors = list.data ?? [];
  const now = Date.now();

  const run = async (id: string, work: () => Promise<string>) => {
    setBusy(id);
    try {
      toast(await work());
    } catch (err) {
      toast(describeError(err, t), 'error');
    } finally {
      setBusy(null);
      void list.reload();
    }
  };

  const test = (c: Connector) =>
    run(`test:${c.id}`, async () => {
      const result = await connectorsApi.test(c.id);
      if (!result.ok) throw new Error(`${t('conn.testFailed')}: ${result.detail}`);
      return `${t('conn.testOk')} — ${result.detail}`;
    });
  const sync = (c: Connector) =>
    run(`sync:${c.id}`, async () => {
      const r = await connectorsApi.sync(c.id);
      if (r.error) throw new Error(r.error);
      return t('conn.syncResult', {
        fetched: r.fetched,
        ingested: r.ingested,
        duplicates: r.duplicates,
        failed: r.failed,
      });
    });
  const removal = useConfirmDelete<Connector>({
    title: t('conn.removeTitle'),
    text: (c) => t('conn.removeText', { name: c.name }),
    name: (c) => c.name,
    remove: (c) => connectorsApi.remove(c.id),
    onRemoved: () => void list.reload(),
  });

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('nav.connectors')}</h1>
          <p>{t('conn.subtitle')}</p>
        </div>
        <span className="spacer" />
        <Button variant="primary" icon="plus" onClick={() => setChoosing(true)}>
          {t('conn.new')}
        </Button>
      </div>
      {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.data ? <LoadingState /> : null}
      {list.data && connectors.length === 0 ? (
        <div className="card">
          <EmptyState icon="plug" title={t('conn.emptyTitle')}>
            {t('conn.emptyText')}
          </EmptyState>
          <div className="row" style={{ justifyContent: 'center', paddingBottom: 28, marginTop: -8 }}>
            <Button variant="primary" icon="plus" onClick={() => setChoosing(true)}>
              {t('conn.new')}
            </Button>
          </div>
        </div>
      ) : null}
      {connectors.length > 0 ? (
        <DataTable
          columns={[
            { label: t('conn.name') },
            { label: t('conn.status') },
            { label: t('conn.lastSync') },
            { label: t('conn.ingested'), numeric: true },
          ]}
        >
          {connectors.map((c) => (
            <tr key={c.id}>
              <td>
                <div className="conn-name">
                  <span className={`channel-icon channel-${KIND_CHANNEL[c.kind]}`}>
                    <Icon name={KIND_ICON[c.kind]} size={15} />
                  </span>
                  <div>
                    <div style={{ fontWeight: 600 }}>{c.name}</div>
                    <div className="faint" style={{ fontSize: 12 }}>
                      {t(`connKind.${c.kind}`)}
                    </div>
                  </div>
                </div>
              </td>
              <td style={{ maxWidth: 340 }}>
                <StateBadge connector={c} />
                {c.status.lastError ? (
                  <div className="error-text" style={{ marginTop: 4 }}>
                    {c.status.lastError}
                  </div>
                ) : null}
              </td>
              <td className="nowrap">
                <LastSync status={c.status} now={now} />
              </td>
              <td className="num">{c.status.ingestedTotal.toLocaleString(locale)}</td>
              <td>
                <RowActions
                  name={c.name}
                  onEdit={() => setEditing({ kind: c.kind, connector: c })}
                  onDelete={() => removal.ask(c)}
                >
                  {c.kind === 'webform' ? (
                    <Button size="sm" icon="copy" onClick={() => setSnippetOf(c)}>
                      {t('conn.snippetButton')}
                    </Button>
                  ) : (
                    <Button
                      size="sm"
                      icon="refresh"
                      busy={busy === `sync:${c.id}`}
                      disabled={busy !== null || !c.enabled}
                      onClick={() => void sync(c)}
                    >
                      {t('conn.syncNow')}
                    </Button>
                  )}
                  <Button
                    size="sm"
                    icon="zap"
                    busy={busy === `test:${c.id}`}
                    disabled={busy !== null}
                    onClick={() => void test(c)}
                  >
                    {t('conn.test')}
                  </Button>
                </RowActions>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {choosing ? (
        <KindChooser
          onClose={() => setChoosing(false)}
          onPick={(kind) => {
            setChoosing(false);
            setEditing({ kind, connector: null });
          }}
        />
      ) : null}
      {editing ? (
        <ConnectorDialog
          kind={editing.kind}
          connector={editing.connector}
          emailConnectors={connectors.filter((c) => c.kind === 'email')}
          onClose={() => {
            setEditing(null);
            void list.reload();
          }}
          onSaved={(saved) => {
            setEditing(null);
            toast(t('conn.saved', { name: saved.name }));
            void list.reload();
            if (saved.kind === 'webform' && !editing.connector) setSnippetOf(saved);
          }}
        />
      ) : null}
      {snippetOf ? (
        <Dialog
          title={t('conn.snippetTitle', { name: snippetOf.name })}
          onClose={() => setSnippetOf(null)}
          wide
          footer={
            <Button variant="primary" onClick={() => setSnippetOf(null)}>
              {t('common.done')}
            </Button>
          }
        >
          <Snippet connector={snippetOf} />
        </Dialog>
      ) : null}
      {removal.dialog}
    </div>
  );
}
