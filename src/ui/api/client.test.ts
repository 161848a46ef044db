import { describe, expect, it } from 'vitest';
import { mockFetch } from '../test-utils.js';
import { ApiError, errorFromBody, request, withQuery } from './client.js';
import { asList } from './endpoints.js';
import { parseLiveEvent } from './events.js';

describe('API client', () => {
  it('leaves empty filters out of the query string', () => {
    expect(withQuery('/api/conversations', { status: 'new', q: '', limit: 50, cursor: null })).toBe(
      '/api/conversations?status=new&limit=50',
    );
  });

  it('turns the server error body into words, one per bad field', () => {
    const error = errorFromBody(400, 'Bad Request', {
      statusCode: 400,
      error: 'Bad Request',
      message: ['reason should not be empty', 'status must be one of …'],
    });
    expect(error.message).toBe('reason should not be empty · status must be one of …');
    expect(error.messages).toHaveLength(2);
    expect(errorFromBody(502, 'Bad Gateway', 'not json').message).toBe('Bad Gateway');
  });

  it('sends same-origin requests with credentials and JSON, and raises ApiError on failure', async () => {
    mockFetch({
      'PATCH /api/x': { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'already there' } },
    });
    await expect(request('PATCH', '/api/x', { a: 1 })).rejects.toEqual(new ApiError(409, 'already there'));
    const call = (fetch as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0];
    expect(call[1]).toMatchObject({ method: 'PATCH', credentials: 'same-origin', body: '{"a":1}' });
  });

  it('sends FormData as it is, so the browser sets the multipart type', async () => {
    mockFetch({ 'POST /api/attachments': { status: 413, body: { message: 'File too large' } } });
    const form = new FormData();
    await expect(request('POST', '/api/attachments', form)).rejects.toEqual(
      new ApiError(413, 'File too large'),
    );
    const call = (fetch as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0];
    expect(call[1]).toMatchObject({ credentials: 'same-origin', body: form });
    expect(call[1].headers).toEqual({ Accept: 'application/json' });
  });

  it('accepts lists as arrays or {items}', () => {
    expect(asList([1])).toEqual([1]);
    expect(asList({ items: [2] })).toEqual([2]);
    expect(asList(null)).toEqual([]);
  });
});

describe('live events', () => {
  it('finds the conversation an event is about', () => {
    expect(
      parseLiveEvent('message.created', '{"type":"message.created","conversationId":"c1"}').conversationId,
    ).toBe('c1');
    expect(
      parseLiveEvent('conversation.created', '{"conversation":{"id":"c2","reference":"R-1"}}').conversationId,
    ).toBe('c2');
    expect(parseLiveEvent('message', 'ping').conversationId).toBeNull();
  });
});
