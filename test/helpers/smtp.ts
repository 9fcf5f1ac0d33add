import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { Db } from '../../src/db/client.ts';
import { OutboxDelivery } from '../../src/modules/notifications/delivery.ts';

/** One message as the SMTP peer received it. */
export interface ReceivedEmail {
  /** RCPT TO addresses of the SMTP envelope. */
  recipients: string[];
  /** Header names lower-cased, values unfolded and decoded (RFC 2047). */
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string | undefined;
  raw: string;
}

/** What the peer answers to RCPT TO: accept, or refuse with an SMTP reply code. */
export type PeerMode = { accept: true } | { accept: false; code: number; message: string };

export interface SmtpPeer {
  /** smtp://127.0.0.1:port, for OutboxDelivery's smtpUrl. */
  url: string;
  received: ReceivedEmail[];
  mode: PeerMode;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package), port chosen by the system. No STARTTLS and no
 * authentication: the exchange is plain SMTP, as nodemailer speaks it to a relay.
 */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const peer = { received: [] as ReceivedEmail[], mode: { accept: true } as PeerMode };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (peer.mode.accept) return callback();
      const error = Object.assign(new Error(peer.mode.message), { responseCode: peer.mode.code });
      return callback(error);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        peer.received.push({ ...parseEmail(raw), recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(peer, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** An address nobody listens on: a connection there is refused. */
export async function refusedSmtpUrl(): Promise<string> {
  const peer = await startSmtpPeer();
  await peer.close();
  return peer.url;
}

/** Splits an RFC 822 entity into unfolded, lower-cased headers and its body. */
function splitEntity(raw: string): { headers: Record<string, string>; body: string } {
  const normalised = raw.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=`), joining adjacent ones. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value.replace(/=\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => `%${hex}`);
  // Percent-escape the literal percent signs first, so decodeURIComponent turns exactly the =XX bytes back.
  return decodeURIComponent(bytes.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

/** The text and HTML parts of a message: a single part, or the parts of a multipart/alternative body. */
function partsOf(headers: Record<string, string>, body: string): { type: string; content: string }[] {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) {
    return [
      {
        type: type.split(';')[0]!.trim().toLowerCase(),
        content: decodeBody(body, headers['content-transfer-encoding']),
      },
    ];
  }
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .flatMap((chunk) => {
      const part = splitEntity(chunk.replace(/^\n/, ''));
      return partsOf(part.headers, part.body.replace(/\n$/, ''));
    });
}

/**
 * A minimal RFC 822 / MIME reader for the messages nodemailer writes: headers, subject, and the decoded text
 * and HTML parts. Enough to check what a recipient reads, without another dependency.
 */
export function parseEmail(raw: string): Omit<ReceivedEmail, 'recipients'> {
  const { headers, body } = splitEntity(raw);
  const parts = partsOf(headers, body);
  return {
    headers,
    subject: headers.subject ?? '',
    text: parts.find((part) => part.type === 'text/plain')?.content ?? '',
    html: parts.find((part) => part.type === 'text/html')?.content,
    raw,
  };
}

const quietLogger = { info() {}, warn() {}, error() {} };

/**
 * Runs one outbox pass through the peer, as the server's worker would, and returns what arrived for `address`
 * (all of it, not only this pass's) whose X-Passerelle-Template header is `template`.
 */
export async function deliverTo(db: Db, peer: SmtpPeer, address: string, template: string): Promise<ReceivedEmail[]> {
  await new OutboxDelivery({
    db,
    smtpUrl: peer.url,
    mailFrom: 'no-reply@passerelle.example',
    logger: quietLogger,
  }).runOnce();
  return peer.received.filter(
    (mail) => mail.recipients.includes(address) && mail.headers['x-passerelle-template'] === template,
  );
}

/** The token of the e-mailed link to `path` (e.g. `/reset-password`). */
export function linkToken(mail: ReceivedEmail, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=([\\w-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in:\n${mail.text}`);
  return match[1]!;
}
