// The connection file a locally spawned kernel reads (jupyter_client's write_connection_file).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConnectionInfo {
  transport: 'tcp';
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  signature_scheme: 'hmac-sha256';
  key: string;
  kernel_name: string;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ConnectionFile {
  path: string;
  info: ConnectionInfo;
  remove(): Promise<void>;
}

export async function writeConnectionFile(kernelName: string): Promise<ConnectionFile> {
  const ip = '127.0.0.1';
  const ports: number[] = [];
  // Ports are taken one at a time while each is briefly held, so the five are distinct.
  while (ports.length < 5) {
    const port = await freePort(ip);
    if (!ports.includes(port)) ports.push(port);
  }
  const [shell_port, iopub_port, stdin_port, control_port, hb_port] = ports as [number, number, number, number, number];
  const info: ConnectionInfo = {
    transport: 'tcp', ip, shell_port, iopub_port, stdin_port, control_port, hb_port,
    signature_scheme: 'hmac-sha256', key: randomBytes(32).toString('hex'), kernel_name: kernelName,
  };
  const dir = await mkdtemp(join(tmpdir(), 'pymemlab-run-'));
  const path = join(dir, 'kernel.json');
  await writeFile(path, JSON.stringify(info, null, 1), { mode: 0o600 });
  return { path, info, remove: () => rm(dir, { recursive: true, force: true }) };
}
