/**
 * The inbox of bench:notify: a real SMTP server (smtp-server) on 127.0.0.1 that asks for a user
 * name and password, like src/notify/test-support.ts's, and notes the instant each message has
 * arrived — the end of its DATA, before it is parsed — then parses it with mailparser and hands
 * it on. The sender is answered as soon as the message is in, so parsing adds nothing to its wait.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const USER = 'bench';
const PASSWORD = 'bench-secret';

export interface ReceivedMail {
  /** Epoch milliseconds (fractional) when the whole message had arrived. */
  receivedAt: number;
  envelopeTo: string[];
  subject: string;
  /** The plain-text part. */
  text: string;
}

export interface SmtpInbox {
  /** `smtp://user:password@127.0.0.1:<port>`. */
  url: string;
  /** Called with every message once parsed. */
  onMail(listener: (mail: ReceivedMail) => void): void;
  /** Messages that could not be parsed. */
  readonly failures: number;
  close(): Promise<void>;
}

/** Epoch milliseconds with sub-millisecond precision, comparable with another process's Date.now(). */
export const epochMs = (): number => performance.timeOrigin + performance.now();

export async function startSmtpInbox(): Promise<SmtpInbox> {
  let listener: (mail: ReceivedMail) => void = () => undefined;
  let failures = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('bad credentials'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const receivedAt = epochMs();
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        callback();
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => listener({ receivedAt, envelopeTo, subject: mail.subject ?? '', text: mail.text ?? '' }),
          () => failures++,
        );
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    const net = server.listen(0, '127.0.0.1', () => resolve((net.address() as AddressInfo).port));
  });
  return {
    url: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    onMail: (l) => {
      listener = l;
    },
    get failures() {
      return failures;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
