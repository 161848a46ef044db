import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';

const run = promisify(execFile);
/** Debian's `mail` user: Dovecot refuses to store mail as root (see ../shared/NOTES.md). */
const MAIL_UID = 8;

export interface DovecotUser {
  user: string;
  password: string;
}

/** A private Dovecot IMAP server on a loopback port, in its own temp dir; one per test file. */
export interface Dovecot {
  host: string;
  port: number;
  addUser(user: string, password: string): DovecotUser;
  /** APPENDs mails (raw RFC 822) to a mailbox of a user and returns their UIDs. */
  append(account: DovecotUser, mails: (string | Buffer)[], mailbox?: string): Promise<number[]>;
  /** Deletes and creates a mailbox again: same name, new UIDVALIDITY, empty. */
  recreateMailbox(account: DovecotUser, mailbox: string): Promise<void>;
  client(account: DovecotUser): ImapFlow;
  /** Drops every open connection of the user, as a server restart or a network cut would. */
  kick(account: DovecotUser): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function configFor(dir: string, port: number): string {
  return `instance_name = test-${port}
base_dir = ${dir}/run
state_dir = ${dir}/state
protocols = imap
listen = 127.0.0.1
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${MAIL_UID}
last_valid_uid = ${MAIL_UID}
mail_max_userip_connections = 200
mailbox_idle_check_interval = 1 secs
# Tests log in wrongly on purpose; without these, every later login would wait seconds.
auth_failure_delay = 0
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
mail_location = maildir:${dir}/mail/%u
log_path = ${dir}/dovecot.log
`;
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not open port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'resonanz-dovecot-'));
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  chownSync(join(dir, 'mail'), MAIL_UID, MAIL_UID);
  writeFileSync(join(dir, 'passwd'), '');
  const port = await freePort();
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, configFor(dir, port));
  // The daemon keeps inherited pipes open, so stdio must not be piped; it forks and the parent exits.
  await new Promise<void>((resolve, reject) => {
    const child = spawn('dovecot', ['-c', conf], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`dovecot exited with ${code}`))));
  });
  await waitForPort(port);

  const clients = new Map<string, ImapFlow>();
  const client = (account: DovecotUser) =>
    new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user: account.user, pass: account.password },
      logger: false,
    });
  const connected = async (account: DovecotUser) => {
    let c = clients.get(account.user);
    if (!c || !c.usable) {
      c = client(account);
      await c.connect();
      clients.set(account.user, c);
    }
    return c;
  };

  return {
    host: '127.0.0.1',
    port,
    addUser(user, password) {
      appendFileSync(
        join(dir, 'passwd'),
        `${user}:{PLAIN}${password}:${MAIL_UID}:${MAIL_UID}::${dir}/mail/${user}::\n`,
      );
      return { user, password };
    },
    async append(account, mails, mailbox = 'INBOX') {
      const c = await connected(account);
      if (mailbox !== 'INBOX') await c.mailboxCreate(mailbox).catch(() => undefined);
      const uids: number[] = [];
      for (const mail of mails) {
        const result = await c.append(mailbox, mail);
        if (!result || result.uid === undefined) throw new Error('APPEND returned no UID');
        uids.push(result.uid);
      }
      return uids;
    },
    async recreateMailbox(account, mailbox) {
      const c = await connected(account);
      await c.mailboxDelete(mailbox).catch(() => undefined);
      await c.mailboxCreate(mailbox);
    },
    client,
    async kick(account) {
      await run('doveadm', ['-c', conf, 'kick', account.user]);
      // Our own APPEND connection was kicked too; the next append opens a new one.
      clients.get(account.user)?.close();
      clients.delete(account.user);
    },
    async stop() {
      await Promise.all([...clients.values()].map((c) => c.logout().catch(() => undefined)));
      await run('dovecot', ['-c', conf, 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
