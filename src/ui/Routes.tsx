import { lazy, Suspense, useEffect } from 'react';
import { EmptyState, LoadingState } from './components/Feedback.js';
import { useT } from './i18n/index.js';
import { matchPath, navigate, useLocation } from './lib/router.js';
import { hasRole, useUser } from './lib/session.js';
import { ConnectorsPage } from './pages/Connectors/ConnectorsPage.js';
import { InboxPage } from './pages/Inbox/InboxPage.js';
import { SettingsPage } from './pages/Settings/SettingsPage.js';

// The chart library is big; only managers opening the dashboard download it.
const DashboardPage = lazy(() =>
  import('./pages/Dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })),
);

function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}

function Forbidden() {
  const t = useT();
  return (
    <EmptyState icon="lock" title={t('error.forbiddenTitle')}>
      {t('error.forbidden')}
    </EmptyState>
  );
}

export function Routes() {
  const { path } = useLocation();
  const user = useUser();
  const t = useT();

  if (path === '/' || path === '/login') return <Redirect to="/inbox" />;
  const inbox = matchPath('/inbox', path) ?? matchPath('/inbox/:id', path);
  if (inbox) return <InboxPage openId={inbox.id ?? null} />;
  if (path === '/dashboard') {
    if (!hasRole(user, 'manager')) return <Forbidden />;
    return (
      <Suspense fallback={<LoadingState />}>
        <DashboardPage />
      </Suspense>
    );
  }
  if (path === '/connectors') return hasRole(user, 'admin') ? <ConnectorsPage /> : <Forbidden />;
  const settings = matchPath('/settings', path) ?? matchPath('/settings/:section', path);
  if (settings) return <SettingsPage section={settings.section ?? null} />;
  return (
    <EmptyState icon="search" title={t('error.pageNotFound')}>
      {t('error.pageNotFoundHint')}
    </EmptyState>
  );
}
