import type { CustomerLanguage } from './customer-texts.js';
import type { FormReplyChannel } from './dto/form-submission.dto.js';
import { utcTime } from './html.js';

export interface Acknowledgement {
  subject: string;
  text: string;
}

interface AcknowledgementTexts {
  subject: (reference: string) => string;
  hello: (name: string | null) => string;
  thanks: (reference: string) => string;
  due: (time: string) => string;
  answerByEmail: string;
  answerOnStatusPage: string;
  keepLink: string;
}

const TEXTS: Record<CustomerLanguage, AcknowledgementTexts> = {
  en: {
    subject: (reference) => `We received your message [#${reference}]`,
    hello: (name) => `Hello${name ? ` ${name}` : ''},`,
    thanks: (reference) => `thank you for your message. Your reference is ${reference}.`,
    due: (time) => `You can expect our answer by ${time}.`,
    answerByEmail: 'Our answer will come by email and will also be on your status page:',
    answerOnStatusPage: 'Our answer will be on your status page:',
    keepLink: 'Keep this link to yourself: anyone who has it can read and add to your request.',
  },
  de: {
    subject: (reference) => `Wir haben Ihre Nachricht erhalten [#${reference}]`,
    hello: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    thanks: (reference) => `vielen Dank für Ihre Nachricht. Ihre Vorgangsnummer ist ${reference}.`,
    due: (time) => `Unsere Antwort erhalten Sie bis ${time}.`,
    answerByEmail: 'Unsere Antwort kommt per E-Mail und steht auch auf Ihrer Statusseite:',
    answerOnStatusPage: 'Unsere Antwort finden Sie auf Ihrer Statusseite:',
    keepLink: 'Bitte geben Sie diesen Link nicht weiter: Wer ihn hat, kann Ihr Anliegen lesen und ergänzen.',
  },
};

/**
 * The mail a customer gets right after posting: reference, status link, when to expect the answer,
 * in the customer's language.
 */
export function acknowledgementMail(input: {
  name: string | null;
  reference: string;
  statusUrl: string;
  dueAt: number | null;
  replyChannel: FormReplyChannel;
  lang: CustomerLanguage;
}): Acknowledgement {
  const texts = TEXTS[input.lang];
  const how = input.replyChannel === 'email' ? texts.answerByEmail : texts.answerOnStatusPage;
  const due = input.dueAt ? `${texts.due(utcTime(input.dueAt))}\n\n` : '';
  return {
    subject: texts.subject(input.reference),
    text:
      `${texts.hello(input.name)}\n\n${texts.thanks(input.reference)}\n\n` +
      due +
      `${how}\n${input.statusUrl}\n\n${texts.keepLink}\n`,
  };
}
