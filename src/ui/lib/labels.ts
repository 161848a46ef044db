import type { ConversationSummary, Priority, SentimentLabel, Status } from '../api/types.js';
import type { Tone } from '../components/Badge.js';
import type { MessageKey, Translate } from '../i18n/index.js';

export const STATUS_TONE: Record<Status, Tone> = {
  new: 'accent',
  open: 'info',
  pending: 'warning',
  resolved: 'success',
};
export const PRIORITY_TONE: Record<Priority, Tone> = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warning',
  urgent: 'danger',
};
export const SENTIMENT_TONE: Record<SentimentLabel, Tone> = {
  negative: 'danger',
  neutral: 'neutral',
  positive: 'success',
};

/** The text for a key built from server data (`topic.${id}`), or `fallback` when we have none for it. */
export function labelOr(key: string, fallback: string, t: Translate): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

/** Topic ids come from the taxonomy, but a retrained model may add its own: show those as they are. */
export function topicLabel(topic: string, t: Translate): string {
  return labelOr(`topic.${topic}`, topic.replace(/_/g, ' '), t);
}

export interface ReplyTarget {
  /** What the reply box says about where the answer goes. */
  text: string;
  /** A second line with the consequence (public, customer sees it on their page, …). */
  hint: string;
  icon: 'mail' | 'star' | 'form' | 'api';
}

/** Says plainly on which channel an answer will go, so nobody posts a private reply in public. */
export function replyTarget(
  conv: Pick<ConversationSummary, 'replyChannel' | 'contact' | 'externalUrl'>,
  t: Translate,
): ReplyTarget {
  switch (conv.replyChannel) {
    case 'email':
      return {
        text: t('reply.toEmail', {
          email: conv.contact.email ?? conv.contact.name ?? t('conv.unknownCustomer'),
        }),
        hint: t('reply.toEmailHint'),
        icon: 'mail',
      };
    case 'feed':
      return { text: t('reply.toReview'), hint: t('reply.toReviewHint'), icon: 'star' };
    case 'status_page':
      return { text: t('reply.toStatusPage'), hint: t('reply.toStatusPageHint'), icon: 'form' };
    case 'api':
      return { text: t('reply.toApi'), hint: t('reply.toApiHint'), icon: 'api' };
  }
}

export function customerName(contact: { name: string | null; email: string | null }, t: Translate): string {
  return contact.name || contact.email || t('conv.unknownCustomer');
}
