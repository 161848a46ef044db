import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiState } from '../api/useApi.js';
import { useT } from '../i18n/index.js';
import { useMutation } from '../lib/useMutation.js';
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';
import { EmptyState, ErrorMessage, LoadingState } from './Feedback.js';
import type { IconName } from './Icon.js';

interface Props<T> {
  title: string;
  subtitle: string;
  newLabel?: string;
  onNew?: () => void;
  /** Controls beside the title, e.g. a filter. */
  tools?: ReactNode;
  state: ApiState<T[]>;
  empty: { icon: IconName; title: string; text: string };
  children: (items: T[]) => ReactNode;
}

/** The frame of every admin list: title, "New" button, loading, error in words, empty state. */
export function AdminSection<T>({
  title,
  subtitle,
  newLabel,
  onNew,
  tools,
  state,
  empty,
  children,
}: Props<T>) {
  return (
    <section>
      <div className="page-header" style={{ marginBottom: 16 }}>
        <div>
          <h2 style={{ fontSize: 18 }}>{title}</h2>
          <p>{subtitle}</p>
        </div>
        <span className="spacer" />
        {tools}
        {onNew ? (
          <Button variant="primary" icon="plus" onClick={onNew}>
            {newLabel}
          </Button>
        ) : null}
      </div>
      {state.error ? <ErrorMessage error={state.error} onRetry={() => void state.reload()} /> : null}
      {state.loading && !state.data ? <LoadingState /> : null}
      {state.data && state.data.length === 0 ? (
        <div className="card">
          <EmptyState icon={empty.icon} title={empty.title}>
            {empty.text}
          </EmptyState>
        </div>
      ) : null}
      {state.data && state.data.length > 0 ? children(state.data) : null}
    </section>
  );
}

export interface Column {
  label: string;
  numeric?: boolean;
  /** The full wording when the header is abbreviated. */
  title?: string;
}

/** The table of an admin list; an unlabelled last column holds each row's actions. */
export function DataTable({
  columns,
  children,
  actions = true,
  compact,
  bare,
}: {
  columns: Column[];
  children: ReactNode;
  actions?: boolean;
  compact?: boolean;
  /** Inside another card: no frame of its own. */
  bare?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLTableElement>(null);
  // On phones each row is shown as a card whose cells read "label: value" (styles.css takes the
  // label from data-label), so every body cell is named after its column, rows added later too.
  const labels = columns.map((c) => c.title ?? c.label).join('\n');
  useLayoutEffect(() => {
    const body = ref.current?.tBodies[0];
    if (!body) return;
    const names = labels.split('\n');
    const apply = () => {
      for (const row of Array.from(body.rows)) {
        Array.from(row.cells).forEach((cell, i) => {
          const name = names[i];
          if (name === undefined) cell.removeAttribute('data-label');
          else if (cell.getAttribute('data-label') !== name) cell.setAttribute('data-label', name);
        });
      }
    };
    apply();
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(apply);
    observer.observe(body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [labels]);
  const classes = ['table', 'table-cards', compact ? 'table-compact' : '', actions ? 'has-actions' : ''];
  return (
    <div className={bare ? 'table-wrap' : 'card table-wrap'}>
      <table ref={ref} className={classes.filter(Boolean).join(' ')}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} className={c.numeric ? 'num' : undefined} title={c.title}>
                {c.label}
              </th>
            ))}
            {actions ? (
              <th>
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Edit and delete buttons for one row, named after the row for screen readers. */
export function RowActions({
  name,
  onEdit,
  onDelete,
  children,
}: {
  name: string;
  onEdit?: () => void;
  onDelete?: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="row" style={{ justifyContent: 'flex-end', gap: 6 }}>
      {children}
      {onEdit ? (
        <Button
          size="sm"
          icon="edit"
          onClick={onEdit}
          aria-label={t('common.editNamed', { name })}
          title={t('common.edit')}
        />
      ) : null}
      {onDelete ? (
        <Button
          size="sm"
          variant="danger"
          icon="trash"
          onClick={onDelete}
          aria-label={t('common.deleteNamed', { name })}
          title={t('common.delete')}
        />
      ) : null}
    </div>
  );
}

interface Removal<T> {
  title: string;
  text: (item: T) => string;
  name: (item: T) => string;
  remove: (item: T) => Promise<unknown>;
  onRemoved: () => void;
  /** Wording for removals that are not plain deletions (an erasure); defaults to "Delete". */
  confirmLabel?: string;
  done?: (item: T) => string;
}

/** "Delete …?" for a list: `ask(item)` opens the confirmation, `dialog` renders it. */
export function useConfirmDelete<T>({
  title,
  text,
  name,
  remove,
  onRemoved,
  confirmLabel,
  done,
}: Removal<T>): {
  ask: (item: T) => void;
  dialog: ReactNode;
} {
  const t = useT();
  const m = useMutation({ inline: true });
  const [item, setItem] = useState<T | null>(null);
  const ask = (target: T | null) => {
    m.clearError();
    setItem(target);
  };
  const confirm = (target: T) =>
    void m
      .run(() => remove(target), done ? done(target) : t('common.deletedNamed', { name: name(target) }))
      .then((ok) => {
        if (!ok) return;
        ask(null);
        onRemoved();
      });
  const dialog =
    item === null ? null : (
      <Dialog
        title={title}
        onClose={() => ask(null)}
        footer={
          <>
            <Button onClick={() => ask(null)}>{t('common.cancel')}</Button>
            <Button variant="danger" icon="trash" busy={m.busy} onClick={() => confirm(item)}>
              {confirmLabel ?? t('common.delete')}
            </Button>
          </>
        }
      >
        {m.error ? <ErrorMessage error={m.error} /> : null}
        <p>{text(item)}</p>
      </Dialog>
    );
  return { ask, dialog };
}
