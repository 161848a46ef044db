import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { AppConfig } from '../../../common/config/app-config.js';
import { AppError } from '../../../common/errors/app-error.js';
import { ConnectorsService } from '../../connectors/connectors.service.js';
import { domainOf, type EmailSettings, type SmtpSettings } from './email-settings.js';

/** One mail to send; threading headers are optional (acknowledgements have none). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Full Message-ID with brackets; generated from the sender's domain when missing. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** Which SMTP server and From address a mail goes out with. */
export interface MailRoute {
  from: string;
  /** Right-hand side of our Message-IDs. */
  domain: string;
  /** "connector <id>" or "SMTP_URL", for logs and errors. */
  via: string;
  smtp: SmtpSettings | string;
}

export interface SentMail {
  messageId: string;
  response: string;
}

/** Cap on connecting and talking to an SMTP server, so a dead server fails a send instead of hanging it. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

/**
 * The one place that decides how a mail leaves: the SMTP settings of an email connector, of the
 * email connector a web form names as `replyConnectorId`, or else the global SMTP_URL/MAIL_FROM.
 * The email reply sender and web form acknowledgements both send through here.
 */
@Injectable()
export class EmailTransportService {
  private readonly logger = new Logger(EmailTransportService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly connectors: ConnectorsService,
  ) {}

  /**
   * The route for mail about a conversation of this connector (null: none of its own). Returns
   * null only when neither the connector nor the environment configures outgoing mail.
   */
  async routeFor(connectorId: string | null): Promise<MailRoute | null> {
    const own = connectorId ? await this.connectorRoute(connectorId) : null;
    return own ?? this.globalRoute();
  }

  /** The route of an email connector's own settings. */
  routeOf(connectorId: string, settings: Pick<EmailSettings, 'smtp' | 'address'>): MailRoute {
    return {
      from: settings.address,
      domain: domainOf(settings.address),
      via: `connector ${connectorId}`,
      smtp: settings.smtp,
    };
  }

  /** Sends one mail; throws nodemailer's error (with responseCode for SMTP answers) on failure. */
  async send(route: MailRoute, mail: OutgoingMail): Promise<SentMail> {
    const transport = this.transportFor(route.smtp);
    try {
      const messageId = mail.messageId ?? `<${randomUUID()}@${route.domain}>`;
      const info = await transport.sendMail({
        from: route.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references?.length ? mail.references : undefined,
        headers: mail.headers,
        attachments: mail.attachments,
      });
      return { messageId, response: String(info.response ?? '') };
    } finally {
      transport.close();
    }
  }

  /** Connects and logs in (if configured) without sending anything. */
  async verify(smtp: SmtpSettings): Promise<void> {
    const transport = this.transportFor(smtp);
    try {
      await transport.verify();
    } finally {
      transport.close();
    }
  }

  private transportFor(smtp: SmtpSettings | string) {
    if (typeof smtp === 'string') return createTransport({ url: smtp, ...SMTP_TIMEOUTS });
    return createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      ...SMTP_TIMEOUTS,
    });
  }

  private globalRoute(): MailRoute | null {
    const { SMTP_URL, MAIL_FROM } = this.config.env;
    if (!SMTP_URL || !MAIL_FROM) return null;
    const address = /<([^<>]+)>/.exec(MAIL_FROM)?.[1] ?? MAIL_FROM;
    return { from: MAIL_FROM, domain: domainOf(address.trim()), via: 'SMTP_URL', smtp: SMTP_URL };
  }

  /** An email connector's route; a web form's goes through its replyConnectorId. */
  private async connectorRoute(connectorId: string, viaForm = false): Promise<MailRoute | null> {
    const runtime = await this.connectors
      .runtime<Record<string, unknown>>(connectorId)
      .catch((error: unknown) => {
        // A deleted connector must not stop its old conversations from getting answers.
        if (error instanceof AppError && error.code === 'not_found') return null;
        throw error;
      });
    if (!runtime) return null;
    const { connector, settings } = runtime;
    if (connector.kind === 'email')
      return this.routeOf(connector.id, settings as unknown as Pick<EmailSettings, 'smtp' | 'address'>);
    const replyConnectorId = settings.replyConnectorId;
    if (!viaForm && typeof replyConnectorId === 'string' && replyConnectorId) {
      const route = await this.connectorRoute(replyConnectorId, true);
      if (!route)
        this.logger.warn(`Reply connector ${replyConnectorId} of ${connector.id} is not an email connector`);
      return route;
    }
    return null;
  }
}
