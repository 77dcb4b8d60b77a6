// A kernel spawned on this machine from its kernelspec, driven over ZeroMQ.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeConnectionFile, type ConnectionFile } from './connectionFile.js';
import type { KernelSpec } from './kernelspec.js';
import type { ExecuteReply, IOPubMessage, KernelSession } from './kernelSession.js';
import { ZmqKernelClient } from './zmqClient.js';

const STARTUP_TIMEOUT_MS = 60_000;
const STDERR_KEPT = 4000;

export async function startLocalKernel(spec: KernelSpec): Promise<KernelSession> {
  const connection = await writeConnectionFile(spec.name);
  const argv = spec.argv.map((arg) =>
    arg.replaceAll('{connection_file}', connection.path).replaceAll('{resource_dir}', spec.resourceDir));
  const child = spawn(argv[0]!, argv.slice(1), {
    env: { ...process.env, ...spec.env, JPY_PARENT_PID: String(process.pid) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const session = new LocalKernel(spec, child, connection);
  try {
    await session.ready();
  } catch (error) {
    await session.shutdown();
    throw error;
  }
  return session;
}

class LocalKernel implements KernelSession {
  readonly description: string;
  private readonly client: ZmqKernelClient;
  private stderrTail = '';
  private exit: string | null = null;
  private readonly exited: Promise<void>;

  constructor(private readonly spec: KernelSpec, private readonly child: ChildProcess, private readonly connection: ConnectionFile) {
    this.description = spec.name;
    this.client = new ZmqKernelClient(connection.info);
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_KEPT);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = `the kernel "${spec.name}" exited (${signal ?? `status ${code}`})`;
        resolve();
      });
      child.once('error', (error) => {
        this.exit = `cannot start the kernel "${spec.name}" (${spec.argv[0]}): ${error.message}`;
        resolve();
      });
    });
  }

  async ready(): Promise<void> {
    try {
      await this.client.waitForReady(STARTUP_TIMEOUT_MS, () => this.exit);
    } catch (error) {
      const tail = this.stderrTail.trim();
      throw new Error(`${(error as Error).message}${tail ? `\n--- kernel stderr ---\n${tail}` : ''}`);
    }
  }

  execute(code: string, onIOPub: (message: IOPubMessage) => void): Promise<ExecuteReply> {
    const died = this.exited.then(() => {
      throw new Error(`${this.exit} while executing${this.stderrTail ? `\n--- kernel stderr ---\n${this.stderrTail.trim()}` : ''}`);
    });
    return Promise.race([this.client.execute(code, onIOPub), died]);
  }

  async interrupt(): Promise<void> {
    if (this.spec.interrupt_mode === 'message') await this.client.controlRequest('interrupt_request', {}, 5000);
    else this.child.kill('SIGINT');
  }

  async shutdown(): Promise<void> {
    if (!this.exit) {
      await this.client.controlRequest('shutdown_request', { restart: false }, 3000).catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await this.exited;
      clearTimeout(timer);
    }
    this.client.close();
    await this.connection.remove();
  }
}
