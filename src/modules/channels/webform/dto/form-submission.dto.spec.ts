import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../../../common/http/validation-errors.js';
import { FormSubmissionDto, MESSAGE_MAX_BYTES } from './form-submission.dto.js';
import { FollowUpDto } from './status-page.dto.js';

/** The global ValidationPipe's options (src/app.factory.ts). */
function check<T extends object>(
  cls: new () => T,
  body: Record<string, unknown>,
): { value: T; errors: string[] } {
  const value = plainToInstance(cls, body);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  return { value, errors: flattenValidationErrors(errors) };
}

describe('FormSubmissionDto', () => {
  it('accepts a full post and trims it', () => {
    const { value, errors } = check(FormSubmissionDto, {
      message: '  Where is my parcel?  ',
      name: ' Erika ',
      email: 'erika@example.com',
      subject: 'Parcel',
      replyChannel: 'email',
    });
    expect(errors).toEqual([]);
    expect(value.message).toBe('Where is my parcel?');
    expect(value.name).toBe('Erika');
  });

  it('treats the empty fields of a classic form post as not given', () => {
    const { value, errors } = check(FormSubmissionDto, {
      message: 'Hello',
      name: '',
      email: '',
      subject: ' ',
      replyChannel: '',
      website: '',
    });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({
      name: undefined,
      email: undefined,
      replyChannel: undefined,
      website: undefined,
    });
  });

  it.each([
    [{}, 'message is required'],
    [{ message: '   \n ' }, 'message must not be empty'],
    [{ message: 42 }, 'message must be a string'],
    [{ message: 'x'.repeat(MESSAGE_MAX_BYTES + 1) }, 'message is too long (at most 64 KB)'],
    [{ message: 'ü'.repeat(MESSAGE_MAX_BYTES / 2 + 1) }, 'message is too long (at most 64 KB)'],
    [{ message: 'Hi', email: 'not-an-address' }, 'email must be an email address'],
    [{ message: 'Hi', replyChannel: 'email' }, 'email is required when replyChannel is "email"'],
    [
      { message: 'Hi', replyChannel: 'pigeon' },
      'replyChannel must be one of the following values: email, status_page',
    ],
    [{ message: 'Hi', admin: true }, 'property admin should not exist'],
    [{ message: 'Hi', name: 'n'.repeat(201) }, 'name must be shorter than or equal to 200 characters'],
  ])('rejects %j: %s', (body, message) => {
    expect(check(FormSubmissionDto, body).errors).toContain(message);
  });

  it('accepts a message of exactly 64 KB', () => {
    expect(check(FormSubmissionDto, { message: 'x'.repeat(MESSAGE_MAX_BYTES) }).errors).toEqual([]);
  });

  it('accepts the status page without an email', () => {
    expect(check(FormSubmissionDto, { message: 'Hi', replyChannel: 'status_page' }).errors).toEqual([]);
  });
});

describe('FollowUpDto', () => {
  it('needs a non-empty message and nothing else', () => {
    expect(check(FollowUpDto, { message: ' Any news? ' })).toMatchObject({
      errors: [],
      value: { message: 'Any news?' },
    });
    expect(check(FollowUpDto, { message: '' }).errors).toContain('message must not be empty');
    expect(check(FollowUpDto, { message: 'x', status: 'resolved' }).errors).toContain(
      'property status should not exist',
    );
  });
});
