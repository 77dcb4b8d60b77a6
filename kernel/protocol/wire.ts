// The Jupyter wire format: routing identities, the `<IDS|MSG>` delimiter, an HMAC over the four
// JSON frames, then the frames themselves and any binary buffers.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export const PROTOCOL_VERSION = '5.3';
const DELIMITER = Buffer.from('<IDS|MSG>');

export interface Header {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

export type Content = Record<string, unknown>;

export interface Message {
  header: Header;
  parent_header: Partial<Header>;
  metadata: Content;
  content: Content;
  buffers: Buffer[];
}

/** A message received from a ROUTER socket, with the identities to route its replies back. */
export interface Incoming extends Message {
  identities: Buffer[];
  /** The header as it arrived: every reply and output names it as parent_header, byte for byte. */
  headerFrame: Buffer;
}

export type ParseResult =
  | { ok: true; message: Incoming }
  | { ok: false; reason: string };

export class Signer {
  private readonly algorithm: string | null;

  constructor(private readonly key: string, scheme: string) {
    if (key === '') {
      this.algorithm = null;
      return;
    }
    if (!scheme.startsWith('hmac-')) throw new Error(`unsupported signature scheme ${scheme}`);
    this.algorithm = scheme.slice('hmac-'.length);
    createHmac(this.algorithm, key); // fails now, at launch, if the algorithm is unknown
  }

  sign(frames: Buffer[]): string {
    if (this.algorithm === null) return '';
    const hmac = createHmac(this.algorithm, this.key);
    for (const frame of frames) hmac.update(frame);
    return hmac.digest('hex');
  }

  /** Constant-time check, so a forger learns nothing from how long the comparison took. */
  verify(signature: Buffer, frames: Buffer[]): boolean {
    if (this.algorithm === null) return true;
    const expected = Buffer.from(this.sign(frames), 'latin1');
    return signature.length === expected.length && timingSafeEqual(signature, expected);
  }
}

export function parseFrames(frames: Buffer[], signer: Signer): ParseResult {
  const split = frames.findIndex((frame) => frame.equals(DELIMITER));
  if (split < 0) return { ok: false, reason: 'no <IDS|MSG> delimiter' };
  if (frames.length < split + 6) return { ok: false, reason: 'too few frames' };
  const [signature, header, parent, metadata, content] = frames.slice(split + 1, split + 6) as [Buffer, Buffer, Buffer, Buffer, Buffer];
  if (!signer.verify(signature, [header, parent, metadata, content])) return { ok: false, reason: 'bad signature' };
  try {
    const message: Incoming = {
      identities: frames.slice(0, split),
      headerFrame: header,
      header: asObject(header) as unknown as Header,
      parent_header: asObject(parent),
      metadata: asObject(metadata),
      content: asObject(content),
      buffers: frames.slice(split + 6),
    };
    if (typeof message.header.msg_type !== 'string') return { ok: false, reason: 'header without msg_type' };
    return { ok: true, message };
  } catch (error) {
    return { ok: false, reason: `malformed JSON (${(error as Error).message})` };
  }
}

function asObject(frame: Buffer): Content {
  const value: unknown = JSON.parse(frame.toString('utf8'));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('frame is not a JSON object');
  return value as Content;
}

const EMPTY_OBJECT = Buffer.from('{}');

/** The frames of a message the kernel sends: the parent's header is its received frame, so a
 *  cell's five messages do not serialize it five times. */
export function serializeMessage(header: Header, parent: Incoming | null, metadata: Content | null, content: Content, routing: Buffer[], signer: Signer): Buffer[] {
  const body = [
    Buffer.from(JSON.stringify(header), 'utf8'),
    parent?.headerFrame ?? EMPTY_OBJECT,
    metadata === null ? EMPTY_OBJECT : Buffer.from(JSON.stringify(metadata), 'utf8'),
    Buffer.from(JSON.stringify(content), 'utf8'),
  ];
  return [...routing, DELIMITER, Buffer.from(signer.sign(body), 'latin1'), ...body];
}

export function makeHeader(msgType: string, session: string): Header {
  return {
    msg_id: randomUUID(),
    msg_type: msgType,
    session,
    username: 'kernel',
    date: new Date().toISOString(),
    version: PROTOCOL_VERSION,
  };
}
