import { useEffect } from 'react';
import type { Role } from '../../api/types.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { useT, type MessageKey } from '../../i18n/index.js';
import { Link, navigate } from '../../lib/router.js';
import { hasRole, useUser } from '../../lib/session.js';
import { AuditLog } from './AuditLog.js';
import { Departments } from './Departments.js';
import { Preferences } from './Preferences.js';
import { RoutingRules } from './RoutingRules.js';
import { SlaPolicies } from './SlaPolicies.js';
import { Users } from './Users.js';

const SECTIONS: { id: string; label: MessageKey; icon: IconName; role: Role }[] = [
  { id: 'departments', label: 'settings.departments', icon: 'building', role: 'admin' },
  { id: 'users', label: 'settings.users', icon: 'users', role: 'admin' },
  { id: 'routing', label: 'settings.routing', icon: 'route', role: 'manager' },
  { id: 'sla', label: 'settings.sla', icon: 'clock', role: 'admin' },
  { id: 'audit', label: 'settings.audit', icon: 'shield', role: 'admin' },
  { id: 'preferences', label: 'settings.preferences', icon: 'globe', role: 'agent' },
];

/** What the page holds for each role: agents only have their own preferences. */
const SUBTITLE: Record<Role, MessageKey> = {
  admin: 'settings.subtitle',
  manager: 'settings.subtitleManager',
  agent: 'settings.subtitleAgent',
};

function Section({ id }: { id: string }) {
  switch (id) {
    case 'departments':
      return <Departments />;
    case 'users':
      return <Users />;
    case 'routing':
      return <RoutingRules />;
    case 'sla':
      return <SlaPolicies />;
    case 'audit':
      return <AuditLog />;
    default:
      return <Preferences />;
  }
}

export function SettingsPage({ section }: { section: string | null }) {
  const t = useT();
  const user = useUser();
  const allowed = SECTIONS.filter((s) => hasRole(user, s.role));
  const current = allowed.find((s) => s.id === section) ?? null;
  useEffect(() => {
    if (!current) navigate(`/settings/${allowed[0].id}`, { replace: true });
  }, [current, allowed]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('nav.settings')}</h1>
          <p>{t(SUBTITLE[user.role])}</p>
        </div>
      </div>
      <div className="settings-layout">
        <nav className="side-nav" aria-label={t('nav.settings')}>
          {allowed.map((s) => (
            <Link key={s.id} to={`/settings/${s.id}`} active={s.id === current?.id}>
              <Icon name={s.icon} size={17} />
              {t(s.label)}
            </Link>
          ))}
        </nav>
        <div style={{ minWidth: 0 }}>{current ? <Section id={current.id} /> : null}</div>
      </div>
    </div>
  );
}
