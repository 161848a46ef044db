import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { connectorsApi } from '../../api/endpoints.js';
import type { Connector, ConnectorKind } from '../../api/types.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/Feedback.js';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { useT, type MessageKey } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import {
  CONNECTOR_FIELDS,
  formToSettings,
  MASK,
  missingFields,
  NAME_FIELD,
  placeServerMessages,
  settingsToForm,
  type FieldSpec,
  type FormValues,
} from './connectorForm.js';
import { TestResult, type TestOutcome } from './TestResult.js';
import { Snippet } from './Snippet.js';

interface Props {
  kind: ConnectorKind;
  connector: Connector | null;
  emailConnectors: Connector[];
  onClose: () => void;
  onSaved: (connector: Connector) => void;
}

function FieldInput({
  field,
  value,
  onChange,
  stored,
  error,
  emailConnectors,
}: {
  field: FieldSpec;
  value: string | boolean;
  onChange: (v: string | boolean) => void;
  /** A secret is stored on the server (shown masked); leaving the field empty keeps it. */
  stored: boolean;
  /** The server's objection to this value. */
  error?: string;
  emailConnectors: Connector[];
}) {
  const t = useT();
  const { departments } = useDirectory();
  const label = t(field.label) + (field.required ? ' *' : '');
  const hint = field.hint ? t(field.hint) : undefined;
  switch (field.type) {
    case 'checkbox':
      return <Checkbox label={t(field.label)} checked={value === true} onChange={onChange} />;
    case 'lines':
      return (
        <TextAreaField
          label={label}
          hint={hint}
          error={error}
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
          placeholder={field.placeholder}
          rows={3}
          className="span-2"
        />
      );
    case 'department':
    case 'emailConnector': {
      const choices = field.type === 'department' ? departments : emailConnectors;
      return (
        <SelectField
          label={label}
          hint={hint}
          error={error}
          value={String(value)}
          onChange={onChange}
          placeholder={field.type === 'department' ? t('conn.byRouting') : t('conn.globalSmtp')}
          options={choices.map((c) => ({ value: c.id, label: c.name }))}
          className="span-2"
        />
      );
    }
    case 'secret':
      return (
        <TextField
          label={label}
          hint={hint ?? (stored ? t('conn.secretKept') : undefined)}
          error={error}
          type="password"
          autoComplete="new-password"
          value={value === MASK ? '' : String(value)}
          placeholder={stored ? t('conn.secretPlaceholder') : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'text':
    case 'number':
    case 'url':
    case 'email':
      return (
        <TextField
          label={label}
          hint={hint}
          error={error}
          type={field.type}
          value={String(value)}
          placeholder={field.placeholder}
          onChange={(e) => onChange(e.target.value)}
          className={field.type === 'url' || field.key === 'address' ? 'span-2' : undefined}
          min={field.type === 'number' ? 1 : undefined}
        />
      );
  }
}

/** Create or edit one connector; "Test connection" saves first, then asks the server to connect. */
export function ConnectorDialog({ kind, connector, emailConnectors, onClose, onSaved }: Props) {
  const t = useT();
  const [current, setCurrent] = useState<Connector | null>(connector);
  const [name, setName] = useState(connector?.name ?? '');
  const [enabled, setEnabled] = useState(connector?.enabled ?? true);
  const [values, setValues] = useState<FormValues>(() => settingsToForm(kind, connector?.settings));
  const [stored, setStored] = useState<FormValues>(values);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  /** What went wrong that names no field; objections to single fields are in `invalid`. */
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const body = useRef<HTMLDivElement>(null);
  const [test, setTest] = useState<TestOutcome | null>(null);
  const editing = current !== null;
  const missing = missingFields(kind, values, editing);
  const fields = CONNECTOR_FIELDS[kind];
  const groups: (MessageKey | undefined)[] = [...new Set(fields.map((f) => f.group))];

  // After a refused save, show where: the first field the server objected to, else the message on top.
  useEffect(() => {
    if (failures === 0) return;
    const field = body.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = field ?? body.current?.querySelector<HTMLElement>('[role="alert"]');
    target?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    field?.focus({ preventScroll: true });
  }, [failures]);

  const fail = (err: unknown) => {
    const placed =
      err instanceof ApiError && err.status === 400 ? placeServerMessages(kind, err.messages) : null;
    const general = placed?.general ?? [];
    setInvalid(placed?.fields ?? {});
    setError(placed ? (general.length ? new ApiError(400, general.join(' · '), general) : null) : err);
    setFailures((n) => n + 1);
  };

  const save = async (): Promise<Connector | null> => {
    setError(null);
    setInvalid({});
    try {
      const settings = formToSettings(kind, values, editing);
      const saved = current
        ? await connectorsApi.update(current.id, { name: name.trim(), enabled, settings })
        : await connectorsApi.create({ kind, name: name.trim(), enabled, settings });
      setCurrent(saved);
      const fresh = settingsToForm(kind, saved.settings);
      setValues(fresh);
      setStored(fresh);
      return saved;
    } catch (err) {
      fail(err);
      return null;
    }
  };

  const submit = async () => {
    setBusy('save');
    const saved = await save();
    setBusy(null);
    if (saved) onSaved(saved);
  };

  const runTest = async () => {
    setBusy('test');
    setTest(null);
    const saved = await save();
    if (saved) {
      try {
        setTest(await connectorsApi.test(saved.id));
      } catch (err) {
        setTest({ ok: false, detail: '', error: err });
      }
    }
    setBusy(null);
  };

  // Changing a value the server objected to takes the objection away.
  const clearInvalid = (key: string) => setInvalid(({ [key]: _fixed, ...rest }) => rest);
  const set = (key: string) => (value: string | boolean) => {
    setValues((v) => ({ ...v, [key]: value }));
    clearInvalid(key);
  };
  const title = editing ? t('conn.editTitle', { name: current.name }) : t(`connKind.${kind}New`);
  return (
    <Dialog
      wide
      title={title}
      onClose={onClose}
      bodyRef={body}
      onSubmit={() => void submit()}
      submitting={busy === 'save'}
      submitDisabled={!name.trim() || missing.length > 0 || busy !== null}
      submitLabel={editing ? t('common.save') : t('conn.create')}
    >
      {error ? <ErrorMessage error={error} /> : null}
      <div className="form-grid">
        <TextField
          label={t('conn.name') + ' *'}
          error={invalid[NAME_FIELD]}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            clearInvalid(NAME_FIELD);
          }}
          placeholder={t(`connKind.${kind}Example`)}
          required
        />
        <div className="field" style={{ justifyContent: 'flex-end', paddingBottom: 6 }}>
          <Checkbox label={t('conn.enabled')} checked={enabled} onChange={setEnabled} />
        </div>
      </div>
      {groups.map((group) => {
        const inner = (
          <div className="form-grid">
            {fields
              .filter((f) => f.group === group)
              .map((f) => (
                <FieldInput
                  key={f.key}
                  field={f}
                  value={values[f.key] ?? ''}
                  onChange={set(f.key)}
                  stored={stored[f.key] === MASK}
                  error={invalid[f.key]}
                  emailConnectors={emailConnectors.filter((c) => c.id !== current?.id)}
                />
              ))}
          </div>
        );
        return group ? (
          <fieldset key={group}>
            <legend>{t(group)}</legend>
            {inner}
          </fieldset>
        ) : (
          <div key="main">{inner}</div>
        );
      })}
      {kind === 'webform' && current ? <Snippet connector={current} /> : null}
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <Button
          icon="zap"
          busy={busy === 'test'}
          disabled={!name.trim() || missing.length > 0 || busy !== null}
          onClick={() => void runTest()}
        >
          {t('conn.test')}
        </Button>
        <div style={{ flex: 1 }}>
          {test ? (
            <TestResult outcome={test} />
          ) : (
            <span className="faint" style={{ fontSize: 12.5 }}>
              {t('conn.testHint')}
            </span>
          )}
        </div>
      </div>
    </Dialog>
  );
}
