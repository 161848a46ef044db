import type { ReactNode } from 'react';
import { Icon, type IconName } from './components/Icon.js';
import { Avatar, LanguageSwitch, ThemeSwitch } from './components/Visuals.js';
import { useI18n, type MessageKey } from './i18n/index.js';
import { usePopover } from './lib/hooks.js';
import { Link, useLocation } from './lib/router.js';
import { hasRole, useSession, useUser } from './lib/session.js';
import type { Role } from './api/types.js';
import { NotificationBell } from './notifications/NotificationBell.js';

interface NavItem {
  to: string;
  label: MessageKey;
  icon: IconName;
  role: Role;
}

const NAV: NavItem[] = [
  { to: '/inbox', label: 'nav.inbox', icon: 'inbox', role: 'agent' },
  { to: '/dashboard', label: 'nav.dashboard', icon: 'dashboard', role: 'manager' },
  { to: '/connectors', label: 'nav.connectors', icon: 'plug', role: 'admin' },
  { to: '/settings', label: 'nav.settings', icon: 'settings', role: 'agent' },
];

function UserMenu() {
  const user = useUser();
  const { signOut } = useSession();
  const { t } = useI18n();
  const { open, setOpen, ref, toggle } = usePopover();

  return (
    <div ref={ref} style={{ position: 'relative' }}>
      <button
        ref={toggle}
        type="button"
        className="rail-button"
        aria-expanded={open}
        aria-label={t('nav.account')}
        onClick={() => setOpen((o) => !o)}
      >
        <Avatar name={user.name} id={user.id} />
      </button>
      {open ? (
        <div className="menu" role="group" aria-label={t('nav.account')}>
          <div className="row">
            <Avatar name={user.name} id={user.id} />
            <div style={{ minWidth: 0 }}>
              <div style={{ fontWeight: 650 }}>{user.name}</div>
              <div className="faint" style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {user.email} · {t(`role.${user.role}`)}
              </div>
            </div>
          </div>
          <LanguageSwitch />
          <ThemeSwitch />
          <button type="button" className="btn btn-sm" onClick={() => void signOut()}>
            <Icon name="logout" size={15} />
            {t('nav.signOut')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { path } = useLocation();
  const user = useUser();
  const { t } = useI18n();
  return (
    <div className="shell">
      <nav className="rail" aria-label={t('nav.main')}>
        <div className="rail-logo" aria-hidden="true">
          <Icon name="zap" size={20} />
        </div>
        {NAV.filter((item) => hasRole(user, item.role)).map((item) => (
          <Link key={item.to} to={item.to} active={path === item.to || path.startsWith(item.to + '/')}>
            <Icon name={item.icon} size={21} />
            <span>{t(item.label)}</span>
          </Link>
        ))}
        <div className="rail-bottom">
          <NotificationBell />
          <UserMenu />
        </div>
      </nav>
      <main className="main" id="main">
        {children}
      </main>
    </div>
  );
}
