import { useEffect, useRef, useState } from 'react';
import type { Message } from '../../api/types.js';
import { useT } from '../../i18n/index.js';
import { useTheme } from '../../lib/theme.js';

/**
 * The HTML of a mail is already sanitised by the server; it is still shown in a sandboxed frame
 * without scripts, and with remote images blocked (they are mostly tracking pixels). The only
 * images it may load are the mail's own inline images, stored with us under `attachmentsUrl`.
 */
export function htmlDocument(html: string, dark: boolean, attachmentsUrl: string): string {
  const colour = dark ? '#e5e8ef' : '#1b2130';
  const link = dark ? '#9aabff' : '#2f4ac4';
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: ${attachmentsUrl}; style-src 'unsafe-inline'">
<base target="_blank">
<style>html,body{margin:0;padding:0;background:transparent;color:${colour};font:14px/1.5 -apple-system,'Segoe UI',Roboto,Arial,'Liberation Sans',system-ui,sans-serif;overflow-wrap:anywhere}
a{color:${link}}img{max-width:100%;height:auto}table{max-width:100%}blockquote{margin:0 0 0 6px;padding-left:10px;border-left:3px solid #9aa3b5;color:inherit;opacity:.8}</style>
</head><body>${html}</body></html>`;
}

function HtmlFrame({ html }: { html: string }) {
  const t = useT();
  const { resolved } = useTheme();
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(80);
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const measure = () => {
      const doc = frame.contentDocument;
      if (doc?.body) setHeight(Math.min(1600, doc.documentElement.scrollHeight + 4));
    };
    frame.addEventListener('load', measure);
    return () => frame.removeEventListener('load', measure);
  }, []);
  return (
    <iframe
      ref={ref}
      className="msg-html"
      title={t('msg.htmlFrame')}
      // No allow-scripts: nothing in the mail can run. Same origin only so we can measure its height.
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      srcDoc={htmlDocument(html, resolved === 'dark', `${window.location.origin}/api/attachments/`)}
      style={{ height }}
    />
  );
}

type View = 'text' | 'full' | 'html';

/** Plain text first (what was classified); the full original and the formatted mail on request. */
export function MessageBody({ message }: { message: Message }) {
  const t = useT();
  const [view, setView] = useState<View>('text');
  const options: { id: View; label: string }[] = [];
  if (message.fullBody && message.fullBody !== message.body)
    options.push({ id: 'full', label: t('msg.showFull') });
  if (message.html) options.push({ id: 'html', label: t('msg.showFormatted') });

  return (
    <>
      {view === 'html' && message.html ? (
        <div style={{ padding: '8px 14px 12px' }}>
          <HtmlFrame html={message.html} />
        </div>
      ) : (
        <div className="msg-body">
          {view === 'full' && message.fullBody ? message.fullBody : message.body}
        </div>
      )}
      {options.length > 0 || message.truncated ? (
        <div className="row-wrap" style={{ padding: '0 14px 10px', fontSize: 12.5 }}>
          {message.truncated ? <span className="faint">{t('msg.truncated')}</span> : null}
          {options.map((o) => (
            <button
              key={o.id}
              type="button"
              className="btn btn-ghost btn-sm"
              aria-pressed={view === o.id}
              onClick={() => setView(view === o.id ? 'text' : o.id)}
            >
              {view === o.id ? t('msg.showShort') : o.label}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}
