import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DeliveryError } from './delivery-error.js';

/** Real servers on 127.0.0.1, on a port the system picks, for the channels to deliver to. */

export const SMTP_USER = 'leadrouter';
export const SMTP_PASSWORD = 'mail-secret';

export interface SmtpInbox {
  /** `smtp://user:password@127.0.0.1:<port>`. */
  url: string;
  /** What the server accepted, parsed: headers, text and HTML parts. */
  messages: ReceivedMail[];
  /** What it took in whole but never answered (see `acceptFirst`). */
  held: ReceivedMail[];
  close(): Promise<void>;
}

export interface ReceivedMail {
  envelopeTo: string[];
  user: string | undefined;
  mail: ParsedMail;
}

export interface SmtpBehaviour {
  /** Refusals to give first, one per message, at RCPT TO. */
  rcpt?: number[];
  /** Refusals to give first, one per message, after DATA. */
  data?: number[];
  /** How long each message waits for its 250. */
  answerAfterMs?: number;
  /** Messages accepted before every other one is taken in — DATA and its final dot — and never answered, as by a server stuck scanning mail. */
  acceptFirst?: number;
}

/**
 * An SMTP server that asks for the test's credentials and keeps what it accepts, behaving as
 * told: `{ data: [451] }` refuses the first message with 451 after DATA and takes the next.
 * STARTTLS is not offered: the tests run in the clear.
 */
export async function startSmtpServer(behaviour: SmtpBehaviour = {}): Promise<SmtpInbox> {
  const messages: ReceivedMail[] = [];
  const held: ReceivedMail[] = [];
  const rcpt = [...(behaviour.rcpt ?? [])];
  const data = [...(behaviour.data ?? [])];
  const { answerAfterMs = 0, acceptFirst = Infinity } = behaviour;
  const refusal = (code: number | undefined) => (code === undefined ? null : Object.assign(new Error(`refused by the test (${code})`), { responseCode: code }));
  const server = new SMTPServer({
    // Senders keep pooled connections open; a closing test server drops them instead of waiting.
    closeTimeout: 50,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('bad credentials'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      callback(refusal(rcpt.shift()));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refused = refusal(data.shift());
        if (refused) return callback(refused);
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            const received = { envelopeTo: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, mail };
            if (messages.length >= acceptFirst) {
              held.push(received); // and no answer, ever
              return;
            }
            messages.push(received);
            setTimeout(() => callback(), answerAfterMs);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    const net = server.listen(0, '127.0.0.1', () => resolve((net.address() as AddressInfo).port));
  });
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    messages,
    held,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'never';

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** An HTTP server that keeps every request and answers as `answer` says; `'never'` leaves it hanging. */
export async function startReceiver(answer: (request: ReceivedRequest, index: number) => Answer): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      const reply = answer(request, requests.length - 1);
      if (reply === 'never') return;
      res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A TCP server that takes connections and never says a word: an SMTP server that is stuck. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: taken from the system, then let go. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function listen(server: { listen(port: number, host: string, cb: () => void): unknown; address(): unknown }): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** What a send threw, for a test that expects a DeliveryError. */
export async function deliveryFailure(sending: Promise<void>): Promise<DeliveryError> {
  const error = await sending.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof DeliveryError)) throw new Error(`expected a DeliveryError, got ${String(error)}`);
  return error;
}
