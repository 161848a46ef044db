import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Icon } from './Icon.js';

interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

type Notify = (text: string, tone?: Toast['tone']) => void;
const ToastContext = createContext<Notify>(() => undefined);

/** Short confirmations ("Reply sent") and failures of background actions. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const notify = useCallback<Notify>((text, tone = 'info') => {
    const id = next.current++;
    setToasts((list) => [...list.slice(-3), { id, text, tone }]);
    window.setTimeout(
      () => setToasts((list) => list.filter((toast) => toast.id !== id)),
      tone === 'error' ? 7000 : 3500,
    );
  }, []);
  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast ${toast.tone === 'error' ? 'toast-error' : ''}`}>
            <Icon name={toast.tone === 'error' ? 'alert' : 'check'} size={16} />
            {toast.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Notify {
  return useContext(ToastContext);
}
