import { useId, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { conversationsApi } from '../../api/endpoints.js';
import type { ConversationDetail, Message } from '../../api/types.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/Feedback.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/index.js';
import { isSubmitShortcut } from '../../lib/hooks.js';
import { replyTarget } from '../../lib/labels.js';
import { AttachmentChips, useUploads } from './Attachments.js';

export const REPLY_FIELD_ID = 'reply-text';
type Mode = 'reply' | 'note';

/** Unsent drafts per conversation and mode, kept while the page is open. */
const drafts = new Map<string, string>();

interface ReplyBoxProps {
  conv: ConversationDetail;
  onSent: (message: Message, mode: Mode) => void;
}

export function ReplyBox({ conv, onSent }: ReplyBoxProps) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('reply');
  const draftKey = `${conv.id}:${mode}`;
  const [text, setTextState] = useState(() => drafts.get(`${conv.id}:reply`) ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const target = replyTarget(conv, t);
  const uploads = useUploads();
  const files = uploads.list(draftKey);
  const uploading = files.some((u) => !u.id && !u.error);
  // Only email carries files to the customer; notes stay with us and may always have them.
  const canAttach = mode === 'note' || conv.replyChannel === 'email';
  const [dropping, setDropping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const field = useRef<HTMLTextAreaElement>(null);

  // The field grows with its text, from the height styles.css gives it up to its max-height.
  useLayoutEffect(() => {
    const el = field.current;
    if (!el) return;
    el.style.height = '';
    if (el.scrollHeight > el.clientHeight) {
      el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
    }
  }, [text]);

  const setText = (value: string) => {
    drafts.set(draftKey, value);
    setTextState(value);
  };
  const switchMode = (next: Mode) => {
    setMode(next);
    setTextState(drafts.get(`${conv.id}:${next}`) ?? '');
    setError(null);
  };

  const send = async () => {
    const body = text.trim();
    if (!body || busy || uploading) return;
    const ids = files.flatMap((u) => (u.id ? [u.id] : []));
    const draft = { body, attachmentIds: ids.length ? ids : undefined };
    setBusy(true);
    setError(null);
    try {
      const message =
        mode === 'reply'
          ? await conversationsApi.reply(conv.id, draft)
          : await conversationsApi.note(conv.id, draft);
      drafts.delete(draftKey);
      setTextState('');
      uploads.clear(draftKey);
      onSent(message, mode);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSubmitShortcut(e)) {
      e.preventDefault();
      void send();
    }
    if (e.key === 'Escape') e.currentTarget.blur();
  };

  /** Files dragged onto the box are attached; the browser must not open them instead. */
  const onDrag = (e: DragEvent<HTMLElement>) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    setDropping(e.type === 'dragover' && canAttach);
    if (e.type === 'drop' && canAttach) uploads.add(draftKey, e.dataTransfer.files);
  };

  const label = mode === 'reply' ? t('reply.label') : t('reply.noteLabel');
  return (
    <section
      className={`reply-box ${mode === 'note' ? 'is-note' : ''} ${dropping ? 'is-dropping' : ''}`}
      aria-label={t('reply.section')}
      onDragOver={onDrag}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrag}
    >
      <div className="reply-top">
        <div className="segmented" role="group" aria-label={t('reply.mode')}>
          <button type="button" aria-pressed={mode === 'reply'} onClick={() => switchMode('reply')}>
            <Icon name="send" size={13} />
            {t('reply.modeReply')}
          </button>
          <button type="button" aria-pressed={mode === 'note'} onClick={() => switchMode('note')}>
            <Icon name="lock" size={13} />
            {t('reply.modeNote')}
          </button>
        </div>
        {mode === 'reply' ? (
          <span className="reply-channel" data-testid="reply-channel">
            <Icon name={target.icon} size={15} />
            <strong>{target.text}</strong>
          </span>
        ) : (
          <span className="reply-channel">
            <Icon name="lock" size={15} />
            <strong>{t('reply.noteHint')}</strong>
          </span>
        )}
      </div>
      <label htmlFor={REPLY_FIELD_ID} className="sr-only">
        {label}
      </label>
      <textarea
        ref={field}
        id={REPLY_FIELD_ID}
        className="textarea"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={mode === 'reply' ? target.hint : t('reply.notePlaceholder')}
        rows={4}
      />
      <AttachmentChips uploads={files} onRemove={(key) => uploads.remove(draftKey, key)} />
      {error ? (
        <div style={{ padding: '0 10px 8px' }}>
          <ErrorMessage error={error} />
        </div>
      ) : null}
      <div className="reply-bottom">
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="attach-input"
          onChange={(e) => {
            uploads.add(draftKey, e.target.files ?? []);
            e.target.value = '';
          }}
        />
        <Button
          variant="ghost"
          size="sm"
          icon="paperclip"
          disabled={!canAttach}
          aria-describedby={canAttach ? undefined : hintId}
          onClick={() => fileInput.current?.click()}
        >
          {t('attach.button')}
        </Button>
        {canAttach ? null : (
          <span id={hintId} className="faint" style={{ fontSize: 12 }}>
            {t('attach.emailOnly')}
          </span>
        )}
        <span className="faint kbd-hint" style={{ fontSize: 12 }}>
          <kbd>Ctrl</kbd> + <kbd>Enter</kbd>
        </span>
        <span className="spacer" />
        <Button
          variant="primary"
          icon={mode === 'reply' ? 'send' : 'note'}
          busy={busy}
          disabled={!text.trim() || uploading}
          onClick={() => void send()}
        >
          {mode === 'reply' ? t('reply.send') : t('reply.addNote')}
        </Button>
      </div>
    </section>
  );
}
