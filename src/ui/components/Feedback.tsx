import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { describeError } from '../lib/errors.js';
import { Icon, type IconName } from './Icon.js';

export function Spinner({ small }: { small?: boolean }) {
  return <span className={small ? 'spinner spinner-sm' : 'spinner'} aria-hidden="true" />;
}

export function LoadingState({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="loading-state" role="status">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function EmptyState({
  icon = 'inbox',
  title,
  children,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <div className="empty-state-icon">
        <Icon name={icon} size={24} />
      </div>
      <h2>{title}</h2>
      {children ? <p>{children}</p> : null}
    </div>
  );
}

/** An API or network error, said in words, with an optional way to try again. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="alert" role="alert">
      <Icon name="alert" size={17} />
      <div className="stack" style={{ gap: 6 }}>
        <span>{describeError(error, t)}</span>
        {onRetry ? (
          <button type="button" className="btn btn-sm" onClick={onRetry} style={{ alignSelf: 'flex-start' }}>
            {t('common.retry')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success'; children: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role="status">
      <Icon name={tone === 'success' ? 'check' : 'sparkle'} size={17} />
      <div>{children}</div>
    </div>
  );
}
