import { Injectable, Logger } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { MetricsService } from '../../../common/metrics/metrics.service.js';
import type { ConnectorEntity } from '../../connectors/connector.entity.js';
import { describeError } from '../../connectors/describe-error.js';
import type { ConnectorAdapter, ConnectorRun, SyncResult } from '../channel-adapter.js';
import { BounceRepository } from './bounce.repository.js';
import { EMAIL_SECRET_FIELDS, type EmailSettings, validateEmailSettings } from './email-settings.js';
import { EmailTransportService } from './email-transport.service.js';
import {
  connectImap,
  describeImapFailure,
  type FetchedMail,
  fetchNewMail,
  imapClient,
  readCursor,
} from './imap-fetcher.js';
import { watchMailbox } from './imap-watch.js';
import { type MailGroup, oneAhead, parsedGroups } from './mail-groups.js';
import { type ParsedEmail, parseEmail } from './mail-to-remark.js';

type TestResult = { ok: boolean; detail: string };

/** Mails per ingestion call: each call is one transaction, so fewer and bigger is faster. */
const INGEST_GROUP = 1000;

/**
 * Email connectors: IMAP in (a cursor of UIDVALIDITY and last UID, saved after each committed
 * batch; a new UIDVALIDITY re-reads the mailbox and ingestion's Message-ID dedupe keeps it from
 * duplicating), IDLE to hear of new mail at once, SMTP out (see EmailReplySender).
 */
@Injectable()
export class EmailConnectorAdapter implements ConnectorAdapter<EmailSettings> {
  readonly kind = 'email' as const;
  readonly secretFields = EMAIL_SECRET_FIELDS;
  readonly defaultPollIntervalSeconds = 60;
  private readonly logger = new Logger(EmailConnectorAdapter.name);
  private readonly mails: Counter<string>;

  constructor(
    private readonly transports: EmailTransportService,
    private readonly bounces: BounceRepository,
    metrics: MetricsService,
  ) {
    this.mails = metrics.counter('resonanz_email_fetched_total', 'Mails fetched over IMAP by kind', ['kind']);
  }

  validateSettings(settings: unknown): EmailSettings {
    return validateEmailSettings(settings);
  }

  async test(_connector: ConnectorEntity, settings: EmailSettings): Promise<TestResult> {
    const [imap, smtp] = await Promise.all([this.testImap(settings), this.testSmtp(settings)]);
    return { ok: imap.ok && smtp.ok, detail: `IMAP: ${imap.detail} SMTP: ${smtp.detail}` };
  }

  async pull(run: ConnectorRun<EmailSettings>): Promise<SyncResult> {
    const { connector, settings } = run;
    const totals: SyncResult = { fetched: 0, ingested: 0, duplicates: 0, failed: 0 };
    const client = await connectImap(settings.imap);
    try {
      const batches = fetchNewMail(client, settings.imap.mailbox, readCursor(connector.cursor));
      const groups = parsedGroups(batches, (mail) => this.parse(mail, connector, settings), INGEST_GROUP);
      for await (const group of oneAhead(groups)) {
        run.signal?.throwIfAborted();
        if (group.resync)
          this.logger.log(`UIDVALIDITY of connector ${connector.id} changed: reading the mailbox again`);
        if (group.mails.length) await this.ingest(run, group, totals);
        // Only now: everything up to this UID is committed.
        await run.saveCursor({ ...group.cursor });
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return totals;
  }

  watch(
    connector: ConnectorEntity,
    settings: EmailSettings,
    onActivity: () => void,
  ): Promise<() => Promise<void>> {
    return watchMailbox(connector.id, settings, onActivity);
  }

  private async parse(
    mail: FetchedMail,
    connector: ConnectorEntity,
    settings: EmailSettings,
  ): Promise<ParsedEmail> {
    const ctx = { connectorId: connector.id, ownAddress: settings.address, internalDate: mail.internalDate };
    const parsed = await parseEmail(mail.source, ctx);
    parsed.remark.meta = { ...parsed.remark.meta, uid: mail.uid };
    this.mails.inc({ kind: parsed.automated?.kind ?? 'customer' });
    return parsed;
  }

  private async ingest(
    run: ConnectorRun<EmailSettings>,
    group: MailGroup<ParsedEmail>,
    totals: SyncResult,
  ): Promise<void> {
    const result = await run.ingest(group.mails.map((m) => m.parsed.remark));
    totals.fetched += group.mails.length;
    totals.ingested += result.ingested;
    totals.duplicates += result.duplicates;
    totals.failed += result.failed.length;
    for (const failure of result.failed)
      this.logger.warn(
        `Mail UID ${group.mails[failure.index].uid} of ${run.connector.id}: ${failure.message}`,
      );
    await this.recordBounces(group.mails.map((m) => m.parsed));
  }

  /** A bounce of one of our replies marks that reply failed, with the reason the server gave. */
  private async recordBounces(parsed: ParsedEmail[]): Promise<void> {
    for (const { bounce } of parsed) {
      if (!bounce?.originalMessageIds.length) continue;
      const marked = await this.bounces.markOutboundFailed(bounce.originalMessageIds, bounce.reason);
      if (marked) this.logger.log(`Bounce marked ${marked} reply(ies) failed: ${bounce.reason}`);
    }
  }

  private async testImap(settings: EmailSettings): Promise<TestResult> {
    const { host, port, user, mailbox } = settings.imap;
    const client = imapClient(settings.imap);
    try {
      await client.connect();
    } catch (error) {
      return { ok: false, detail: `${describeImapFailure(error, settings.imap)}.` };
    }
    try {
      const status = await client.status(mailbox, { messages: true });
      const count = status ? `${status.messages ?? 0} messages` : 'found';
      return { ok: true, detail: `logged in to ${host}:${port} as ${user}; mailbox ${mailbox}: ${count}.` };
    } catch (error) {
      return {
        ok: false,
        detail: `logged in as ${user}, but mailbox ${mailbox} cannot be opened: ${describeError(error)}.`,
      };
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  private async testSmtp(settings: EmailSettings): Promise<TestResult> {
    const { host, port, user } = settings.smtp;
    try {
      await this.transports.verify(settings.smtp);
      return {
        ok: true,
        detail: `${host}:${port} is ready${user ? ` and accepted the login of ${user}` : ''}.`,
      };
    } catch (error) {
      const e = error as { code?: string; responseCode?: number };
      if (e.code === 'EAUTH' || e.responseCode === 535)
        return {
          ok: false,
          detail: `login as ${user ?? '(none)'} at ${host}:${port} failed: wrong user name or password (${describeError(error)}).`,
        };
      return { ok: false, detail: `${host}:${port} is not usable: ${describeError(error)}.` };
    }
  }
}
