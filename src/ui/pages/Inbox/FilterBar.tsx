import type { RefObject } from 'react';
import { CHANNELS, SENTIMENTS, STATUSES, TOPICS } from '../../api/types.js';
import { Button } from '../../components/Button.js';
import { SelectField } from '../../components/Field.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { useT } from '../../i18n/index.js';
import { useDirectory } from '../../lib/directory.js';
import { topicLabel } from '../../lib/labels.js';
import { useUser } from '../../lib/session.js';
import { activeFilterCount, keptAcrossViews, withFilter, type FilterKey, type Filters } from './filters.js';

/** Everything not yet resolved: what a team works through. */
const OPEN_WORK = 'new,open,pending';

interface View {
  id: string;
  label: string;
  icon: IconName;
  filters: Filters;
}

interface FilterBarProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onClose?: () => void;
}

function sameFilters(a: Filters, b: Filters): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<FilterKey>;
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

export function FilterBar({ filters, onChange, searchRef, onClose }: FilterBarProps) {
  const t = useT();
  const me = useUser();
  const { departments, users } = useDirectory();
  const set = (key: FilterKey) => (value: string) => onChange(withFilter(filters, key, value));

  const views: View[] = [
    { id: 'todo', label: t('inbox.viewTodo'), icon: 'inbox', filters: { status: OPEN_WORK } },
    {
      id: 'teams',
      label: t('inbox.viewMyDepartments'),
      icon: 'building',
      filters: { status: OPEN_WORK, departmentId: 'mine' },
    },
    { id: 'all', label: t('inbox.viewAll'), icon: 'menu', filters: {} },
    { id: 'mine', label: t('inbox.viewMine'), icon: 'user', filters: { assigneeId: me.id } },
    { id: 'unassigned', label: t('inbox.viewUnassigned'), icon: 'users', filters: { assigneeId: 'none' } },
    { id: 'new', label: t('inbox.viewNew'), icon: 'sparkle', filters: { status: 'new' } },
    { id: 'pending', label: t('inbox.viewPending'), icon: 'clock', filters: { status: 'pending' } },
    { id: 'resolved', label: t('inbox.viewResolved'), icon: 'check', filters: { status: 'resolved' } },
  ];
  const kept = keptAcrossViews(filters);
  const { q: _q, sort: _sort, ...rest } = filters;
  const assignees = users.some((u) => u.id === me.id) ? users : [me, ...users];

  return (
    <aside className="inbox-filters" aria-label={t('inbox.filters')}>
      <div className="row">
        <h1>{t('nav.inbox')}</h1>
        <span className="spacer" />
        {onClose ? (
          <Button variant="ghost" size="sm" icon="x" onClick={onClose} aria-label={t('common.close')} />
        ) : null}
      </div>
      <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <Icon name="search" size={15} />
        <label htmlFor="inbox-search" className="sr-only">
          {t('inbox.search')}
        </label>
        <input
          id="inbox-search"
          ref={searchRef}
          className="input"
          type="search"
          placeholder={t('inbox.searchPlaceholder')}
          defaultValue={filters.q ?? ''}
          key={filters.q ?? ''}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange(withFilter(filters, 'q', e.currentTarget.value.trim()));
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          onBlur={(e) => {
            if ((filters.q ?? '') !== e.currentTarget.value.trim())
              onChange(withFilter(filters, 'q', e.currentTarget.value.trim()));
          }}
        />
        <kbd aria-hidden="true">/</kbd>
      </form>
      <nav className="views" aria-label={t('inbox.views')}>
        {views.map((view) => (
          <button
            key={view.id}
            type="button"
            aria-pressed={sameFilters(rest, view.filters)}
            onClick={() => onChange({ ...view.filters, ...kept })}
          >
            <Icon name={view.icon} size={16} />
            {view.label}
          </button>
        ))}
      </nav>
      <SelectField
        small
        label={t('inbox.sort')}
        value={filters.sort ?? ''}
        onChange={set('sort')}
        placeholder={t('inbox.sortActivity')}
        options={[
          { value: 'due', label: t('inbox.sortDue') },
          { value: 'priority', label: t('inbox.sortPriority') },
        ]}
      />
      <div className="row">
        <span className="filter-group-title">{t('inbox.filters')}</span>
        <span className="spacer" />
        {activeFilterCount(filters) > 0 ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(kept)}>
            {t('inbox.clearFilters')}
          </button>
        ) : null}
      </div>
      <SelectField
        small
        label={t('field.status')}
        value={filters.status ?? ''}
        onChange={set('status')}
        placeholder={t('common.all')}
        options={[
          { value: OPEN_WORK, label: t('inbox.viewTodo') },
          ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
      />
      <SelectField
        small
        label={t('field.channel')}
        value={filters.channel ?? ''}
        onChange={set('channel')}
        placeholder={t('common.all')}
        options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
      />
      <SelectField
        small
        label={t('field.department')}
        value={filters.departmentId ?? ''}
        onChange={set('departmentId')}
        placeholder={t('common.all')}
        options={[
          { value: 'mine', label: t('inbox.viewMyDepartments') },
          ...departments.map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <SelectField
        small
        label={t('field.assignee')}
        value={filters.assigneeId ?? ''}
        onChange={set('assigneeId')}
        placeholder={t('common.anyone')}
        options={[
          { value: 'none', label: t('inbox.unassigned') },
          ...assignees.map((u) => ({
            value: u.id,
            label: u.id === me.id ? t('inbox.me', { name: u.name }) : u.name,
          })),
        ]}
      />
      <SelectField
        small
        label={t('field.sentiment')}
        value={filters.sentiment ?? ''}
        onChange={set('sentiment')}
        placeholder={t('common.all')}
        options={SENTIMENTS.map((s) => ({ value: s, label: t(`sentiment.${s}`) }))}
      />
      <SelectField
        small
        label={t('field.topic')}
        value={filters.topic ?? ''}
        onChange={set('topic')}
        placeholder={t('common.all')}
        options={TOPICS.map((topic) => ({ value: topic, label: topicLabel(topic, t) }))}
      />
    </aside>
  );
}
