import { useCallback, useState } from 'react';
import { useToast } from '../components/Toasts.js';
import { useT } from '../i18n/index.js';
import { describeError } from './errors.js';

/**
 * Runs a change against the API with a busy flag; a success message goes to a toast. The error
 * stays available as `error`: a form that shows it (a dialog) passes `inline`, so a failure is said
 * there once; without it, the failure goes to a toast as well.
 */
export function useMutation({ inline = false }: { inline?: boolean } = {}) {
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (work: () => Promise<unknown>, success?: string): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await work();
        if (success) toast(success);
        return true;
      } catch (err) {
        setError(err);
        if (!inline) toast(describeError(err, t), 'error');
        return false;
      } finally {
        setBusy(false);
      }
    },
    [toast, t, inline],
  );
  return { busy, error, run, clearError: () => setError(null) };
}
