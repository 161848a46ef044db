import { useState } from 'react';
import { departmentsApi, usersApi } from '../../api/endpoints.js';
import type { Department, UserAccount } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { AdminSection, DataTable, RowActions, useConfirmDelete } from '../../components/AdminSection.js';
import { Badge } from '../../components/Badge.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/Feedback.js';
import { Checkbox, SelectField, TextField } from '../../components/Field.js';
import { AvatarStack } from '../../components/Visuals.js';
import { useT } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { useMutation } from '../../lib/useMutation.js';

function DepartmentDialog({
  department,
  users,
  onClose,
  onSaved,
}: {
  department: Department | null;
  users: UserAccount[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(department?.name ?? '');
  const [email, setEmail] = useState(department?.email ?? '');
  const [leadUserId, setLead] = useState(department?.leadUserId ?? '');
  const [memberIds, setMembers] = useState<string[]>(department?.memberIds ?? []);
  const [autoAssign, setAutoAssign] = useState(department?.autoAssign ?? false);
  const m = useMutation({ inline: true });
  const save = () => {
    const body = {
      name: name.trim(),
      email: email.trim() || (department ? null : undefined),
      leadUserId: leadUserId || (department ? null : undefined),
      memberIds,
      autoAssign,
    };
    void m
      .run(
        () => (department ? departmentsApi.update(department.id, body) : departmentsApi.create(body)),
        t('common.savedNamed', { name: body.name }),
      )
      .then((ok) => ok && onSaved());
  };
  const toggle = (id: string, on: boolean) =>
    setMembers((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  return (
    <Dialog
      title={department ? t('dept.edit') : t('dept.new')}
      onClose={onClose}
      onSubmit={save}
      submitting={m.busy}
      submitDisabled={!name.trim()}
    >
      {m.error ? <ErrorMessage error={m.error} /> : null}
      <div className="form-grid">
        <TextField
          label={t('dept.name') + ' *'}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <TextField
          label={t('dept.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          hint={t('dept.emailHint')}
        />
        <SelectField
          className="span-2"
          label={t('dept.lead')}
          value={leadUserId}
          onChange={setLead}
          placeholder={t('common.none')}
          options={users.map((u) => ({ value: u.id, label: u.name }))}
          hint={t('dept.leadHint')}
        />
      </div>
      <div className="field">
        <span className="field-label">{t('dept.members')}</span>
        {users.length === 0 ? (
          <span className="faint">{t('dept.noUsers')}</span>
        ) : (
          <div className="checklist">
            {users.map((u) => (
              <Checkbox
                key={u.id}
                label={u.name}
                checked={memberIds.includes(u.id)}
                onChange={(on) => toggle(u.id, on)}
              />
            ))}
          </div>
        )}
      </div>
      <Checkbox label={t('dept.autoAssign')} checked={autoAssign} onChange={setAutoAssign} />
    </Dialog>
  );
}

export function Departments() {
  const t = useT();
  const directory = useDirectory();
  const list = useApi(() => departmentsApi.list(), 'departments');
  const users = useApi(() => usersApi.list(), 'users');
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const people = users.data ?? [];
  const nameOf = (id: string | null) => people.find((u) => u.id === id)?.name ?? '–';
  const changed = () => {
    void list.reload();
    directory.reload();
  };
  const removal = useConfirmDelete<Department>({
    title: t('dept.removeTitle'),
    text: (d) => t('dept.removeText', { name: d.name }),
    name: (d) => d.name,
    remove: (d) => departmentsApi.remove(d.id),
    onRemoved: changed,
  });

  return (
    <>
      <AdminSection
        title={t('settings.departments')}
        subtitle={t('dept.subtitle')}
        newLabel={t('dept.new')}
        onNew={() => setEditing('new')}
        state={list}
        empty={{ icon: 'building', title: t('dept.emptyTitle'), text: t('dept.emptyText') }}
      >
        {(items) => (
          <DataTable
            columns={[
              { label: t('dept.name') },
              { label: t('dept.email') },
              { label: t('dept.lead') },
              { label: t('dept.members') },
            ]}
          >
            {items.map((d) => (
              <tr key={d.id}>
                <td style={{ fontWeight: 600 }}>
                  {d.name} {d.autoAssign ? <Badge tone="accent">{t('dept.autoAssignShort')}</Badge> : null}
                </td>
                <td className="muted">{d.email ?? '–'}</td>
                <td>{nameOf(d.leadUserId)}</td>
                <td>
                  {d.memberIds.length ? (
                    <AvatarStack people={people.filter((u) => d.memberIds.includes(u.id))} />
                  ) : (
                    <span className="faint">{t('dept.noMembers')}</span>
                  )}
                </td>
                <td>
                  <RowActions name={d.name} onEdit={() => setEditing(d)} onDelete={() => removal.ask(d)} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AdminSection>
      {editing ? (
        <DepartmentDialog
          department={editing === 'new' ? null : editing}
          users={people}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            changed();
          }}
        />
      ) : null}
      {removal.dialog}
    </>
  );
}
