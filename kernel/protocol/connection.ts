// The connection file Jupyter writes before launching a kernel: where to bind and how to sign.
import { readFileSync } from 'node:fs';

export interface ConnectionInfo {
  transport: 'tcp' | 'ipc';
  ip: string;
  shell_port: number;
  control_port: number;
  iopub_port: number;
  stdin_port: number;
  hb_port: number;
  key: string;
  signature_scheme: string;
}

export type ChannelName = 'shell' | 'control' | 'iopub' | 'stdin' | 'hb';

export function readConnectionFile(path: string): ConnectionInfo {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<ConnectionInfo>;
  const info: ConnectionInfo = {
    transport: raw.transport ?? 'tcp',
    ip: raw.ip ?? '127.0.0.1',
    shell_port: Number(raw.shell_port ?? 0),
    control_port: Number(raw.control_port ?? 0),
    iopub_port: Number(raw.iopub_port ?? 0),
    stdin_port: Number(raw.stdin_port ?? 0),
    hb_port: Number(raw.hb_port ?? 0),
    key: raw.key ?? '',
    signature_scheme: raw.signature_scheme ?? 'hmac-sha256',
  };
  if (info.transport !== 'tcp' && info.transport !== 'ipc') throw new Error(`unsupported transport ${String(info.transport)}`);
  return info;
}

const portField: Record<ChannelName, keyof ConnectionInfo> = {
  shell: 'shell_port', control: 'control_port', iopub: 'iopub_port', stdin: 'stdin_port', hb: 'hb_port',
};

/** ZeroMQ endpoint of one channel; ipc endpoints follow jupyter_client's `<ip>-<port>` naming. */
export function channelEndpoint(info: ConnectionInfo, channel: ChannelName): string {
  const port = info[portField[channel]] as number;
  return info.transport === 'tcp' ? `tcp://${info.ip}:${port}` : `ipc://${info.ip}-${port}`;
}
