import { useState } from 'react';
import type { Connector } from '../../api/types.js';
import { Button } from '../../components/Button.js';
import { useT } from '../../i18n/index.js';

/** The web form's HTML to paste into a site, with a copy button. */
export function Snippet({ connector }: { connector: Connector }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const snippet = typeof connector.snippet === 'string' ? connector.snippet : null;
  if (!snippet) return null;
  const copy = () => {
    void navigator.clipboard?.writeText(snippet).then(
      () => {
        setCopied(true);
        window.setTimeout(() => setCopied(false), 2000);
      },
      () => setCopied(false),
    );
  };
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div className="row">
        <span className="field-label">{t('conn.snippet')}</span>
        <span className="spacer" />
        <Button size="sm" icon={copied ? 'check' : 'copy'} onClick={copy}>
          {copied ? t('conn.copied') : t('conn.copy')}
        </Button>
      </div>
      <pre className="code-block" tabIndex={0} aria-label={t('conn.snippet')}>
        {snippet}
      </pre>
      <span className="field-hint">{t('conn.snippetHint')}</span>
    </div>
  );
}
