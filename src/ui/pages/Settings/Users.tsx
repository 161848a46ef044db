import { useState } from 'react';
import { usersApi } from '../../api/endpoints.js';
import { ROLES, type Role, type UserAccount } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { AdminSection, DataTable, RowActions } from '../../components/AdminSection.js';
import { Badge } from '../../components/Badge.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/Feedback.js';
import { Checkbox, SelectField, TextField } from '../../components/Field.js';
import { Avatar } from '../../components/Visuals.js';
import { useT } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { useMutation } from '../../lib/useMutation.js';

const MIN_PASSWORD = 8;

function UserDialog({
  user,
  onClose,
  onSaved,
}: {
  user: UserAccount | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { departments } = useDirectory();
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'agent');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(user?.active ?? true);
  const [departmentIds, setDepartments] = useState<string[]>(user?.departmentIds ?? []);
  const m = useMutation({ inline: true });
  const passwordOk = user
    ? password === '' || password.length >= MIN_PASSWORD
    : password.length >= MIN_PASSWORD;
  const save = () => {
    const body: Record<string, unknown> = { name: name.trim(), email: email.trim(), role, departmentIds };
    if (password) body.password = password;
    if (user) body.active = active;
    void m
      .run(
        () => (user ? usersApi.update(user.id, body) : usersApi.create(body)),
        t('common.savedNamed', { name: name.trim() }),
      )
      .then((ok) => ok && onSaved());
  };
  const toggle = (id: string, on: boolean) =>
    setDepartments((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  return (
    <Dialog
      title={user ? t('users.edit') : t('users.new')}
      onClose={onClose}
      onSubmit={save}
      submitting={m.busy}
      submitDisabled={!name.trim() || !email.trim() || !passwordOk}
    >
      {m.error ? <ErrorMessage error={m.error} /> : null}
      <div className="form-grid">
        <TextField
          label={t('users.name') + ' *'}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <TextField
          label={t('login.email') + ' *'}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <SelectField
          label={t('users.role')}
          value={role}
          onChange={(v) => setRole(v as Role)}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          hint={t(`role.${role}Hint`)}
        />
        <TextField
          label={t('login.password') + (user ? '' : ' *')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={user ? t('users.passwordKeep') : t('users.passwordRule', { min: MIN_PASSWORD })}
        />
      </div>
      <div className="field">
        <span className="field-label">{t('users.departments')}</span>
        <div className="checklist">
          {departments.map((d) => (
            <Checkbox
              key={d.id}
              label={d.name}
              checked={departmentIds.includes(d.id)}
              onChange={(on) => toggle(d.id, on)}
            />
          ))}
        </div>
      </div>
      {user ? <Checkbox label={t('users.active')} checked={active} onChange={setActive} /> : null}
    </Dialog>
  );
}

export function Users() {
  const t = useT();
  const directory = useDirectory();
  const list = useApi(() => usersApi.list(), 'users');
  const [editing, setEditing] = useState<UserAccount | 'new' | null>(null);
  return (
    <>
      <AdminSection
        title={t('settings.users')}
        subtitle={t('users.subtitle')}
        newLabel={t('users.new')}
        onNew={() => setEditing('new')}
        state={list}
        empty={{ icon: 'users', title: t('users.emptyTitle'), text: t('users.emptyText') }}
      >
        {(items) => (
          <DataTable
            columns={[
              { label: t('users.name') },
              { label: t('users.role') },
              { label: t('users.departments') },
              { label: t('users.status') },
            ]}
          >
            {items.map((u) => (
              <tr key={u.id}>
                <td>
                  <div className="row">
                    <Avatar name={u.name} id={u.id} size="sm" />
                    <div>
                      <div style={{ fontWeight: 600 }}>{u.name}</div>
                      <div className="faint" style={{ fontSize: 12 }}>
                        {u.email}
                      </div>
                    </div>
                  </div>
                </td>
                <td>
                  <Badge tone={u.role === 'admin' ? 'violet' : u.role === 'manager' ? 'info' : 'neutral'}>
                    {t(`role.${u.role}`)}
                  </Badge>
                </td>
                <td className="muted" style={{ fontSize: 13 }}>
                  {u.departmentIds
                    .map((id) => directory.departmentName(id))
                    .filter(Boolean)
                    .join(', ') || '–'}
                </td>
                <td>
                  {u.active ? (
                    <Badge tone="success">{t('users.activeShort')}</Badge>
                  ) : (
                    <Badge>{t('users.inactive')}</Badge>
                  )}
                </td>
                <td>
                  <RowActions name={u.name} onEdit={() => setEditing(u)} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AdminSection>
      {editing ? (
        <UserDialog
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.reload();
            directory.reload();
          }}
        />
      ) : null}
    </>
  );
}
