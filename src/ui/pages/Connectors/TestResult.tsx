import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/index.js';
import { describeError } from '../../lib/errors.js';
import { Icon } from '../../components/Icon.js';

export interface TestOutcome {
  ok: boolean;
  detail: string;
  error?: unknown;
}

export function TestResult({ outcome }: { outcome: TestOutcome }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // The result appears at the foot of a long form: bring it into view.
  useEffect(() => {
    // A block body on purpose: newer browsers return a promise from scrollIntoView, and an
    // effect must return nothing or a clean-up function.
    void ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [outcome]);
  const text = outcome.error ? describeError(outcome.error, t) : outcome.detail;
  return (
    <div ref={ref} className={`alert ${outcome.ok ? 'alert-success' : ''}`} role="status">
      <Icon name={outcome.ok ? 'check' : 'alert'} size={16} />
      <span>
        <strong>{outcome.ok ? t('conn.testOk') : t('conn.testFailed')}</strong>
        {text ? ` — ${text}` : ''}
      </span>
    </div>
  );
}
