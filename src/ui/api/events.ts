import { useEffect, useRef, useState } from 'react';

export const EVENT_TYPES = [
  'conversation.created',
  'conversation.updated',
  'message.created',
  'message.updated',
] as const;
export type LiveEventType = (typeof EVENT_TYPES)[number];

export interface LiveEvent {
  type: LiveEventType | 'message';
  /** The conversation the event is about, when the payload names one. */
  conversationId: string | null;
  data: unknown;
}

/** Finds the conversation id in an event payload, whatever shape the server chose. */
export function parseLiveEvent(type: LiveEvent['type'], raw: string): LiveEvent {
  let data: unknown = raw;
  try {
    data = JSON.parse(raw);
  } catch {
    // a plain-text payload is still an event worth reacting to
  }
  return { type, conversationId: findConversationId(data), data };
}

function findConversationId(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  if (typeof record.conversationId === 'string') return record.conversationId;
  for (const key of ['conversation', 'message', 'data']) {
    const nested = findConversationId(record[key]);
    if (nested) return nested;
  }
  if (typeof record.id === 'string' && 'reference' in record) return record.id;
  return null;
}

/**
 * Subscribes to the server's live events (SSE; the session cookie goes along). EventSource
 * reconnects by itself; `connected` reflects whether the stream is open right now.
 */
export function useLiveEvents(onEvent: (event: LiveEvent) => void, enabled = true): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const listeners = [...EVENT_TYPES, 'message' as const].map((type) => {
      const listener = (e: MessageEvent<string>) => handler.current(parseLiveEvent(type, e.data));
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    return () => {
      for (const [type, listener] of listeners) source.removeEventListener(type, listener);
      source.close();
      setConnected(false);
    };
  }, [enabled]);

  return connected;
}
