import { CUSTOMER_TEXTS, type CustomerLanguage, translateValidation } from './customer-texts.js';
import type { FormAcceptedDto } from './dto/form-submission.dto.js';
import type { StatusMessageDto, StatusViewDto } from './dto/status-page.dto.js';
import { escapeHtml, htmlPage, utcTime } from './html.js';

function messageBlock(message: StatusMessageDto, lang: CustomerLanguage): string {
  const texts = CUSTOMER_TEXTS[lang];
  const who = message.direction === 'inbound' ? texts.youWrote : texts.ourAnswer;
  return (
    `<article class="msg ${message.direction}"><div class="meta">${escapeHtml(who)} · ${escapeHtml(utcTime(message.createdAt))}</div>` +
    `<p>${escapeHtml(message.body)}</p></article>`
  );
}

/** The answer to a plain form post: the reference and the link to the status page. */
export function thankYouPage(accepted: FormAcceptedDto, lang: CustomerLanguage): string {
  const texts = CUSTOMER_TEXTS[lang];
  const url = escapeHtml(accepted.statusUrl);
  return htmlPage(
    texts.thankYouTitle,
    `<h1>${escapeHtml(texts.thankYouHeading)}</h1>` +
      `<p>${escapeHtml(texts.yourReference)} <strong>${escapeHtml(accepted.reference)}</strong></p>` +
      `<p>${escapeHtml(texts.followBefore)}<a href="${url}">${escapeHtml(texts.followLink)}</a>` +
      `${escapeHtml(texts.followAfter)}</p>`,
    lang,
  );
}

/**
 * The customer's status page: state, the conversation without internal notes, a form to add a
 * message. `followUpAction` is relative, so the page works behind any path prefix.
 */
export function statusPage(view: StatusViewDto, followUpAction: string, lang: CustomerLanguage): string {
  const texts = CUSTOMER_TEXTS[lang];
  const title = `${texts.yourRequest} ${view.reference}`;
  const subject = view.subject ? `<p>${escapeHtml(texts.subject)} ${escapeHtml(view.subject)}</p>` : '';
  return htmlPage(
    title,
    `<h1>${escapeHtml(title)}</h1>${subject}` +
      `<p>${escapeHtml(texts.status)} <strong>${escapeHtml(texts.statusLabels[view.status])}</strong></p>` +
      `<section aria-label="${escapeHtml(texts.messages)}">` +
      `${view.messages.map((m) => messageBlock(m, lang)).join('')}</section>` +
      `<form method="post" action="${escapeHtml(followUpAction)}">` +
      `<label for="message">${escapeHtml(texts.addMessage)}</label>` +
      '<textarea id="message" name="message" rows="5" required aria-required="true"></textarea>' +
      `<button type="submit">${escapeHtml(texts.send)}</button></form>`,
    lang,
  );
}

/** Known validation messages appear in the customer's language, anything else as it came. */
export function errorPage(statusCode: number, message: string | string[], lang: CustomerLanguage): string {
  const texts = CUSTOMER_TEXTS[lang];
  const lines = (Array.isArray(message) ? message : [message]).map(
    (m) => `<li>${escapeHtml(translateValidation(m, lang))}</li>`,
  );
  const title = statusCode === 404 ? texts.notFound : texts.notSent;
  return htmlPage(
    title,
    `<h1>${escapeHtml(title)}</h1><ul>${lines.join('')}</ul><p>${escapeHtml(texts.goBack)}</p>`,
    lang,
  );
}
