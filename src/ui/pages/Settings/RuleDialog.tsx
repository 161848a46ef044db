import { useState } from 'react';
import { routingApi } from '../../api/endpoints.js';
import {
  CHANNELS,
  PRIORITIES,
  SENTIMENTS,
  TOPICS,
  type Connector,
  type RoutingRule,
  type RoutingRuleInput,
} from '../../api/types.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/Feedback.js';
import { Checkbox, SelectField, TextField } from '../../components/Field.js';
import { useT } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { topicLabel } from '../../lib/labels.js';
import { useMutation } from '../../lib/useMutation.js';

type Form = Record<
  | 'name'
  | 'channel'
  | 'connectorId'
  | 'topic'
  | 'sentiment'
  | 'language'
  | 'keywords'
  | 'maxRating'
  | 'departmentId'
  | 'priority'
  | 'assigneeId',
  string
>;

function toForm(rule: RoutingRule | null): Form {
  const c = rule?.conditions ?? {};
  const a = rule?.actions ?? {};
  return {
    name: rule?.name ?? '',
    channel: c.channel ?? '',
    connectorId: c.connectorId ?? '',
    topic: c.topic ?? '',
    sentiment: c.sentiment ?? '',
    language: c.language ?? '',
    keywords: (c.keywords ?? []).join(', '),
    maxRating: c.maxRating !== undefined && c.maxRating !== null ? String(c.maxRating) : '',
    departmentId: a.departmentId ?? '',
    priority: a.priority ?? '',
    assigneeId: a.assigneeId ?? '',
  };
}

/** Only filled fields become conditions/actions; an empty rule would match everything. */
export function toRuleInput(form: Form, enabled: boolean): RoutingRuleInput {
  const conditions: RoutingRuleInput['conditions'] = {};
  if (form.channel) conditions.channel = form.channel as RoutingRuleInput['conditions']['channel'];
  if (form.connectorId) conditions.connectorId = form.connectorId;
  if (form.topic) conditions.topic = form.topic;
  if (form.sentiment) conditions.sentiment = form.sentiment as RoutingRuleInput['conditions']['sentiment'];
  if (form.language.trim()) conditions.language = form.language.trim().toLowerCase();
  const keywords = form.keywords
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keywords.length) conditions.keywords = keywords;
  if (form.maxRating.trim() !== '' && Number.isFinite(Number(form.maxRating)))
    conditions.maxRating = Number(form.maxRating);
  const actions: RoutingRuleInput['actions'] = {};
  if (form.departmentId) actions.departmentId = form.departmentId;
  if (form.priority) actions.priority = form.priority as RoutingRuleInput['actions']['priority'];
  if (form.assigneeId) actions.assigneeId = form.assigneeId;
  return { name: form.name.trim(), enabled, conditions, actions };
}

export function RuleDialog({
  rule,
  connectors,
  onClose,
  onSaved,
}: {
  rule: RoutingRule | null;
  connectors: Connector[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { departments, users } = useDirectory();
  const [form, setForm] = useState<Form>(() => toForm(rule));
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const m = useMutation({ inline: true });
  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const input = toRuleInput(form, enabled);
  const hasAction = Object.keys(input.actions).length > 0;
  const save = () =>
    void m
      .run(
        () => (rule ? routingApi.update(rule.id, input) : routingApi.create(input)),
        t('common.savedNamed', { name: input.name }),
      )
      .then((ok) => ok && onSaved());
  const any = t('rules.any');

  return (
    <Dialog
      wide
      title={rule ? t('rules.edit') : t('rules.new')}
      onClose={onClose}
      onSubmit={save}
      submitting={m.busy}
      submitDisabled={!input.name || !hasAction}
    >
      {m.error ? <ErrorMessage error={m.error} /> : null}
      <div className="form-grid">
        <TextField
          label={t('rules.name') + ' *'}
          value={form.name}
          onChange={(e) => set('name')(e.target.value)}
          placeholder={t('rules.namePlaceholder')}
          required
        />
        <div className="field" style={{ justifyContent: 'flex-end', paddingBottom: 6 }}>
          <Checkbox label={t('rules.enabled')} checked={enabled} onChange={setEnabled} />
        </div>
      </div>
      <fieldset>
        <legend>{t('rules.when')}</legend>
        <div className="form-grid">
          <SelectField
            label={t('field.channel')}
            value={form.channel}
            onChange={set('channel')}
            placeholder={any}
            options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
          <SelectField
            label={t('rules.connector')}
            value={form.connectorId}
            onChange={set('connectorId')}
            placeholder={any}
            options={connectors.map((c) => ({ value: c.id, label: c.name }))}
          />
          <SelectField
            label={t('field.topic')}
            value={form.topic}
            onChange={set('topic')}
            placeholder={any}
            options={TOPICS.map((x) => ({ value: x, label: topicLabel(x, t) }))}
          />
          <SelectField
            label={t('field.sentiment')}
            value={form.sentiment}
            onChange={set('sentiment')}
            placeholder={any}
            options={SENTIMENTS.map((s) => ({ value: s, label: t(`sentiment.${s}`) }))}
          />
          <TextField
            label={t('rules.language')}
            value={form.language}
            onChange={(e) => set('language')(e.target.value)}
            placeholder="de, en"
            maxLength={8}
          />
          <TextField
            label={t('rules.maxRating')}
            type="number"
            min={0}
            max={5}
            step={0.5}
            value={form.maxRating}
            onChange={(e) => set('maxRating')(e.target.value)}
            hint={t('rules.maxRatingHint')}
          />
          <TextField
            className="span-2"
            label={t('rules.keywords')}
            value={form.keywords}
            onChange={(e) => set('keywords')(e.target.value)}
            placeholder={t('rules.keywordsPlaceholder')}
            hint={t('rules.keywordsHint')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('rules.then')}</legend>
        <div className="form-grid">
          <SelectField
            label={t('rules.toDepartment')}
            value={form.departmentId}
            onChange={set('departmentId')}
            placeholder={t('rules.keep')}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <SelectField
            label={t('rules.setPriority')}
            value={form.priority}
            onChange={set('priority')}
            placeholder={t('rules.keep')}
            options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          />
          <SelectField
            className="span-2"
            label={t('rules.assignTo')}
            value={form.assigneeId}
            onChange={set('assigneeId')}
            placeholder={t('rules.nobody')}
            options={users.map((u) => ({ value: u.id, label: u.name }))}
          />
        </div>
        {!hasAction ? (
          <p className="field-hint" style={{ marginTop: 8 }}>
            {t('rules.needAction')}
          </p>
        ) : null}
      </fieldset>
    </Dialog>
  );
}
