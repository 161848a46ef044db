import { Logger } from '@nestjs/common';
import type { ExistsEvent, ImapFlow } from 'imapflow';
import { describeError } from '../../connectors/describe-error.js';
import type { EmailSettings } from './email-settings.js';
import { imapClient } from './imap-fetcher.js';

/** Reconnect delays after a dropped connection: 1 s doubling up to a minute. */
const BACKOFF_START_MS = 1000;
const BACKOFF_MAX_MS = 60_000;
/** IDLE is renewed this often: servers drop IDLE after 30 minutes, NAT boxes after less. */
const MAX_IDLE_MS = 4 * 60_000;
const TRAILING_ACTIVITY_MS = 3000;

const logger = new Logger('ImapWatch');

/**
 * Keeps one connection idling on the connector's mailbox and calls `onActivity` when new mail
 * arrives (an EXISTS that grows the mailbox), so a sync starts within seconds instead of at the
 * next poll. On servers without IDLE imapflow falls back to NOOP polling on the same connection.
 * A dropped connection is re-opened with backoff. After the first connect and after every
 * reconnect `onActivity` runs once, to catch up with mail that came while nobody watched. The
 * first connect throws, so the caller learns of bad settings; the returned function stops it.
 */
export async function watchMailbox(
  connectorId: string,
  settings: EmailSettings,
  onActivity: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: ImapFlow | null = null;
  let timer: NodeJS.Timeout | null = null;
  let trailing: NodeJS.Timeout | null = null;
  let failures = 0;

  const open = async (): Promise<void> => {
    const client = imapClient(settings.imap, { maxIdleTime: MAX_IDLE_MS });
    client.on('exists', (event: ExistsEvent) => {
      if (event.count <= event.prevCount) return;
      onActivity();
      // Once more a little later: a sync already running may have folded this notice into
      // itself after it last looked at the mailbox.
      if (trailing) clearTimeout(trailing);
      trailing = setTimeout(() => {
        trailing = null;
        if (!stopped) onActivity();
      }, TRAILING_ACTIVITY_MS);
      trailing.unref();
    });
    client.on('error', (error: unknown) =>
      logger.debug(`IMAP watch of ${connectorId}: ${describeError(error)}`),
    );
    try {
      await client.connect();
      await client.mailboxOpen(settings.imap.mailbox, { readOnly: true });
    } catch (error) {
      client.close();
      throw error;
    }
    if (stopped) {
      await client.logout().catch(() => client.close());
      return;
    }
    current = client;
    client.on('close', () => {
      if (current === client) current = null;
      if (!stopped) reconnectLater();
    });
    // Resolves only when the connection ends; errors surface through 'close'.
    client.idle().catch(() => undefined);
  };

  const reconnectLater = () => {
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** failures);
    timer = setTimeout(() => {
      timer = null;
      open().then(
        () => {
          failures = 0;
          if (!stopped) onActivity();
        },
        (error: unknown) => {
          failures++;
          logger.warn(`IMAP watch of ${connectorId} could not reconnect: ${describeError(error)}`);
          if (!stopped) reconnectLater();
        },
      );
    }, delay);
    timer.unref();
  };

  await open();
  // Catch up at once with mail that came while nobody watched (the first poll may be far off).
  onActivity();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (trailing) clearTimeout(trailing);
    const client = current;
    current = null;
    if (client) await client.logout().catch(() => client.close());
  };
}
