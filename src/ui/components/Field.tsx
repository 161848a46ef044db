import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldShell {
  label: string;
  hint?: ReactNode;
  /** What is wrong with the value: shown below the control, which is marked invalid and described by it. */
  error?: string;
  className?: string;
  /** Hide the label visually (it still names the control for screen readers and tests). */
  hideLabel?: boolean;
}

/** The control's ARIA link to its error and hint (the ids Shell gives them). */
function described(id: string, { hint, error }: Pick<FieldShell, 'hint' | 'error'>) {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

function Shell({
  id,
  label,
  hint,
  error,
  className,
  hideLabel,
  children,
}: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  className,
  hideLabel,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const ownId = useId();
  const id = input.id ?? ownId;
  return (
    <Shell id={id} label={label} hint={hint} error={error} className={className} hideLabel={hideLabel}>
      <input id={id} className="input" {...described(id, { hint, error })} {...input} />
    </Shell>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  className,
  hideLabel,
  ...area
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ownId = useId();
  const id = area.id ?? ownId;
  return (
    <Shell id={id} label={label} hint={hint} error={error} className={className} hideLabel={hideLabel}>
      <textarea id={id} className="textarea" {...described(id, { hint, error })} {...area} />
    </Shell>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & {
  options: Option[];
  onChange: (value: string) => void;
  /** An empty first choice, e.g. "All" for filters or "—" for optional settings. */
  placeholder?: string;
  small?: boolean;
};

export function Select({ options, onChange, placeholder, small, className, ...rest }: SelectProps) {
  return (
    <select
      className={`select ${small ? 'select-sm' : ''} ${className ?? ''}`}
      onChange={(e) => onChange(e.target.value)}
      {...rest}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function SelectField({
  label,
  hint,
  error,
  className,
  hideLabel,
  ...select
}: FieldShell & SelectProps) {
  const ownId = useId();
  const id = select.id ?? ownId;
  return (
    <Shell id={id} label={label} hint={hint} error={error} className={className} hideLabel={hideLabel}>
      <Select id={id} {...described(id, { hint, error })} {...select} />
    </Shell>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
