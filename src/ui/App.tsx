import { ErrorMessage, LoadingState } from './components/Feedback.js';
import { ToastProvider } from './components/Toasts.js';
import { I18nProvider } from './i18n/index.js';
import { DirectoryProvider } from './lib/directory.js';
import { SessionProvider, useSession } from './lib/session.js';
import { ThemeProvider } from './lib/theme.js';
import { Routes } from './Routes.js';
import { Shell } from './Shell.js';
import { LoginPage } from './pages/Login.js';

function Gate() {
  const { user, error, retry } = useSession();
  if (error) {
    return (
      <main className="page" style={{ maxWidth: 520, margin: '80px auto' }}>
        <ErrorMessage error={error} onRetry={retry} />
      </main>
    );
  }
  if (user === undefined) return <LoadingState />;
  if (user === null) return <LoginPage />;
  return (
    <DirectoryProvider>
      <Shell>
        <Routes />
      </Shell>
    </DirectoryProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <ThemeProvider>
        <ToastProvider>
          <SessionProvider>
            <Gate />
          </SessionProvider>
        </ToastProvider>
      </ThemeProvider>
    </I18nProvider>
  );
}
