import { describe, expect, it } from '@jest/globals';
import {
  chooseReplyChannel,
  decoyStatusToken,
  STATUS_TOKEN_PATTERN,
  toFormRemark,
} from './webform-remark.js';

const FORM = '0b6c8f8e-2f7e-4c57-9d0a-1f0e7a8b9c0d';
const DEPT = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('web form remarks', () => {
  it('answers the honeypot with a token that looks real', () => {
    const a = decoyStatusToken();
    expect(a).toMatch(STATUS_TOKEN_PATTERN);
    expect(decoyStatusToken()).not.toBe(a);
  });

  it('answers by email when an address is given, else on the status page, unless the customer chose', () => {
    expect(chooseReplyChannel({ email: 'a@example.com' })).toBe('email');
    expect(chooseReplyChannel({})).toBe('status_page');
    expect(chooseReplyChannel({ email: 'a@example.com', replyChannel: 'status_page' })).toBe('status_page');
  });

  it('builds a remark with a fresh external id and the form’s department', () => {
    const settings = { allowedOrigins: [], defaultDepartmentId: DEPT, replyConnectorId: null };
    const input = { message: 'Hi', name: 'Erika', email: 'e@example.com', subject: 'S' };
    const remark = toFormRemark(FORM, settings, input, 'https://shop.example');
    expect(remark).toMatchObject({
      channel: 'webform',
      connectorId: FORM,
      text: 'Hi',
      subject: 'S',
      author: { name: 'Erika', email: 'e@example.com' },
      replyChannel: 'email',
      departmentId: DEPT,
      meta: { origin: 'https://shop.example' },
    });
    expect(toFormRemark(FORM, settings, input).externalId).not.toBe(remark.externalId);
    expect(toFormRemark(FORM, { ...settings, defaultDepartmentId: null }, input)).not.toHaveProperty(
      'departmentId',
    );
  });
});
