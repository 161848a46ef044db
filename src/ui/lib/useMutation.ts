import { useCallback, useState } from 'react';
import { useToast } from '../components/Toasts.js';
import { useT } from '../i18n/index.js';
import { describeError } from './errors.js';

/**
 * Runs a change against the API with a busy flag; the error stays available for the form to show
 * in words, and a success message goes to a toast.
 */
export function useMutation() {
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
        toast(describeError(err, t), 'error');
        return false;
      } finally {
        setBusy(false);
      }
    },
    [toast, t],
  );
  return { busy, error, run, clearError: () => setError(null) };
}
