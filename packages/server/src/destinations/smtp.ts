/**
 * Email through any SMTP server (nodemailer): one message to the support inbox, with the
 * visitor as `Reply-To`, the reference in the subject, the files attached and a Message-ID
 * made from the ticket id (so mail clients and lists can drop a repeat); optionally a short
 * confirmation to the visitor. Each message is sent at most once per delivery when the
 * server's answer arrives; a lost answer can repeat it (at-least-once, same Message-ID).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { describeContext } from './http.js';
import { DeliveryError, type Destination, type DeliveryTicket } from './types.js';

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (`smtps://`); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
  to: string;
  from: string;
  /** Also send the visitor a confirmation with the reference. */
  confirm: boolean;
  name: string;
}

function messageId(ticket: DeliveryTicket, from: string, suffix = ''): string {
  const domain = from.slice(from.lastIndexOf('@') + 1).replace(/>.*$/, '') || 'porthole.invalid';
  return `<porthole-${ticket.id}${suffix}@${domain}>`;
}

/** Server answers 4xx and lost connections may pass; 5xx and bad credentials will not. */
function toDeliveryError(error: unknown): DeliveryError {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  const retryable =
    responseCode === undefined ? code !== 'EAUTH' && code !== 'EENVELOPE' : responseCode < 500;
  const what = responseCode ? `answered ${responseCode}` : `failed (${code ?? 'unknown error'})`;
  return new DeliveryError(`The mail server ${what}`, {
    retryable,
    ...(responseCode ? { status: responseCode } : {}),
    cause: error,
  });
}

export function createSmtpDestination(options: SmtpOptions): Destination {
  const transport: Transporter = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    ...(options.auth ? { auth: options.auth } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });

  async function sendSupportMail(ticket: DeliveryTicket): Promise<string> {
    const attachments = await Promise.all(
      ticket.attachments.map(async (a) => ({
        filename: a.name,
        content: await a.read(),
        contentType: a.type,
      })),
    );
    const info = (await transport.sendMail({
      from: options.from,
      to: options.to,
      replyTo: ticket.name ? { name: ticket.name, address: ticket.email } : ticket.email,
      subject: `[${ticket.reference}] ${ticket.subject}`,
      text: `${ticket.message}\n\n---\nFrom: ${ticket.name ?? ''} <${ticket.email}>\n${describeContext(ticket)}\n`,
      messageId: messageId(ticket, options.from),
      date: new Date(ticket.createdAt),
      headers: { 'X-Porthole-Ticket': ticket.id },
      attachments,
    })) as { messageId: string };
    return info.messageId;
  }

  async function sendConfirmation(ticket: DeliveryTicket): Promise<void> {
    await transport.sendMail({
      from: options.from,
      to: ticket.name ? { name: ticket.name, address: ticket.email } : ticket.email,
      replyTo: options.to,
      subject: `We received your message [${ticket.reference}]`,
      text: `Thank you for writing to us. Your message "${ticket.subject}" has reached our support team.\n\nYour reference is ${ticket.reference}. Reply to this email if you want to add anything.\n`,
      messageId: messageId(ticket, options.from, '.confirmation'),
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
  }

  return {
    kind: 'smtp',
    name: options.name,
    idempotent: false,
    async deliver(ticket, context) {
      // nodemailer has no per-message abort: closing the pool-less transport ends the socket.
      const onAbort = () => transport.close();
      context.signal.addEventListener('abort', onAbort, { once: true });
      try {
        let remoteId = context.progress.sent as string | undefined;
        if (!remoteId) {
          remoteId = await sendSupportMail(ticket);
          await context.saveProgress({ sent: remoteId });
        }
        if (options.confirm && !context.progress.confirmed) {
          await sendConfirmation(ticket);
          await context.saveProgress({ sent: remoteId, confirmed: true });
        }
        return { remoteId };
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        throw toDeliveryError(error);
      } finally {
        context.signal.removeEventListener('abort', onAbort);
      }
    },
    async close() {
      transport.close();
    },
  };
}
