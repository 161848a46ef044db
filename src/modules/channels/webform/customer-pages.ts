import type { ConversationStatus } from '../../conversations/conversation.entity.js';
import type { FormAcceptedDto } from './dto/form-submission.dto.js';
import type { StatusMessageDto, StatusViewDto } from './dto/status-page.dto.js';
import { escapeHtml, htmlPage, utcTime } from './html.js';

/** How the customer reads our workflow states. */
const STATUS_LABELS: Record<ConversationStatus, string> = {
  new: 'Received',
  open: 'In progress',
  pending: 'Waiting for your reply',
  resolved: 'Answered',
};

function messageBlock(message: StatusMessageDto): string {
  const who = message.direction === 'inbound' ? 'You wrote' : 'Our answer';
  return (
    `<article class="msg ${message.direction}"><div class="meta">${who} · ${escapeHtml(utcTime(message.createdAt))}</div>` +
    `<p>${escapeHtml(message.body)}</p></article>`
  );
}

/** The answer to a plain form post: the reference and the link to the status page. */
export function thankYouPage(accepted: FormAcceptedDto): string {
  const url = escapeHtml(accepted.statusUrl);
  return htmlPage(
    'Thank you',
    '<h1>Thank you for your message</h1>' +
      `<p>Your reference: <strong>${escapeHtml(accepted.reference)}</strong></p>` +
      `<p>Follow your request and read our answer on <a href="${url}">your status page</a>. ` +
      'Keep the link: it is your personal access.</p>',
  );
}

/**
 * The customer's status page: state, the conversation without internal notes, a form to add a
 * message. `followUpAction` is relative, so the page works behind any path prefix.
 */
export function statusPage(view: StatusViewDto, followUpAction: string): string {
  const subject = view.subject ? `<p>Subject: ${escapeHtml(view.subject)}</p>` : '';
  return htmlPage(
    `Your request ${view.reference}`,
    `<h1>Your request ${escapeHtml(view.reference)}</h1>${subject}` +
      `<p>Status: <strong>${escapeHtml(STATUS_LABELS[view.status])}</strong></p>` +
      `<section aria-label="Messages">${view.messages.map(messageBlock).join('')}</section>` +
      `<form method="post" action="${escapeHtml(followUpAction)}">` +
      '<label for="message">Add a message</label>' +
      '<textarea id="message" name="message" rows="5" required aria-required="true"></textarea>' +
      '<button type="submit">Send</button></form>',
  );
}

export function errorPage(statusCode: number, message: string | string[]): string {
  const lines = (Array.isArray(message) ? message : [message]).map((m) => `<li>${escapeHtml(m)}</li>`);
  const title = statusCode === 404 ? 'Not found' : 'Your message could not be sent';
  return htmlPage(
    title,
    `<h1>${title}</h1><ul>${lines.join('')}</ul>` + '<p>Please go back with your browser and try again.</p>',
  );
}
