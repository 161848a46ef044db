import type { ConversationStatus } from '../../conversations/conversation.entity.js';

/** The languages of everything a customer sees from a web form (snippet, thank-you, status page). */
export const CUSTOMER_LANGUAGES = ['de', 'en'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];
export const DEFAULT_CUSTOMER_LANGUAGE: CustomerLanguage = 'en';

/** The language a customer wrote in when we speak it, else `fallback` (e.g. the browser's). */
export function customerLanguageOf(
  detected: string | null | undefined,
  fallback: CustomerLanguage,
): CustomerLanguage {
  return (CUSTOMER_LANGUAGES as readonly string[]).includes(detected ?? '')
    ? (detected as CustomerLanguage)
    : fallback;
}

/** Validation messages the customer can run into; `en` is also what the API answers in JSON. */
export const VALIDATION_MESSAGES = {
  messageRequired: { en: 'message is required', de: 'Bitte schreiben Sie eine Nachricht.' },
  messageEmpty: { en: 'message must not be empty', de: 'Die Nachricht darf nicht leer sein.' },
  messageTooLong: {
    en: 'message is too long (at most 64 KB)',
    de: 'Die Nachricht ist zu lang (höchstens 64 KB).',
  },
  emailRequired: {
    en: 'email is required when replyChannel is "email"',
    de: 'Für eine Antwort per E-Mail brauchen wir Ihre E-Mail-Adresse.',
  },
  emailInvalid: {
    en: 'email must be an email address',
    de: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  },
} as const satisfies Record<string, Record<CustomerLanguage, string>>;

/** The texts of the pasted snippet; its script swaps them in by the visitor's browser language. */
export interface SnippetTexts {
  name: string;
  email: string;
  subject: string;
  message: string;
  replyLegend: string;
  replyEmail: string;
  replyStatus: string;
  honeypot: string;
  send: string;
  sending: string;
  failed: string;
  thanks: string;
  followLink: string;
}

export interface CustomerTexts {
  snippet: SnippetTexts;
  thankYouTitle: string;
  thankYouHeading: string;
  yourReference: string;
  /** Text before the status link, the link text, and the text after it. */
  followBefore: string;
  followLink: string;
  followAfter: string;
  notFound: string;
  notSent: string;
  goBack: string;
  yourRequest: string;
  subject: string;
  status: string;
  statusLabels: Record<ConversationStatus, string>;
  messages: string;
  youWrote: string;
  ourAnswer: string;
  addMessage: string;
  send: string;
}

export const CUSTOMER_TEXTS: Record<CustomerLanguage, CustomerTexts> = {
  en: {
    snippet: {
      name: 'Name',
      email: 'Email',
      subject: 'Subject',
      message: 'Your message (required)',
      replyLegend: 'How would you like our answer?',
      replyEmail: 'By email (please fill in your email address)',
      replyStatus: 'On a status page (you get its link)',
      honeypot: 'Leave this field empty',
      send: 'Send',
      sending: 'Sending...',
      failed: 'Sending failed, please try again.',
      thanks: 'Thank you! Your reference: ',
      followLink: 'Follow your request and read our answer here',
    },
    thankYouTitle: 'Thank you',
    thankYouHeading: 'Thank you for your message',
    yourReference: 'Your reference:',
    followBefore: 'Follow your request and read our answer on ',
    followLink: 'your status page',
    followAfter: '. Keep the link: it is your personal access.',
    notFound: 'Not found',
    notSent: 'Your message could not be sent',
    goBack: 'Please go back with your browser and try again.',
    yourRequest: 'Your request',
    subject: 'Subject:',
    status: 'Status:',
    statusLabels: {
      new: 'Received',
      open: 'In progress',
      pending: 'Waiting for your reply',
      resolved: 'Answered',
    },
    messages: 'Messages',
    youWrote: 'You wrote',
    ourAnswer: 'Our answer',
    addMessage: 'Add a message',
    send: 'Send',
  },
  de: {
    snippet: {
      name: 'Name',
      email: 'E-Mail',
      subject: 'Betreff',
      message: 'Ihre Nachricht (Pflichtfeld)',
      replyLegend: 'Wie möchten Sie unsere Antwort erhalten?',
      replyEmail: 'Per E-Mail (bitte geben Sie Ihre E-Mail-Adresse an)',
      replyStatus: 'Auf einer Statusseite (Sie erhalten den Link)',
      honeypot: 'Dieses Feld bitte leer lassen',
      send: 'Senden',
      sending: 'Wird gesendet...',
      failed: 'Senden fehlgeschlagen, bitte versuchen Sie es noch einmal.',
      thanks: 'Vielen Dank! Ihre Vorgangsnummer: ',
      followLink: 'Hier verfolgen Sie Ihre Anfrage und lesen unsere Antwort',
    },
    thankYouTitle: 'Vielen Dank',
    thankYouHeading: 'Vielen Dank für Ihre Nachricht',
    yourReference: 'Ihre Vorgangsnummer:',
    followBefore: 'Verfolgen Sie Ihre Anfrage und lesen Sie unsere Antwort auf ',
    followLink: 'Ihrer Statusseite',
    followAfter: '. Bewahren Sie den Link auf: Er ist Ihr persönlicher Zugang.',
    notFound: 'Nicht gefunden',
    notSent: 'Ihre Nachricht konnte nicht gesendet werden',
    goBack: 'Bitte gehen Sie in Ihrem Browser zurück und versuchen Sie es noch einmal.',
    yourRequest: 'Ihre Anfrage',
    subject: 'Betreff:',
    status: 'Status:',
    statusLabels: {
      new: 'Eingegangen',
      open: 'In Bearbeitung',
      pending: 'Wartet auf Ihre Antwort',
      resolved: 'Beantwortet',
    },
    messages: 'Nachrichten',
    youWrote: 'Sie schrieben',
    ourAnswer: 'Unsere Antwort',
    addMessage: 'Nachricht hinzufügen',
    send: 'Senden',
  },
};

/** A known validation message in the customer's language; anything else as it came. */
export function translateValidation(message: string, lang: CustomerLanguage): string {
  const known = Object.values(VALIDATION_MESSAGES).find((m) => m.en === message);
  return known ? known[lang] : message;
}

/** German validation messages by their English text, for the snippet's script. */
export function germanValidationMessages(): Record<string, string> {
  return Object.fromEntries(Object.values(VALIDATION_MESSAGES).map((m) => [m.en, m.de]));
}

const TAG = /^(?:[a-z]{1,8}(?:-[a-z0-9]{1,8})*|\*)$/i;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;
/** Longer headers are not sent by real browsers; the rest is ignored. */
const MAX_HEADER = 4096;

/**
 * The customer's language from `Accept-Language`: German when German is preferred over English
 * (higher q-value, or listed first at the same q), else English. Malformed entries are skipped, so a
 * garbage header means English.
 */
export function chooseLanguage(header: string | string[] | undefined): CustomerLanguage {
  const value = (Array.isArray(header) ? header.join(',') : (header ?? '')).slice(0, MAX_HEADER);
  let best: { lang: CustomerLanguage; q: number } | null = null;
  for (const entry of value.split(',')) {
    const [tag, ...params] = entry.split(';').map((part) => part.trim());
    if (!tag || !TAG.test(tag)) continue;
    const lang = tag.toLowerCase().split('-')[0];
    if (lang !== 'de' && lang !== 'en') continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const match = QUALITY.exec(param.replace(/\s+/g, ''));
      if (match) q = Number(match[1]);
      else valid = false;
    }
    if (!valid || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? DEFAULT_CUSTOMER_LANGUAGE;
}
