import { useEffect, useId, useRef, type FormEvent, type ReactNode, type Ref } from 'react';
import { useT } from '../i18n/index.js';
import { isSubmitShortcut } from '../lib/hooks.js';
import { Button } from './Button.js';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /**
   * When given, the dialog is a form: Enter submits (Ctrl/Cmd+Enter also from a text area), the
   * primary button says `submitLabel`.
   */
  onSubmit?: () => void;
  submitLabel?: string;
  submitting?: boolean;
  submitDisabled?: boolean;
  wide?: boolean;
  footer?: ReactNode;
  /** The scrolling body, e.g. to bring a field the server objected to into view. */
  bodyRef?: Ref<HTMLDivElement>;
}

/** Open dialogs, innermost last: Escape closes only that one. */
const openDialogs: symbol[] = [];

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

/** A modal dialog: focus moves in and comes back, Escape and the backdrop close it, Tab stays inside. */
export function Dialog({
  title,
  onClose,
  children,
  onSubmit,
  submitLabel,
  submitting,
  submitDisabled,
  wide,
  footer,
  bodyRef,
}: DialogProps) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);

  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>(
      '.dialog-body ' + FOCUSABLE.split(', ').join(', .dialog-body '),
    );
    (first ?? ref.current)?.focus();
    const me = Symbol('dialog');
    openDialogs.push(me);
    // Escape closes the topmost dialog even when focus fell out of it (e.g. a button became disabled).
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || openDialogs[openDialogs.length - 1] !== me) return;
      e.stopPropagation();
      closeRef.current();
    };
    window.addEventListener('keydown', onEscape);
    return () => {
      window.removeEventListener('keydown', onEscape);
      openDialogs.splice(openDialogs.indexOf(me), 1);
      previous?.focus?.();
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (onSubmit && isSubmitShortcut(e)) {
      e.preventDefault();
      // As the primary button would: not while it is disabled, and only when the form is valid.
      if (!submitDisabled && !submitting) form.current?.requestSubmit();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.hasAttribute('disabled'),
    );
    if (items.length === 0) return;
    const [first, last] = [items[0], items[items.length - 1]];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };

  const content = (
    <>
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <span className="spacer" />
        <Button variant="ghost" size="sm" icon="x" onClick={onClose} aria-label={t('common.close')} />
      </div>
      <div ref={bodyRef} className="dialog-body">
        {children}
      </div>
      <div className="dialog-footer">
        {footer ?? (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            {onSubmit ? (
              <Button type="submit" variant="primary" busy={submitting} disabled={submitDisabled}>
                {submitLabel ?? t('common.save')}
              </Button>
            ) : null}
          </>
        )}
      </div>
    </>
  );

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`dialog ${wide ? 'dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {onSubmit ? (
          <form ref={form} onSubmit={submit} style={{ display: 'contents' }}>
            {content}
          </form>
        ) : (
          content
        )}
      </div>
    </div>
  );
}
