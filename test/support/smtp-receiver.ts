import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './dovecot.js';

export interface ReceivedMail {
  from: string | null;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
  /** The user the client authenticated as, when it did. */
  user: string | null;
}

export interface SmtpReceiverOptions {
  /** When set, clients must log in with exactly these credentials (else 535). */
  auth?: { user: string; password: string };
}

/**
 * A real SMTP server on a loopback port that records what it receives. Recipients on the
 * `reject.example` domain are refused with 550 and on `tempfail.example` with 451, so tests can
 * see how permanent and temporary failures are reported.
 */
export interface SmtpReceiver {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves once at least `count` mails have arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok =
        options.auth && auth.username === options.auth.user && auth.password === options.auth.password;
      if (!ok)
        return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@')[1]?.toLowerCase();
      if (domain === 'reject.example')
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      if (domain === 'tempfail.example')
        return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
              user: typeof session.user === 'string' ? session.user : null,
            });
            waiters.splice(0).forEach((wake) => wake());
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    host: '127.0.0.1',
    port,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Expected ${count} mails, received ${messages.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
