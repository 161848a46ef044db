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
  className?: string;
  /** Hide the label visually (it still names the control for screen readers and tests). */
  hideLabel?: boolean;
}

function Shell({
  id,
  label,
  hint,
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
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

export function TextField({
  label,
  hint,
  className,
  hideLabel,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Shell id={input.id ?? id} label={label} hint={hint} className={className} hideLabel={hideLabel}>
      <input id={input.id ?? id} className="input" {...input} />
    </Shell>
  );
}

export function TextAreaField({
  label,
  hint,
  className,
  hideLabel,
  ...area
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Shell id={area.id ?? id} label={label} hint={hint} className={className} hideLabel={hideLabel}>
      <textarea id={area.id ?? id} className="textarea" {...area} />
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

export function SelectField({ label, hint, className, hideLabel, ...select }: FieldShell & SelectProps) {
  const id = useId();
  return (
    <Shell id={select.id ?? id} label={label} hint={hint} className={className} hideLabel={hideLabel}>
      <Select id={select.id ?? id} {...select} />
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
