// What the notebook runner needs from a kernel, whether spawned here or living on a Jupyter Server.

/** An iopub message as both transports deliver it (only the parts the runner reads). */
export interface IOPubMessage {
  header: { msg_type: string };
  content: Record<string, unknown>;
}

export interface ExecuteReply {
  status: 'ok' | 'error' | 'aborted';
  executionCount: number | null;
}

export interface KernelSession {
  /** How the kernel is named in reports ("python3", "pymemlab", "python3 on http://..."). */
  readonly description: string;
  /** Resolves after the execute_reply and the kernel's return to idle, so every output was seen. */
  execute(code: string, onIOPub: (message: IOPubMessage) => void): Promise<ExecuteReply>;
  interrupt(): Promise<void>;
  shutdown(): Promise<void>;
}
