import { useState } from 'react';
import { slaApi } from '../../api/endpoints.js';
import { CHANNELS, PRIORITIES, type SlaPolicy, type SlaPolicyInput } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { AdminSection, DataTable, RowActions, useConfirmDelete } from '../../components/AdminSection.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/Feedback.js';
import { SelectField, TextField } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';
import { formatDuration } from '../../lib/format.js';
import { useMutation } from '../../lib/useMutation.js';

/** Hours in the form, seconds on the wire; blank stays unset. */
export function hoursToSeconds(text: string): number | null {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) || value <= 0 ? null : Math.round(value * 3600);
}

function secondsToHours(seconds: number | null | undefined): string {
  return seconds ? String(Math.round((seconds / 3600) * 100) / 100) : '';
}

function PolicyDialog({
  policy,
  onClose,
  onSaved,
}: {
  policy: SlaPolicy | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(policy?.name ?? '');
  const [channel, setChannel] = useState<string>(policy?.channel ?? '');
  const [priority, setPriority] = useState<string>(policy?.priority ?? '');
  const [first, setFirst] = useState(secondsToHours(policy?.firstResponseSeconds));
  const [resolution, setResolution] = useState(secondsToHours(policy?.resolutionSeconds));
  const m = useMutation({ inline: true });
  const firstSeconds = hoursToSeconds(first);
  const save = () => {
    if (!firstSeconds) return;
    const body: SlaPolicyInput = {
      name: name.trim(),
      channel: (channel || null) as SlaPolicyInput['channel'],
      priority: (priority || null) as SlaPolicyInput['priority'],
      firstResponseSeconds: firstSeconds,
      resolutionSeconds: hoursToSeconds(resolution),
    };
    if (!policy) {
      // On create, unset means "not given" rather than null.
      if (!body.channel) delete body.channel;
      if (!body.priority) delete body.priority;
      if (!body.resolutionSeconds) delete body.resolutionSeconds;
    }
    void m
      .run(
        () => (policy ? slaApi.update(policy.id, body) : slaApi.create(body)),
        t('common.savedNamed', { name: body.name }),
      )
      .then((ok) => ok && onSaved());
  };
  return (
    <Dialog
      title={policy ? t('sla.edit') : t('sla.new')}
      onClose={onClose}
      onSubmit={save}
      submitting={m.busy}
      submitDisabled={!name.trim() || !firstSeconds}
    >
      {m.error ? <ErrorMessage error={m.error} /> : null}
      <p className="muted">{t('sla.explain')}</p>
      <div className="form-grid">
        <TextField
          className="span-2"
          label={t('sla.name') + ' *'}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('sla.namePlaceholder')}
          required
        />
        <SelectField
          label={t('field.channel')}
          value={channel}
          onChange={setChannel}
          placeholder={t('sla.anyChannel')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <SelectField
          label={t('field.priority')}
          value={priority}
          onChange={setPriority}
          placeholder={t('sla.anyPriority')}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        />
        <TextField
          label={t('sla.firstResponse') + ' *'}
          type="number"
          min={0.01}
          // Any number of hours: 8, 24, 0.5 (a fixed step would refuse whole hours).
          step="any"
          value={first}
          onChange={(e) => setFirst(e.target.value)}
          hint={t('sla.hours')}
          required
        />
        <TextField
          label={t('sla.resolution')}
          type="number"
          min={0.01}
          // Any number of hours: 8, 24, 0.5 (a fixed step would refuse whole hours).
          step="any"
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          hint={t('sla.hoursOptional')}
        />
      </div>
    </Dialog>
  );
}

export function SlaPolicies() {
  const { t, locale } = useI18n();
  const list = useApi(() => slaApi.list(), 'sla');
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const removal = useConfirmDelete<SlaPolicy>({
    title: t('sla.removeTitle'),
    text: (p) => t('sla.removeText', { name: p.name }),
    name: (p) => p.name,
    remove: (p) => slaApi.remove(p.id),
    onRemoved: () => void list.reload(),
  });
  const any = (text: string) => <span className="faint">{text}</span>;
  return (
    <>
      <AdminSection
        title={t('settings.sla')}
        subtitle={t('sla.subtitle')}
        newLabel={t('sla.new')}
        onNew={() => setEditing('new')}
        state={list}
        empty={{ icon: 'clock', title: t('sla.emptyTitle'), text: t('sla.emptyText') }}
      >
        {(items) => (
          <DataTable
            columns={[
              { label: t('sla.name') },
              { label: t('field.channel') },
              { label: t('field.priority') },
              { label: t('sla.firstResponse'), numeric: true },
              { label: t('sla.resolution'), numeric: true },
            ]}
          >
            {items.map((p) => (
              <tr key={p.id}>
                <td style={{ fontWeight: 600 }}>{p.name}</td>
                <td>{p.channel ? t(`channel.${p.channel}`) : any(t('sla.anyChannel'))}</td>
                <td>{p.priority ? t(`priority.${p.priority}`) : any(t('sla.anyPriority'))}</td>
                <td className="num">{formatDuration(p.firstResponseSeconds, locale)}</td>
                <td className="num">{formatDuration(p.resolutionSeconds, locale)}</td>
                <td>
                  <RowActions name={p.name} onEdit={() => setEditing(p)} onDelete={() => removal.ask(p)} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AdminSection>
      {editing ? (
        <PolicyDialog
          policy={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.reload();
          }}
        />
      ) : null}
      {removal.dialog}
    </>
  );
}
