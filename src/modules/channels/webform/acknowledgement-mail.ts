import type { FormReplyChannel } from './dto/form-submission.dto.js';
import { utcTime } from './html.js';

export interface Acknowledgement {
  subject: string;
  text: string;
}

/** The mail a customer gets right after posting: reference, status link, when to expect the answer. */
export function acknowledgementMail(input: {
  name: string | null;
  reference: string;
  statusUrl: string;
  dueAt: number | null;
  replyChannel: FormReplyChannel;
}): Acknowledgement {
  const how =
    input.replyChannel === 'email'
      ? 'Our answer will come by email and will also be on your status page:'
      : 'Our answer will be on your status page:';
  const due = input.dueAt ? `You can expect our answer by ${utcTime(input.dueAt)}.\n\n` : '';
  return {
    subject: `We received your message [#${input.reference}]`,
    text:
      `Hello${input.name ? ` ${input.name}` : ''},\n\n` +
      `thank you for your message. Your reference is ${input.reference}.\n\n` +
      due +
      `${how}\n${input.statusUrl}\n\n` +
      'Keep this link to yourself: anyone who has it can read and add to your request.\n',
  };
}
