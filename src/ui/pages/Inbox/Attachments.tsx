import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { attachmentsApi } from '../../api/endpoints.js';
import { Button } from '../../components/Button.js';
import { Spinner } from '../../components/Feedback.js';
import { Icon } from '../../components/Icon.js';
import { useI18n, useT, type Translate } from '../../i18n/index.js';
import { describeError } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format.js';

/** The server takes at most 10 files per message, each at most 25 MB. */
const MAX_FILES = 10;
const MAX_BYTES = 25 * 1024 * 1024;

/** A file added to a draft: uploading, then uploaded (`id`) or refused (`error`). */
export interface Upload {
  key: number;
  file: File;
  id?: string;
  error?: string;
}

let nextKey = 0;

function uploadError(error: unknown, t: Translate): string {
  return error instanceof ApiError && error.status === 413 ? t('attach.tooLarge') : describeError(error, t);
}

/** Files per draft; each one uploads as soon as it is added. Removing only drops it from the draft. */
export function useUploads() {
  const t = useT();
  const [drafts, setDrafts] = useState<Record<string, Upload[]>>({});
  const change = (draft: string, edit: (list: Upload[]) => Upload[]) =>
    setDrafts((all) => ({ ...all, [draft]: edit(all[draft] ?? []) }));
  const settle = (draft: string, key: number, result: Pick<Upload, 'id' | 'error'>) =>
    change(draft, (list) => list.map((u) => (u.key === key ? { ...u, ...result } : u)));

  const add = (draft: string, files: Iterable<File>) => {
    let kept = (drafts[draft] ?? []).filter((u) => !u.error).length;
    const added = Array.from(files, (file): Upload => {
      const key = nextKey++;
      // Refused here already, so nobody waits for a big upload the server turns down anyway.
      if (file.size > MAX_BYTES) return { key, file, error: t('attach.tooLarge') };
      if (kept++ >= MAX_FILES) return { key, file, error: t('attach.tooMany', { max: MAX_FILES }) };
      attachmentsApi.upload(file).then(
        ({ id }) => settle(draft, key, { id }),
        (err: unknown) => settle(draft, key, { error: uploadError(err, t) }),
      );
      return { key, file };
    });
    change(draft, (list) => [...list, ...added]);
  };

  return {
    list: (draft: string) => drafts[draft] ?? [],
    add,
    remove: (draft: string, key: number) => change(draft, (list) => list.filter((u) => u.key !== key)),
    clear: (draft: string) => change(draft, () => []),
  };
}

export function AttachmentChips({
  uploads,
  onRemove,
}: {
  uploads: Upload[];
  onRemove: (key: number) => void;
}) {
  const { t, locale } = useI18n();
  if (uploads.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t('attach.list')}>
      {uploads.map(({ key, file, id, error }) => {
        const busy = !id && !error;
        return (
          <li key={key} className={error ? 'attachment is-failed' : 'attachment'} aria-busy={busy}>
            {busy ? <Spinner small /> : <Icon name={error ? 'alert' : 'paperclip'} size={14} />}
            <span>{file.name}</span>
            {error ? (
              <span role="alert">{error}</span>
            ) : (
              <span className="faint">{busy ? t('attach.uploading') : formatBytes(file.size, locale)}</span>
            )}
            <Button
              variant="ghost"
              size="sm"
              icon="x"
              onClick={() => onRemove(key)}
              aria-label={t('attach.remove', { name: file.name })}
            />
          </li>
        );
      })}
    </ul>
  );
}
