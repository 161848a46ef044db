import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { Button } from '../components/Button.js';
import { ErrorMessage } from '../components/Feedback.js';
import { TextField } from '../components/Field.js';
import { Icon } from '../components/Icon.js';
import { LanguageSwitch } from '../components/Visuals.js';
import { useI18n } from '../i18n/index.js';
import { useSession } from '../lib/session.js';

export function LoginPage() {
  const { signIn } = useSession();
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? new Error(t('login.invalid')) : err);
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <section className="login-hero" aria-hidden="true">
        <div className="brand">
          <span className="rail-logo" style={{ margin: 0 }}>
            <Icon name="zap" size={20} />
          </span>
          Resonanz
        </div>
        <div>
          <h1>{t('login.heroTitle')}</h1>
          <p>{t('login.heroText')}</p>
        </div>
        <div className="login-channels">
          <span>
            <Icon name="mail" size={16} /> {t('channel.email')}
          </span>
          <span>
            <Icon name="form" size={16} /> {t('channel.webform')}
          </span>
          <span>
            <Icon name="star" size={16} /> {t('channel.feed')}
          </span>
          <span>
            <Icon name="api" size={16} /> {t('channel.api')}
          </span>
        </div>
      </section>
      <main className="login-panel">
        <form className="login-form" onSubmit={(e) => void submit(e)}>
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <h1>{t('login.title')}</h1>
            <LanguageSwitch short />
          </div>
          <p className="muted">{t('login.subtitle')}</p>
          {error ? <ErrorMessage error={error} /> : null}
          <TextField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" variant="primary" busy={busy}>
            {t('login.submit')}
          </Button>
        </form>
      </main>
    </div>
  );
}
