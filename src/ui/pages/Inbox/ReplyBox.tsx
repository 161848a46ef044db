import { useState, type KeyboardEvent } from 'react';
import { conversationsApi } from '../../api/endpoints.js';
import type { ConversationDetail, Message } from '../../api/types.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/Feedback.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/index.js';
import { isSubmitShortcut } from '../../lib/hooks.js';
import { replyTarget } from '../../lib/labels.js';

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
    if (!body || busy) return;
    setBusy(true);
    setError(null);
    try {
      const message =
        mode === 'reply'
          ? await conversationsApi.reply(conv.id, body)
          : await conversationsApi.note(conv.id, body);
      drafts.delete(draftKey);
      setTextState('');
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

  const label = mode === 'reply' ? t('reply.label') : t('reply.noteLabel');
  return (
    <section className={`reply-box ${mode === 'note' ? 'is-note' : ''}`} aria-label={t('reply.section')}>
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
        id={REPLY_FIELD_ID}
        className="textarea"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={mode === 'reply' ? target.hint : t('reply.notePlaceholder')}
        rows={4}
      />
      {error ? (
        <div style={{ padding: '0 10px 8px' }}>
          <ErrorMessage error={error} />
        </div>
      ) : null}
      <div className="reply-bottom">
        <span className="faint" style={{ fontSize: 12 }}>
          <kbd>Ctrl</kbd> + <kbd>Enter</kbd>
        </span>
        <span className="spacer" />
        <Button
          variant="primary"
          icon={mode === 'reply' ? 'send' : 'note'}
          busy={busy}
          disabled={!text.trim()}
          onClick={() => void send()}
        >
          {mode === 'reply' ? t('reply.send') : t('reply.addNote')}
        </Button>
      </div>
    </section>
  );
}
