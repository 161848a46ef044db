import { useState } from 'react';
import { Dialog } from '../../components/Dialog.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { useT } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { toLocalInput } from '../../lib/format.js';

interface Common {
  onClose: () => void;
  busy: boolean;
}

/** Handing a conversation to another department needs a reason: transfers are counted and shown. */
export function TransferDialog({
  currentDepartmentId,
  onSubmit,
  onClose,
  busy,
}: Common & {
  currentDepartmentId: string | null;
  onSubmit: (departmentId: string, reason: string) => void;
}) {
  const t = useT();
  const { departments } = useDirectory();
  const [departmentId, setDepartmentId] = useState('');
  const [reason, setReason] = useState('');
  const choices = departments.filter((d) => d.id !== currentDepartmentId);
  return (
    <Dialog
      title={t('transfer.title')}
      onClose={onClose}
      onSubmit={() => onSubmit(departmentId, reason.trim())}
      submitLabel={t('transfer.submit')}
      submitting={busy}
      submitDisabled={!departmentId || !reason.trim()}
    >
      <p className="muted">{t('transfer.explain')}</p>
      <SelectField
        label={t('transfer.department')}
        value={departmentId}
        onChange={setDepartmentId}
        placeholder={t('common.choose')}
        options={choices.map((d) => ({ value: d.id, label: d.name }))}
        required
      />
      <TextAreaField
        label={t('transfer.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('transfer.reasonPlaceholder')}
        required
        rows={3}
      />
    </Dialog>
  );
}

/** Closing without ever answering must be explained ("duplicate", "spam", …). */
export function ResolveReasonDialog({
  onSubmit,
  onClose,
  busy,
}: Common & { onSubmit: (reason: string) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <Dialog
      title={t('resolve.title')}
      onClose={onClose}
      onSubmit={() => onSubmit(reason.trim())}
      submitLabel={t('resolve.submit')}
      submitting={busy}
      submitDisabled={!reason.trim()}
    >
      <p className="muted">{t('resolve.explain')}</p>
      <TextAreaField
        label={t('resolve.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('resolve.reasonPlaceholder')}
        required
        rows={3}
      />
    </Dialog>
  );
}

export function PromiseDialog({
  onSubmit,
  onClose,
  busy,
}: Common & { onSubmit: (description: string, dueAt: string) => void }) {
  const t = useT();
  const [description, setDescription] = useState('');
  const [due, setDue] = useState(() => {
    const tomorrow = new Date(Date.now() + 86400_000);
    tomorrow.setHours(12, 0, 0, 0);
    return toLocalInput(tomorrow);
  });
  const dueDate = new Date(due);
  const valid = description.trim() && !Number.isNaN(dueDate.getTime());
  return (
    <Dialog
      title={t('promise.title')}
      onClose={onClose}
      onSubmit={() => valid && onSubmit(description.trim(), dueDate.toISOString())}
      submitLabel={t('promise.submit')}
      submitting={busy}
      submitDisabled={!valid}
    >
      <p className="muted">{t('promise.explain')}</p>
      <TextField
        label={t('promise.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        placeholder={t('promise.placeholder')}
        required
      />
      <TextField
        label={t('promise.due')}
        type="datetime-local"
        value={due}
        onChange={(e) => setDue(e.target.value)}
        required
      />
    </Dialog>
  );
}
