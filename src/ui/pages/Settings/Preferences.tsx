import { LanguageSwitch, ThemeSwitch } from '../../components/Visuals.js';
import { useI18n } from '../../i18n/index.js';
import { useUser } from '../../lib/session.js';

export function Preferences() {
  const { t } = useI18n();
  const user = useUser();
  return (
    <section className="stack" style={{ gap: 16 }}>
      <div>
        <h2 style={{ fontSize: 18 }}>{t('settings.preferences')}</h2>
        <p className="muted">{t('prefs.subtitle')}</p>
      </div>
      <div className="card card-body stack">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <div>
            <h3>{t('prefs.language')}</h3>
            <p className="muted" style={{ fontSize: 13 }}>
              {t('prefs.languageHint')}
            </p>
          </div>
          <LanguageSwitch />
        </div>
        <div
          className="row"
          style={{ justifyContent: 'space-between', borderTop: '1px solid var(--border)', paddingTop: 12 }}
        >
          <div>
            <h3>{t('prefs.theme')}</h3>
            <p className="muted" style={{ fontSize: 13 }}>
              {t('prefs.themeHint')}
            </p>
          </div>
          <ThemeSwitch />
        </div>
        <div
          className="row"
          style={{ justifyContent: 'space-between', borderTop: '1px solid var(--border)', paddingTop: 12 }}
        >
          <div>
            <h3>{t('prefs.account')}</h3>
            <p className="muted" style={{ fontSize: 13 }}>
              {user.name} · {user.email} · {t(`role.${user.role}`)}
            </p>
          </div>
        </div>
      </div>
    </section>
  );
}
