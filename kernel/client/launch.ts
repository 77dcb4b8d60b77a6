// Starting a kernel process on a fresh connection file and connecting a client to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeConnectionFile } from './connectionFile.js';
import { KernelClient } from './kernelClient.js';

export interface LaunchedKernel {
  client: KernelClient;
  process: ChildProcess;
  /** What the kernel wrote on stderr so far. */
  stderr(): string;
  /** performance.now() just before the process was spawned. */
  startedAt: number;
  /** Resolves with the exit code once the process has ended (null after a signal or a failed spawn). */
  exited: Promise<number | null>;
  /** Why the process is gone ("status 1", "SIGKILL", or the spawn error), null while it runs. */
  exitReason(): string | null;
  stop(): Promise<void>;
}

/** Starts `command` with `{connection_file}` replaced by a fresh connection file, and connects to it. */
export async function launchKernel(command: string[], env: NodeJS.ProcessEnv = process.env): Promise<LaunchedKernel> {
  const connection = await writeConnectionFile('kernel');
  const startedAt = performance.now();
  const child = spawn(command[0]!, command.slice(1).map((arg) => arg.replaceAll('{connection_file}', connection.path)), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let exitReason: string | null = null;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      exitReason = signal ?? `status ${code}`;
      resolve(code);
    });
    child.once('error', (error) => {
      exitReason = error.message;
      resolve(null);
    });
  });
  const client = new KernelClient(connection.info);
  return {
    client,
    process: child,
    startedAt,
    stderr: () => stderr,
    exited,
    exitReason: () => exitReason,
    stop: async () => {
      client.close();
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
      await connection.remove();
    },
  };
}
