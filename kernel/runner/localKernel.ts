// A kernel spawned on this machine from its kernelspec, driven over ZeroMQ.
import { launchKernel, type LaunchedKernel } from '../client/launch.js';
import type { KernelSpec } from './kernelspec.js';
import type { ExecuteReply, IOPubMessage, KernelSession } from './kernelSession.js';

const STARTUP_TIMEOUT_MS = 60_000;
const STDERR_KEPT = 4000;

export async function startLocalKernel(spec: KernelSpec): Promise<KernelSession> {
  const argv = spec.argv.map((arg) => arg.replaceAll('{resource_dir}', spec.resourceDir));
  const launched = await launchKernel(argv, { ...process.env, ...spec.env, JPY_PARENT_PID: String(process.pid) });
  const session = new LocalKernel(spec, launched);
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

  constructor(private readonly spec: KernelSpec, private readonly kernel: LaunchedKernel) {
    this.description = spec.name;
  }

  /** Why the kernel is gone, in the runner's words; null while it runs. */
  private exit(): string | null {
    const reason = this.kernel.exitReason();
    if (reason === null) return null;
    return this.kernel.process.pid === undefined
      ? `cannot start the kernel "${this.spec.name}" (${this.spec.argv[0]}): ${reason}`
      : `the kernel "${this.spec.name}" exited (${reason})`;
  }

  private stderrTail(): string {
    const tail = this.kernel.stderr().slice(-STDERR_KEPT).trim();
    return tail ? `\n--- kernel stderr ---\n${tail}` : '';
  }

  async ready(): Promise<void> {
    try {
      await this.kernel.client.waitForReady(STARTUP_TIMEOUT_MS, () => this.exit());
    } catch (error) {
      throw new Error(`${(error as Error).message}${this.stderrTail()}`);
    }
  }

  async execute(code: string, onIOPub: (message: IOPubMessage) => void): Promise<ExecuteReply> {
    const died = this.kernel.exited.then(() => {
      throw new Error(`${this.exit()} while executing${this.stderrTail()}`);
    });
    const reply = await Promise.race([this.kernel.client.executeStreaming(code, onIOPub), died]);
    const count = reply.content.execution_count;
    return { status: reply.content.status as ExecuteReply['status'], executionCount: typeof count === 'number' ? count : null };
  }

  async interrupt(): Promise<void> {
    if (this.spec.interrupt_mode === 'message') await this.kernel.client.request('control', 'interrupt_request', {}, 5000);
    else this.kernel.process.kill('SIGINT');
  }

  async shutdown(): Promise<void> {
    if (this.exit() === null) {
      await this.kernel.client.request('control', 'shutdown_request', { restart: false }, 3000).catch(() => undefined);
      const timer = setTimeout(() => this.kernel.process.kill('SIGKILL'), 3000);
      await this.kernel.exited;
      clearTimeout(timer);
    }
    await this.kernel.stop();
  }
}
