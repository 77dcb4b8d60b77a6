// Jupyter wire format (messaging spec 5.3, "The Wire Protocol") as seen from a client: frames after
// the <IDS|MSG> delimiter are signature, header, parent_header, metadata, content, buffers...
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export interface WireHeader {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

export interface WireMessage {
  header: WireHeader;
  parent_header: Partial<WireHeader>;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
  channel: string;
}

const DELIMITER = Buffer.from('<IDS|MSG>');

export class WireCodec {
  readonly session = randomUUID();

  constructor(private readonly key: string) {}

  newHeader(msgType: string): WireHeader {
    return {
      msg_id: randomUUID(),
      session: this.session,
      username: 'pymemlab',
      date: new Date().toISOString(),
      msg_type: msgType,
      version: '5.3',
    };
  }

  encode(header: WireHeader, content: Record<string, unknown>): Buffer[] {
    const parts = [header, {}, {}, content].map((part) => Buffer.from(JSON.stringify(part)));
    return [DELIMITER, Buffer.from(this.sign(parts)), ...parts];
  }

  /** Null for frames that are not a well-formed, correctly signed message. */
  decode(frames: Buffer[], channel: string): WireMessage | null {
    const at = frames.findIndex((frame) => frame.equals(DELIMITER));
    if (at < 0 || frames.length < at + 6) return null;
    const [signature, ...parts] = frames.slice(at + 1, at + 6);
    if (!this.verify(signature!, parts)) return null;
    try {
      const [header, parent_header, metadata, content] = parts.map((part) => JSON.parse(part.toString('utf8')));
      return { header, parent_header, metadata, content, channel };
    } catch {
      return null;
    }
  }

  private sign(parts: Buffer[]): string {
    if (this.key === '') return '';
    const hmac = createHmac('sha256', this.key);
    for (const part of parts) hmac.update(part);
    return hmac.digest('hex');
  }

  private verify(signature: Buffer, parts: Buffer[]): boolean {
    const expected = Buffer.from(this.sign(parts));
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  }
}
