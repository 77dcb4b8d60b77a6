// Picking outputs out of what a request published on iopub.
import type { KernelMessage } from '../../../kernel/client/kernelClient.js';

export const ofType = (outputs: KernelMessage[], type: string): KernelMessage[] =>
  outputs.filter((message) => message.header.msg_type === type);

export const stdout = (outputs: KernelMessage[]): string =>
  ofType(outputs, 'stream').filter((message) => message.content.name === 'stdout').map((message) => message.content.text).join('');
