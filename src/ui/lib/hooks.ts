import { useEffect, useRef, useState } from 'react';

/** The current time, refreshed every `everyMs`, so ages and due times tick on screen. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Calls `refresh` every `everyMs` and whenever the window regains focus (tabs left open all day stay current). */
export function useRefresh(refresh: () => unknown, everyMs: number): void {
  useEffect(() => {
    const run = () => void refresh();
    const timer = window.setInterval(run, everyMs);
    window.addEventListener('focus', run);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', run);
    };
  }, [refresh, everyMs]);
}

/**
 * A popover anchored in `ref` and opened by the `toggle` button: a click outside or Escape closes
 * it, and Escape hands focus back to the toggle so keyboard users keep their place.
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onMouseDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    window.addEventListener('mousedown', onMouseDown);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('mousedown', onMouseDown);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);
  return { open, setOpen, ref, toggle };
}

/** True when the key press happened while typing, where single-letter shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Ctrl+Enter (Cmd+Enter on a Mac): sends what was typed, in the reply box and in dialogs. */
export function isSubmitShortcut(e: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey);
}

export type ShortcutMap = Record<string, (e: KeyboardEvent) => void>;

/**
 * Single-key shortcuts for the page (j/k, r, e, /). Ignored while typing, with modifiers, or while
 * a dialog is open, so they never steal text or fight the browser.
 */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      const action = map[e.key];
      if (!action) return;
      e.preventDefault();
      action(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [map, enabled]);
}
