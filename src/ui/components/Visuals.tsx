import type { Channel } from '../api/types.js';
import { useI18n, useT, type Lang } from '../i18n/index.js';
import { useTheme, type ThemeChoice } from '../lib/theme.js';
import { colourFor, initials } from '../lib/format.js';
import { Icon, type IconName } from './Icon.js';

export function Avatar({
  name,
  id,
  size,
}: {
  name: string | null | undefined;
  id?: string;
  size?: 'sm' | 'lg';
}) {
  return (
    <span
      className={`avatar ${size ? `avatar-${size}` : ''}`}
      style={{ background: colourFor(id ?? name ?? '?') }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}

/** Review ratings: filled stars out of five, with the number for screen readers. */
export function Stars({ rating, size = 13 }: { rating: number; size?: number }) {
  const t = useT();
  const rounded = Math.round(rating);
  return (
    <span className="stars" role="img" aria-label={t('conv.rating', { rating: rating.toLocaleString() })}>
      {[1, 2, 3, 4, 5].map((n) => (
        <svg
          key={n}
          width={size}
          height={size}
          viewBox="0 0 24 24"
          className={n <= rounded ? '' : 'off'}
          aria-hidden="true"
        >
          <path
            fill="currentColor"
            d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z"
          />
        </svg>
      ))}
    </span>
  );
}

export const CHANNEL_ICONS: Record<Channel, IconName> = {
  email: 'mail',
  webform: 'form',
  feed: 'star',
  api: 'api',
};

export function ChannelIcon({ channel }: { channel: Channel }) {
  const t = useT();
  return (
    <span
      className={`channel-icon channel-${channel}`}
      title={t(`channel.${channel}`)}
      role="img"
      aria-label={t(`channel.${channel}`)}
    >
      <Icon name={CHANNEL_ICONS[channel] ?? 'inbox'} size={15} />
    </span>
  );
}

export function Segmented<T extends string>({
  value,
  options,
  onChange,
  label,
}: {
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
  label: string;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** A few faces for a group (department members), then "+n". */
export function AvatarStack({ people, max = 5 }: { people: { id: string; name: string }[]; max?: number }) {
  return (
    <span className="avatar-stack" title={people.map((p) => p.name).join(', ')}>
      {people.slice(0, max).map((p) => (
        <Avatar key={p.id} name={p.name} id={p.id} size="sm" />
      ))}
      {people.length > max ? <span className="more">+{people.length - max}</span> : null}
    </span>
  );
}

/** Language choice; used in the account menu, on the sign-in page and in the preferences. */
export function LanguageSwitch({ short }: { short?: boolean }) {
  const { t, lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      label={t('prefs.language')}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'en', label: short ? 'EN' : 'English' },
        { value: 'de', label: short ? 'DE' : 'Deutsch' },
      ]}
    />
  );
}

export function ThemeSwitch() {
  const { t } = useI18n();
  const theme = useTheme();
  return (
    <Segmented<ThemeChoice>
      label={t('prefs.theme')}
      value={theme.choice}
      onChange={theme.setChoice}
      options={[
        { value: 'system', label: t('prefs.themeSystem') },
        { value: 'light', label: t('prefs.themeLight') },
        { value: 'dark', label: t('prefs.themeDark') },
      ]}
    />
  );
}
